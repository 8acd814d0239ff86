/** Strings every capability of the academy uses (navigation, kinds, audiences). */
export default {
  'nav.academy': 'Academie',
  'academy.admin.card': 'Mantelzorgacademie',
  'academy.admin.card.hint':
    'Opleidingen plannen uit de sjablonen, inschrijvingen en aanwezigheden.',
  'academy.admin.platformCard.hint': 'De sjablonen van de opleidingen, voor alle gemeenten.',
  'academy.kind.workshop': 'Workshop',
  'academy.kind.track': 'Traject',
  'academy.kind.info_session': 'Infosessie',
} satisfies Record<string, string>;
