/** Strings of the café reminder choices (/mijn-herinneringen) and the line on the café page. */
export default {
  'reminders.title': 'Herinneringen voor de cafés',
  'reminders.lead':
    'Voor een bijeenkomst van een mantelzorgcafé kun je een herinnering krijgen per e-mail. Het café kiest wanneer: meestal 7 dagen en 1 dag vooraf.',
  'reminders.stop': 'In elke herinnering staat ook een link om de herinneringen te stoppen.',
  'reminders.default.legend': 'Van welke bijeenkomsten wil je een herinnering?',
  'reminders.default.hint':
    'Dit geldt voor alle cafés die je volgt. Wil je voor één café iets anders? Kies dat hieronder.',
  'reminders.default.all': 'Van elke bijeenkomst van de cafés die ik volg',
  'reminders.default.signed_up': 'Alleen van bijeenkomsten waarvoor ik ingeschreven ben',
  'reminders.default.none': 'Geen herinneringen',
  'reminders.cafes.heading': 'Per café',
  'reminders.cafes.lead':
    'Kies "Zoals hierboven" als je voor dit café hetzelfde wilt als voor alle cafés.',
  'reminders.cafes.none':
    'Je volgt nog geen café. Op de pagina van een café kun je het volgen. Daarna kun je hier voor dat café iets anders kiezen.',
  'reminders.cafe.label': 'Herinneringen van {name}',
  'reminders.option.default': 'Zoals hierboven',
  'reminders.option.all': 'Elke bijeenkomst',
  'reminders.option.signed_up': 'Alleen als ik ingeschreven ben',
  'reminders.option.none': 'Geen',
  'reminders.submit': 'Keuzes bewaren',
  'reminders.saved': 'Je keuzes voor de herinneringen zijn bewaard.',
  'reminders.error.default': 'Kies van welke bijeenkomsten je een herinnering wilt.',
  'reminders.error.cafe': 'Kies in de lijst welke herinneringen je wilt van {name}.',
  'reminders.error.notFollowed':
    'Je volgt een café uit dit formulier niet (meer). Er is niets bewaard. Kijk je keuzes na en bewaar opnieuw.',
  'reminders.back': 'Terug naar mijn aanmeldingen',
  'reminders.toCafes': 'Alle cafés bekijken',
  'reminders.link.mine': 'Kies van welke bijeenkomsten je een herinnering krijgt',
  'reminders.cafe.all': 'Je krijgt een herinnering voor elke bijeenkomst van dit café.',
  'reminders.cafe.signed_up':
    'Je krijgt alleen een herinnering voor bijeenkomsten waarvoor je ingeschreven bent.',
  'reminders.cafe.none': 'Je krijgt geen herinneringen van dit café.',
  'reminders.cafe.change': 'Herinneringen aanpassen',
};
