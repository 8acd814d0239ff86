/** The Wegwijzer's shared Dutch strings: navigation and the admin cards. */
export default {
  'nav.guide': 'Wegwijzer',
  'guide.admin.card': 'Wegwijzer',
  'guide.admin.card.hint':
    'De lokale aanvullingen bij de vragen, eigen pagina’s en de mantelzorgpremie van de gemeente.',
  'guide.admin.platformCard.hint':
    'De algemene pagina’s voor elke hub en wat opnieuw nagekeken moet worden.',
} as Record<string, string>;
