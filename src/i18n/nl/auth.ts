/** Accounts: login, registration, password reset, invitations. */
export default {
  'auth.loginFailed': 'E-mailadres of wachtwoord klopt niet',
  'auth.loggedIn': 'Je bent ingelogd.',
  'auth.tooManyAttempts': 'Je hebt dit te vaak geprobeerd. Probeer het opnieuw over {wait}.',
  'auth.tooManyMails':
    'Er werden te veel e-mails naar dit adres gevraagd. Probeer het opnieuw over {wait}.',
  'auth.waitMinutes': '{n} minuten',
  'auth.waitHours': '{n} uur',
  'auth.passwordLoginPaused':
    'Met een wachtwoord inloggen lukt vandaag niet meer voor dit e-mailadres: er waren te veel mislukte pogingen. Log in met een link in je e-mail (hieronder), dat lukt wel.',
  'auth.wrongCurrentPassword': 'Je huidige wachtwoord klopt niet',
  'auth.chooseInvitePassword': 'Kies een wachtwoord',
  'auth.profileSaved': 'Je gegevens zijn bewaard.',
  'auth.passwordChanged': 'Je nieuwe wachtwoord is bewaard. Op andere toestellen ben je uitgelogd.',
  'auth.passwordReset':
    'Je nieuwe wachtwoord is bewaard en je bent ingelogd. Op andere toestellen ben je uitgelogd.',
  'auth.welcomeRegistered':
    'Welkom! Je account bij de Mantelzorghub {tenant} is klaar. Je bent ingelogd.',
  'auth.welcomeJoined': 'Welkom! Je doet nu mee met de Mantelzorghub {tenant}.',
  'auth.welcomeInvited': 'Welkom bij de Mantelzorghub {tenant}. Je bent ingelogd.',
} as const;
