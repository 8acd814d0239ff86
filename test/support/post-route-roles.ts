import type { Role } from '../../src/auth/entities/membership.entity';
import { TEST_MANIFEST_LIST } from './features';
import type { TenantIds } from './tenant-routes';

/**
 * Who reaches each POST route, for the fuzz test (test/fuzz.e2e-spec.ts). The key is the method
 * and the Express path as declared (platform routes under `/_platform`); a POST route that is not
 * here fails the fuzz test, so a new form is fuzzed from the day it exists. The platform's routes
 * are here; a feature's are in its test manifest (test/support/features/<name>.ts).
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
  /** A readers' anonymous form (src/web/anonymous): sent with the host's own `Origin`, as a browser does. */
  origin?: boolean;
}

const password = {
  password: 'Een-nieuw-wachtwoord-2027',
  passwordConfirm: 'Een-nieuw-wachtwoord-2027',
};

// prettier-ignore
const PLATFORM_POST_ROUTES: Record<string, PostRouteEntry> = {
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
  // Hub: a signed-in member
  'POST /account/gegevens': { actor: 'caregiver', path: () => '/account/gegevens', page: () => '/account' },
  'POST /aansluiten': { actor: 'outsider', path: () => '/aansluiten', body: () => ({ displayName: 'Fuzz Lid', terms: '1' }) },
  // Hub: a café's core group (the seeded caregiver hosts the café)
  // Hub: the municipality's admin
  'POST /beheer/huisstijl': { actor: 'tenant_admin', path: () => '/beheer/huisstijl' },
  'POST /beheer/huisstijl/logo': { actor: 'tenant_admin', path: () => '/beheer/huisstijl/logo', page: null, multipart: true },
  'POST /beheer/welkom': { actor: 'tenant_admin', path: () => '/beheer/welkom' },
  'POST /beheer/kalender': { actor: 'tenant_admin', path: () => '/beheer/kalender' },
  'POST /beheer/privacy': { actor: 'tenant_admin', path: () => '/beheer/privacy' },
  'POST /beheer/privacy/standaard': { actor: 'tenant_admin', path: () => '/beheer/privacy/standaard', page: null },
  'POST /beheer/toegankelijkheid': { actor: 'tenant_admin', path: () => '/beheer/toegankelijkheid' },
  'POST /beheer/toegankelijkheid/standaard': { actor: 'tenant_admin', path: () => '/beheer/toegankelijkheid/standaard', page: null },
  'POST /beheer/leden/uitnodigen': { actor: 'tenant_admin', path: () => '/beheer/leden/uitnodigen', body: () => ({ email: 'fuzz-uitnodiging@example.be', role: 'caregiver' }) },
  'POST /beheer/leden/:id/medewerker': { actor: 'tenant_admin', path: (ids) => `/beheer/leden/${ids.professionalMembershipId}/medewerker`, page: (ids) => `/beheer/leden/${ids.professionalMembershipId}`, body: () => ({ staff: '1' }) },
  'POST /beheer/leden/:id/rol': { actor: 'tenant_admin', path: (ids) => `/beheer/leden/${ids.professionalMembershipId}/rol`, page: (ids) => `/beheer/leden/${ids.professionalMembershipId}`, body: () => ({ role: 'professional' }) },
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
};

/** The platform's: these remove, or end the session they run in (after the features' last ones). */
// prettier-ignore
const PLATFORM_POST_ROUTES_LAST: Record<string, PostRouteEntry> = {
  'POST /account/wachtwoord': { actor: 'caregiver', ownSession: true, path: () => '/account/wachtwoord', body: (ids) => ({ currentPassword: ids.testPassword, newPassword: 'Een-nieuw-wachtwoord-2027', newPasswordConfirm: 'Een-nieuw-wachtwoord-2027' }) },
  'POST /_platform/account/wachtwoord': { actor: 'platform_admin', ownSession: true, path: () => '/account/wachtwoord', body: (ids) => ({ currentPassword: ids.testPassword, newPassword: 'Een-nieuw-wachtwoord-2027', newPasswordConfirm: 'Een-nieuw-wachtwoord-2027' }) },
  'POST /account/overal-uitloggen': { actor: 'caregiver', ownSession: true, path: () => '/account/overal-uitloggen', page: null },
  'POST /_platform/account/overal-uitloggen': { actor: 'platform_admin', ownSession: true, path: () => '/account/overal-uitloggen', page: null },
  'POST /uitloggen': { actor: 'caregiver', ownSession: true, path: () => '/uitloggen' },
  'POST /_platform/uitloggen': { actor: 'platform_admin', ownSession: true, path: () => '/uitloggen' },
};

/**
 * In this order: the platform's, the features', then the features' routes that cancel or remove,
 * then the platform's that end the session.
 */
export const POST_ROUTE_ROLES: Record<string, PostRouteEntry> = Object.assign(
  { ...PLATFORM_POST_ROUTES },
  ...TEST_MANIFEST_LIST.map((f) => f.postRoutes),
  ...TEST_MANIFEST_LIST.map((f) => f.postRoutesLast),
  PLATFORM_POST_ROUTES_LAST,
);
