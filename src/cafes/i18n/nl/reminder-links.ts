/** Strings of the one-click links in a reminder mail: sign up, stop reminders (issue 3, slice 3). */
export default {
  'reminderLinks.signup.title': 'Aanmelden',
  'reminderLinks.signup.question': 'Wil je je aanmelden voor {name} op {date}?',
  'reminderLinks.signup.alone':
    'Met deze knop meld je alleen jezelf aan. Breng je iemand mee, of heb je hulp nodig om te komen? Meld je dan aan op de pagina van de bijeenkomst.',
  'reminderLinks.signup.confirm': 'Ja, meld mij aan',
  'reminderLinks.signup.confirmed.title': 'Je bent aangemeld',
  'reminderLinks.signup.confirmed':
    'Je bent aangemeld voor {name} op {date}. Je krijgt een bevestiging per e-mail, met de bijeenkomst voor je agenda.',
  'reminderLinks.signup.waitlisted.title': 'Je staat op de wachtlijst',
  'reminderLinks.signup.waitlisted':
    'De bijeenkomst is volzet. Je staat op plaats {position} van de wachtlijst; komt er een plaats vrij, dan krijg je een e-mail.',
  'reminderLinks.signup.already.title': 'Je bent al aangemeld',
  'reminderLinks.signup.already': 'Je was al aangemeld voor deze bijeenkomst. Tot dan!',
  'reminderLinks.signup.cancelled.title': 'Deze bijeenkomst gaat niet door',
  'reminderLinks.signup.cancelled':
    'De bijeenkomst is afgelast. Op de pagina van het café zie je de volgende.',
  'reminderLinks.signup.past.title': 'Deze bijeenkomst is voorbij',
  'reminderLinks.signup.past':
    'Aanmelden kan niet meer. Op de pagina van het café zie je de volgende bijeenkomsten.',
  'reminderLinks.signup.not-found.title': 'Deze bijeenkomst bestaat niet meer',
  'reminderLinks.signup.not-found': 'Op de pagina van het café zie je de volgende bijeenkomsten.',
  'reminderLinks.toMeeting': 'Naar de bijeenkomst',
  'reminderLinks.toCafe': 'Naar het café',
  'reminderLinks.cafeOff.title': 'Geen herinneringen meer',
  'reminderLinks.cafeOff.question':
    'Wil je geen herinneringen meer krijgen van {name}? Je blijft aangemeld voor de bijeenkomsten waarvoor je je aanmeldde.',
  'reminderLinks.cafeOff.confirm': 'Ja, stop de herinneringen van dit café',
  'reminderLinks.cafeOff.done.title': 'De herinneringen zijn uit',
  'reminderLinks.cafeOff.done': 'Je krijgt geen herinneringen meer van {name}.',
  'reminderLinks.cafeOff.offerAll': 'Wil je van geen enkel café nog herinneringen krijgen?',
  'reminderLinks.allOff.title': 'Geen enkele herinnering meer',
  'reminderLinks.allOff.question':
    'Wil je van geen enkel café nog herinneringen krijgen? Bevestigingen van je aanmeldingen en berichten over een gewijzigde of afgelaste bijeenkomst krijg je wel.',
  'reminderLinks.allOff.confirm': 'Ja, stop alle herinneringen',
  'reminderLinks.allOff.done.title': 'Alle herinneringen zijn uit',
  'reminderLinks.allOff.done':
    'Je krijgt van geen enkel café nog herinneringen. Je kunt ze altijd weer aanzetten.',
  'reminderLinks.settings':
    'Je kunt dit altijd weer veranderen bij "Mijn herinneringen" (na inloggen).',
  'reminderLinks.invalid.title': 'Deze link werkt niet',
  'reminderLinks.invalid':
    'De link is niet volledig of hoort niet bij deze gemeente. Kopieer hem helemaal uit de e-mail, of log in en kijk bij "Mijn herinneringen".',
  'reminderLinks.expired.title': 'Deze link is verlopen',
  'reminderLinks.expired':
    'Deze link werkt niet meer. Log in en kijk bij "Mijn aanmeldingen" of "Mijn herinneringen".',
};
