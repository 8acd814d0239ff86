import { TEST_MANIFEST_LIST } from './features';
import type { TenantIds } from './tenant-routes';

/**
 * Every page a person can reach, for the accessibility sweep (test/a11y.browser.e2e-spec.ts).
 * The platform's pages are here; a feature adds its pages to its test manifest
 * (test/support/features/<name>.ts), one line each: who looks (anonymous, a caregiver, a professional
 * or an admin of the municipality, or the platform admin), on which host, the status the page
 * answers (200 unless said: a 404 or a login page would otherwise be scanned in its place), and
 * optionally a form to submit empty so its error state is scanned too. The municipality is seeded
 * like the isolation suite's (test/support/tenant-routes.ts): the caregiver hosts its café, wrote
 * its wish and signed up to its meeting; a path can use those ids.
 */
export type Viewer = 'anonymous' | 'caregiver' | 'professional' | 'tenant_admin' | 'platform_admin';

export interface A11yPage {
  /** The platform site, the sweep's municipality (gent), an unknown subdomain or a suspended one. */
  host: 'platform' | 'tenant' | 'unknown' | 'suspended';
  /** The path, or a function of the seeded municipality's ids. */
  path: string | ((ids: TenantIds) => string);
  viewer: Viewer;
  /** The status the page must answer before it is scanned; default 200. */
  status?: number;
  /** Submit the page's first form empty and scan the page with errors as well. */
  submitEmpty?: boolean;
}

// prettier-ignore
const PLATFORM_A11Y_PAGES: A11yPage[] = [
  // foundation: public pages
  { host: 'platform', path: '/', viewer: 'anonymous' },
  { host: 'platform', path: '/aanvragen', viewer: 'anonymous', submitEmpty: true },
  { host: 'unknown', path: '/', viewer: 'anonymous', status: 404 },
  { host: 'suspended', path: '/', viewer: 'anonymous', status: 503 },
  { host: 'tenant', path: '/', viewer: 'anonymous' },
  { host: 'tenant', path: '/zoeken', viewer: 'anonymous' },
  { host: 'tenant', path: '/zoeken?q=mantelzorg', viewer: 'anonymous' },
  { host: 'tenant', path: '/zoeken?q=qqqxyz', viewer: 'caregiver' },
  { host: 'tenant', path: '/bestaat-niet', viewer: 'anonymous', status: 404 },
  { host: 'tenant', path: '/privacy', viewer: 'anonymous' },
  { host: 'tenant', path: '/toegankelijkheid', viewer: 'anonymous' },
  // identity
  { host: 'tenant', path: '/inloggen', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/inloggen/link', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/registreren', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/wachtwoord-vergeten', viewer: 'anonymous', submitEmpty: true },
  { host: 'platform', path: '/inloggen', viewer: 'anonymous' },
  // identity: an e-mailed link that no longer works (the links' own pages: the auth journeys)
  { host: 'tenant', path: '/inloggen/link/verlopen-of-onbekend', viewer: 'anonymous', status: 404 },
  { host: 'tenant', path: '/', viewer: 'caregiver' },
  { host: 'tenant', path: '/account', viewer: 'caregiver' },
  { host: 'tenant', path: '/account/wachtwoord', viewer: 'caregiver', submitEmpty: true },
  { host: 'tenant', path: '/uitloggen', viewer: 'caregiver' },
  { host: 'tenant', path: '/beheer', viewer: 'caregiver', status: 403 },
  { host: 'tenant', path: '/', viewer: 'professional' },
  { host: 'tenant', path: '/mijn-aanmeldingen', viewer: 'caregiver' },
  // the calendar (café meetings and course sessions together): the list, the month, a professional's filters
  { host: 'tenant', path: '/kalender', viewer: 'anonymous' },
  { host: 'tenant', path: '/kalender?weergave=maand', viewer: 'anonymous' },
  { host: 'tenant', path: '/kalender?categorie=info-en-vorming', viewer: 'professional' },
  { host: 'tenant', path: '/kalender/widget', viewer: 'anonymous' },
  { host: 'tenant', path: '/beheer/kalender', viewer: 'tenant_admin' },
  // municipality admin
  { host: 'tenant', path: '/beheer', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/huisstijl', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/welkom', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/leden', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/leden/uitnodigen', viewer: 'tenant_admin', submitEmpty: true },
  { host: 'tenant', path: (ids) => `/beheer/leden/${ids.membershipId}`, viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/privacy', viewer: 'tenant_admin' },
  // platform console
  { host: 'platform', path: '/beheer', viewer: 'platform_admin' },
  {
    host: 'platform',
    path: '/beheer/nieuwe-gemeente',
    viewer: 'platform_admin',
    submitEmpty: true,
  },
  { host: 'platform', path: '/beheer/gemeenten/gent', viewer: 'platform_admin' },
  { host: 'platform', path: '/dev/mail', viewer: 'anonymous' },
];

/** The platform's pages, then each feature's (in the order of src/features.ts). */
export const A11Y_PAGES: A11yPage[] = [
  ...PLATFORM_A11Y_PAGES,
  ...TEST_MANIFEST_LIST.flatMap((f) => f.a11yPages),
];
