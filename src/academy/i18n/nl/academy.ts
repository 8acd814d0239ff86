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
  'academy.audience.caregiver': 'Mantelzorgers',
  'academy.audience.professional': 'Zorgprofessionals',
  'academy.audience.staff': 'Medewerkers van de gemeente',
} satisfies Record<string, string>;
