/**
 * Every page a person can reach, for the accessibility sweep (test/a11y.browser.e2e-spec.ts).
 * A feature adds its pages here, one line each: who looks (anonymous, a caregiver or an admin of
 * the municipality, or the platform admin), on which host, and optionally a form to submit empty
 * so its error state is scanned too.
 */
export type Viewer = 'anonymous' | 'caregiver' | 'tenant_admin' | 'platform_admin';

export interface A11yPage {
  /** The platform site, the sweep's municipality (gent), an unknown subdomain or a suspended one. */
  host: 'platform' | 'tenant' | 'unknown' | 'suspended';
  path: string;
  viewer: Viewer;
  /** Submit the page's first form empty and scan the page with errors as well. */
  submitEmpty?: boolean;
}

export const A11Y_PAGES: A11yPage[] = [
  // foundation: public pages
  { host: 'platform', path: '/', viewer: 'anonymous' },
  { host: 'platform', path: '/aanvragen', viewer: 'anonymous', submitEmpty: true },
  { host: 'unknown', path: '/', viewer: 'anonymous' },
  { host: 'suspended', path: '/', viewer: 'anonymous' },
  { host: 'tenant', path: '/', viewer: 'anonymous' },
  { host: 'tenant', path: '/bestaat-niet', viewer: 'anonymous' },
  { host: 'tenant', path: '/privacy', viewer: 'anonymous' },
  { host: 'tenant', path: '/toegankelijkheid', viewer: 'anonymous' },
  // identity
  { host: 'tenant', path: '/inloggen', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/inloggen/link', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/registreren', viewer: 'anonymous', submitEmpty: true },
  { host: 'tenant', path: '/wachtwoord-vergeten', viewer: 'anonymous', submitEmpty: true },
  { host: 'platform', path: '/inloggen', viewer: 'anonymous' },
  { host: 'tenant', path: '/', viewer: 'caregiver' },
  { host: 'tenant', path: '/account', viewer: 'caregiver' },
  { host: 'tenant', path: '/account/wachtwoord', viewer: 'caregiver', submitEmpty: true },
  { host: 'tenant', path: '/uitloggen', viewer: 'caregiver' },
  { host: 'tenant', path: '/beheer', viewer: 'caregiver' }, // the 403 page
  { host: 'tenant', path: '/mijn-aanmeldingen', viewer: 'caregiver' },
  { host: 'tenant', path: '/mijn-herinneringen', viewer: 'caregiver' },
  // municipality admin
  { host: 'tenant', path: '/beheer', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/huisstijl', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/welkom', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/leden', viewer: 'tenant_admin' },
  { host: 'tenant', path: '/beheer/leden/uitnodigen', viewer: 'tenant_admin', submitEmpty: true },
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
