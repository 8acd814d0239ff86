import type { Role } from '../../src/auth/entities/membership.entity';
import { meetingBody } from './cafes';
import type { TenantIds } from './tenant-routes';

/**
 * Who reaches each POST route, for the fuzz test (test/fuzz.e2e-spec.ts). The key is the method
 * and the Express path as declared (platform routes under `/_platform`); a POST route that is not
 * here fails the fuzz test, so a new form is fuzzed from the day it exists.
 *
 * The fuzz test reads the form's fields from its page (`page`, by default the GET of the same
 * path), takes the values shown there, lays `body` over them (valid values, so one hostile field
 * at a time gets past the others), then replaces one field or path parameter at a time.
 * Entries run in this order: routes that cancel, remove or log out come last.
 */
/** `outsider`: an account with no membership in this hub (yet). */
export type Actor = Role | 'anonymous' | 'outsider' | 'platform_admin';

export interface PostRouteEntry {
  actor: Actor;
  /** The path on its host (platform routes without `/_platform`), with seeded ids filled in. */
  path: (ids: TenantIds) => string;
  /** The page that shows the form (fields are read from it); null: no page, `body` only. */
  page?: ((ids: TenantIds) => string) | null;
  /** Valid values laid over the page's (the CSRF token is added by the test). */
  body?: (ids: TenantIds) => Record<string, string>;
  /** Changes the session or the credentials: a member and a login of its own. */
  ownSession?: boolean;
  /** An upload form: sent as multipart, the CSRF token in the query (as the page does). */
  multipart?: boolean;
}

const password = {
  password: 'Een-nieuw-wachtwoord-2027',
  passwordConfirm: 'Een-nieuw-wachtwoord-2027',
};

// prettier-ignore
export const POST_ROUTE_ROLES: Record<string, PostRouteEntry> = {
  // Hub: anonymous forms
  'POST /inloggen': { actor: 'anonymous', path: () => '/inloggen', body: (ids) => ({ email: ids.fuzzEmail, password: 'fout-wachtwoord' }) },
  'POST /inloggen/link': { actor: 'anonymous', path: () => '/inloggen/link', body: (ids) => ({ email: ids.fuzzEmail }) },
  'POST /wachtwoord-vergeten': { actor: 'anonymous', path: () => '/wachtwoord-vergeten', body: (ids) => ({ email: ids.fuzzEmail }) },
  'POST /registreren': { actor: 'anonymous', path: () => '/registreren', body: () => ({ displayName: 'Fuzz Persoon', email: 'fuzz-nieuw@example.be', ...password, terms: '1' }) },
  'POST /inloggen/link/:token': { actor: 'anonymous', path: (ids) => `/inloggen/link/${ids.loginToken}` },
  'POST /bevestigen/:token': { actor: 'anonymous', path: (ids) => `/bevestigen/${ids.verifyToken}`, body: () => ({ ...password, terms: '1' }) },
  'POST /aansluiten/:token': { actor: 'anonymous', path: (ids) => `/aansluiten/${ids.joinToken}` },
  'POST /uitnodiging/:token': { actor: 'anonymous', path: (ids) => `/uitnodiging/${ids.inviteToken}`, body: () => ({ displayName: 'Fuzz Genodigde', ...password, terms: '1' }) },
  'POST /wachtwoord-vergeten/:token': { actor: 'anonymous', path: (ids) => `/wachtwoord-vergeten/${ids.resetToken}`, body: () => password },
  'POST /e/afmelden/:token': { actor: 'anonymous', path: (ids) => `/e/afmelden/${ids.signupCancelToken}` },
  'POST /e/aanmelden/:token': { actor: 'anonymous', path: (ids) => `/e/aanmelden/${ids.reminderSignupToken}` },
  'POST /e/herinneringen/:token': { actor: 'anonymous', path: (ids) => `/e/herinneringen/${ids.remindersCafeOffToken}` },
  'POST /e/herinneringen-alle/:token': { actor: 'anonymous', path: (ids) => `/e/herinneringen-alle/${ids.remindersAllOffToken}` },
  // Hub: a signed-in member
  'POST /account/gegevens': { actor: 'caregiver', path: () => '/account/gegevens', page: () => '/account' },
  'POST /aansluiten': { actor: 'outsider', path: () => '/aansluiten', body: () => ({ displayName: 'Fuzz Lid', terms: '1' }) },
  'POST /mijn-herinneringen': { actor: 'caregiver', path: () => '/mijn-herinneringen' },
  'POST /cafes/:slug/wensen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen`, body: () => ({ kind: 'theme', text: 'Slapen als je zorgt' }) },
  'POST /cafes/:slug/wensen/:wish/stem': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/stem`, page: null, body: () => ({ terug: 'cafe' }) },
  'POST /cafes/:slug/wensen/:wish/intrekken': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/wensen/${ids.wishId}/intrekken`, page: null, body: () => ({ terug: 'cafe' }) },
  'POST /cafes/:slug/:meeting/aanmelden': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/aanmelden`, page: null, body: () => ({ companions: '1', transport: '1' }) },
  'POST /cafes/:slug/volgen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/volgen`, page: null },
  'POST /cafes/:slug/ontvolgen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/ontvolgen`, page: null },
  // Hub: a café's core group (the seeded caregiver hosts the café)
  'POST /cafes/:slug/beheer/nieuwe-bijeenkomst': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/nieuwe-bijeenkomst`, body: meetingBody },
  'POST /cafes/:slug/:meeting/bewerken': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/bewerken` },
  'POST /cafes/:slug/beheer/wensen/:wish/koppelen': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen/${ids.wishId}/koppelen`, page: (ids) => `/cafes/${ids.cafeSlug}/beheer/wensen`, body: (ids) => ({ bijeenkomst: ids.meetingKey }) },
  // Hub: the municipality's admin
  'POST /beheer/huisstijl': { actor: 'tenant_admin', path: () => '/beheer/huisstijl' },
  'POST /beheer/huisstijl/logo': { actor: 'tenant_admin', path: () => '/beheer/huisstijl/logo', page: null, multipart: true },
  'POST /beheer/welkom': { actor: 'tenant_admin', path: () => '/beheer/welkom' },
  'POST /beheer/privacy': { actor: 'tenant_admin', path: () => '/beheer/privacy' },
  'POST /beheer/privacy/standaard': { actor: 'tenant_admin', path: () => '/beheer/privacy/standaard', page: null },
  'POST /beheer/toegankelijkheid': { actor: 'tenant_admin', path: () => '/beheer/toegankelijkheid' },
  'POST /beheer/toegankelijkheid/standaard': { actor: 'tenant_admin', path: () => '/beheer/toegankelijkheid/standaard', page: null },
  'POST /beheer/leden/uitnodigen': { actor: 'tenant_admin', path: () => '/beheer/leden/uitnodigen', body: () => ({ email: 'fuzz-uitnodiging@example.be', role: 'caregiver' }) },
  'POST /beheer/leden/:id/rol': { actor: 'tenant_admin', path: (ids) => `/beheer/leden/${ids.professionalMembershipId}/rol`, page: (ids) => `/beheer/leden/${ids.professionalMembershipId}`, body: () => ({ role: 'professional' }) },
  'POST /beheer/cafes/nieuw': { actor: 'tenant_admin', path: () => '/beheer/cafes/nieuw', body: () => ({ name: 'Fuzzcafé', slug: '', venueName: 'Het lokaal', venueAddress: 'Kerkstraat 1, 9000 Gent' }) },
  'POST /beheer/cafes/:slug': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}` },
  'POST /beheer/cafes/:slug/kerngroep': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep`, body: (ids) => ({ membershipId: ids.professionalMembershipId }) },
  'POST /beheer/cafes/:slug/foto': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto`, page: null, multipart: true, body: () => ({ photoAlt: 'De ingang van het dienstencentrum' }) },
  'POST /beheer/cafes/:slug/foto/verwijderen': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/foto/verwijderen`, page: null },
  'POST /beheer/huisstijl/logo/verwijderen': { actor: 'tenant_admin', path: () => '/beheer/huisstijl/logo/verwijderen', page: null },
  // Platform site
  'POST /_platform/inloggen': { actor: 'anonymous', path: () => '/inloggen', body: (ids) => ({ email: ids.fuzzEmail, password: 'fout-wachtwoord' }) },
  'POST /_platform/inloggen/link': { actor: 'anonymous', path: () => '/inloggen/link', body: (ids) => ({ email: ids.fuzzEmail }) },
  'POST /_platform/wachtwoord-vergeten': { actor: 'anonymous', path: () => '/wachtwoord-vergeten', body: (ids) => ({ email: ids.fuzzEmail }) },
  'POST /_platform/inloggen/link/:token': { actor: 'anonymous', path: (ids) => `/inloggen/link/${ids.platformLoginToken}` },
  'POST /_platform/wachtwoord-vergeten/:token': { actor: 'anonymous', path: (ids) => `/wachtwoord-vergeten/${ids.platformResetToken}`, body: () => password },
  'POST /_platform/aanvragen': { actor: 'anonymous', path: () => '/aanvragen', body: () => ({ municipalityName: 'Fuzzegem', contactName: 'Fuzz Aanvrager', contactRole: 'Schepen', email: 'fuzz-aanvraag@example.be', phone: '', message: '' }) },
  'POST /_platform/beheer/nieuwe-gemeente': { actor: 'platform_admin', path: () => '/beheer/nieuwe-gemeente', body: () => ({ name: 'Fuzzegem', slug: 'fuzzegem', contactEmail: 'sociaalhuis@fuzzegem.be', adminEmail: 'beheer@fuzzegem.be' }) },
  'POST /_platform/beheer/gemeenten/:slug/uitnodigen': { actor: 'platform_admin', path: (ids) => `/beheer/gemeenten/${ids.otherTenantSlug}/uitnodigen`, body: () => ({ email: 'beheer2@example.be' }) },
  'POST /_platform/beheer/aanvragen/:id/afwijzen': { actor: 'platform_admin', path: (ids) => `/beheer/aanvragen/${ids.onboardingRequestId}/afwijzen` },
  'POST /_platform/beheer/gemeenten/:slug/opschorten': { actor: 'platform_admin', path: (ids) => `/beheer/gemeenten/${ids.otherTenantSlug}/opschorten` },
  'POST /_platform/beheer/gemeenten/:slug/heractiveren': { actor: 'platform_admin', path: (ids) => `/beheer/gemeenten/${ids.otherTenantSlug}/heractiveren`, page: null },
  // Last: these cancel, remove, or end the session they run in.
  'POST /cafes/:slug/:meeting/afmelden': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/afmelden`, page: null, body: () => ({ terug: '/mijn-aanmeldingen' }) },
  'POST /cafes/:slug/:meeting/annuleren': { actor: 'caregiver', path: (ids) => `/cafes/${ids.cafeSlug}/${ids.meetingKey}/annuleren` },
  'POST /beheer/cafes/:slug/kerngroep/:hostId/verwijderen': { actor: 'tenant_admin', path: (ids) => `/beheer/cafes/${ids.cafeSlug}/kerngroep/${ids.cafeHostId}/verwijderen`, page: null },
  'POST /account/wachtwoord': { actor: 'caregiver', ownSession: true, path: () => '/account/wachtwoord', body: (ids) => ({ currentPassword: ids.testPassword, newPassword: 'Een-nieuw-wachtwoord-2027', newPasswordConfirm: 'Een-nieuw-wachtwoord-2027' }) },
  'POST /_platform/account/wachtwoord': { actor: 'platform_admin', ownSession: true, path: () => '/account/wachtwoord', body: (ids) => ({ currentPassword: ids.testPassword, newPassword: 'Een-nieuw-wachtwoord-2027', newPasswordConfirm: 'Een-nieuw-wachtwoord-2027' }) },
  'POST /account/overal-uitloggen': { actor: 'caregiver', ownSession: true, path: () => '/account/overal-uitloggen', page: null },
  'POST /_platform/account/overal-uitloggen': { actor: 'platform_admin', ownSession: true, path: () => '/account/overal-uitloggen', page: null },
  'POST /uitloggen': { actor: 'caregiver', ownSession: true, path: () => '/uitloggen' },
  'POST /_platform/uitloggen': { actor: 'platform_admin', ownSession: true, path: () => '/uitloggen' },
};
