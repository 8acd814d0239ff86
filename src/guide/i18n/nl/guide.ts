/** The Wegwijzer's shared Dutch strings: navigation and the admin cards. */
export default {
  'nav.guide': 'Wegwijzer',
  'nav.help': 'Hulp in de buurt',
  'nav.cafeFinder': 'Mantelzorgcafés',
  'guide.admin.card': 'Wegwijzer',
  'guide.admin.card.hint':
    'De lokale aanvullingen bij de vragen, eigen pagina’s, de mantelzorgpremie en de reacties.',
  'guide.admin.platformCard.hint':
    'De algemene pagina’s voor elke hub, wat nagekeken moet worden en de reacties van lezers.',
  'guide.orgs.admin.card': 'Hulp in de buurt',
  'guide.orgs.admin.card.hint':
    'De zorgorganisaties van de gemeente: toevoegen, aanpassen, importeren uit een CSV-bestand.',
} as Record<string, string>;
