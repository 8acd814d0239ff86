/** Strings used across the site. Keys are English, values plain Dutch (B1). */
export default {
  'site.name': 'Mantelzorghub',
  'site.tagline': 'Steun en contact voor mantelzorgers in jouw gemeente',
  'nav.skip': 'Ga naar de inhoud',
  'nav.main': 'Hoofdmenu',
  'nav.home': 'Start',
  'nav.login': 'Inloggen',
  'nav.logout': 'Uitloggen',
  'nav.register': 'Account maken',
  'nav.admin': 'Beheer',
  'nav.account': 'Mijn account',
  'nav.mySignups': 'Mijn aanmeldingen',
  'nav.calendar': 'Kalender',
  // Who something is for (src/web/surfaces/audience.ts): courses, the calendar.
  'audience.caregiver': 'Mantelzorgers',
  'audience.professional': 'Zorgprofessionals',
  'audience.staff': 'Medewerkers van de gemeente',
  'footer.privacy': 'Privacyverklaring',
  'footer.accessibility': 'Toegankelijkheidsverklaring',
  'footer.platform': 'Alle gemeenten met een Mantelzorghub',
  'footer.contact': 'Contact sociale dienst',
  'form.errorSummary': 'Er is een probleem',
  'form.errorPrefix': 'Fout: ',
  'error.404.title': 'Deze pagina bestaat niet',
  'error.404.body': 'Misschien is het adres verkeerd getypt, of is de pagina verplaatst.',
  'error.500.title': 'Er ging iets mis',
  'error.500.body': 'Dat ligt niet aan jou. Probeer het over enkele minuten opnieuw.',
  'error.429.title': 'Even geduld',
  'error.429.body':
    'Je hebt dit te vaak geprobeerd. Wacht een kwartier en probeer het dan opnieuw.',
  'error.403.title': 'Geen toegang',
  'error.403.body':
    'Deze pagina is niet voor jouw account. Log in met een ander account, of ga terug naar de startpagina.',
  'error.back': 'Naar de startpagina',
  'input.refused.title': 'Dat konden we niet lezen',
  'input.control':
    'Hier staat een onzichtbaar teken in dat we niet kunnen bewaren. Typ de tekst opnieuw, of plak hem als gewone tekst.',
  'input.address':
    'Het adres van de pagina bevat een teken dat niet kan. Controleer het adres, of ga terug naar de startpagina.',
  'input.tooLarge':
    'Wat je stuurde is te lang om te bewaren. Maak de tekst korter en probeer het opnieuw.',
  'input.twice':
    'Dit veld kwam twee keer mee. Laad de pagina opnieuw en vul het formulier nog eens in.',
  'input.brokenText':
    'Hier staat een teken in dat niet goed doorkwam. Typ de tekst opnieuw, of plak hem als gewone tekst.',
  'input.unsupported':
    'Dit formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer het nog eens.',
  'input.unreadable':
    'Dit formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer het nog eens.',
} as const;
