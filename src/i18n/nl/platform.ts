/** Strings of the platform site (request form, admin console). */
export default {
  'platform.request.title': 'Start een Mantelzorghub in jouw gemeente',
  'platform.request.sentTitle': 'Bedankt, we hebben je aanvraag ontvangen',
  'platform.admin.title': 'Beheer van het platform',
  'platform.admin.newTenant.title': 'Nieuwe gemeente',
  'platform.admin.invite.title': 'Beheerder uitnodigen',
} as const;
