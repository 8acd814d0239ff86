import type { OrganisationInput } from '../../../../src/guide/organisations/dto/organisation.dto';
import { OrganisationsService } from '../../../../src/guide/organisations/organisations.service';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const admin = 'tenant_admin' as const;

const adminOrg =
  (key: string, rest = '') =>
  (ids: TenantIds) =>
    `/beheer/hulp-in-de-buurt/${ids[key]}${rest}`;

/** A valid organisation form. */
export const organisationForm = (over: Partial<OrganisationInput> = {}): OrganisationInput => ({
  name: 'Oppasdienst De Zonnebloem',
  kind: 'oppasdienst',
  offer: 'Vrijwilligers passen een dagdeel op bij je thuis.',
  audience: 'Mantelzorgers van iemand die niet alleen kan blijven',
  address: 'Kerkstraat 12',
  postcode: '8970',
  town: 'Poperinge',
  phone: '057 33 44 55',
  email: 'info@zonnebloem.example',
  website: 'https://www.zonnebloem.example',
  openingHours: 'Maandag tot vrijdag van 9 tot 12 uur',
  cost: '4 euro per uur',
  accessibility: 'Rolstoeltoegankelijk',
  ...over,
});

/**
 * The directory in the tests' registries (isolation, accessibility sweep, fuzz). Each seeded
 * municipality gets, through OrganisationsService, an organisation and one to delete (their names
 * carry the marker: they must never show on another hub).
 */
// prettier-ignore
export const GUIDE_ORGANISATIONS_TEST_PART: Partial<TestManifest> = {
  seeders: [
    async ({ t, tenant, tenantId, marker }) => {
      const organisations = t.get(OrganisationsService);
      const made = async (name: string) => {
        const saved = await organisations.create(tenantId, organisationForm({ name, town: tenant.name }));
        if (!saved.ok) throw new Error(`organisation refused: ${saved.reason}`);
        return saved.organisation;
      };
      const kept = await made(`${marker} Sociaal Huis ${tenant.name}`);
      const toDelete = await made(`${marker} Oude dienst`);
      return { organisationId: kept.id, organisationName: kept.name, organisationToDeleteId: toDelete.id };
    },
  ],
  tenantRoutes: [
    { method: 'GET', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}`, actor: 'anonymous' },
    { method: 'GET', path: adminOrg('organisationId'), actor: admin },
    { method: 'POST', path: adminOrg('organisationId'), actor: admin, body: (ids) => organisationForm({ name: ids.organisationName }), expect: 303 },
    { method: 'GET', path: adminOrg('organisationToDeleteId', '/verwijderen'), actor: admin },
    { method: 'POST', path: adminOrg('organisationToDeleteId', '/verwijderen'), actor: admin, expect: 303 },
  ],
  a11yPages: [
    { host: 'tenant', path: '/hulp-in-de-buurt', viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}`, viewer: 'caregiver' },
    { host: 'tenant', path: '/beheer/hulp-in-de-buurt', viewer: admin },
    { host: 'tenant', path: '/beheer/hulp-in-de-buurt/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: adminOrg('organisationId'), viewer: admin },
    { host: 'tenant', path: adminOrg('organisationToDeleteId', '/verwijderen'), viewer: admin },
    { host: 'tenant', path: '/beheer/hulp-in-de-buurt/importeren', viewer: admin, submitEmpty: true },
  ],
  notA11yPages: {
    'GET /beheer/hulp-in-de-buurt/exporteren': 'a CSV file (a download)',
  },
  postRoutes: {
    'POST /beheer/hulp-in-de-buurt/nieuw': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/nieuw', body: () => organisationForm({ name: 'Fuzzdienst' }) },
    'POST /beheer/hulp-in-de-buurt/:id': { actor: admin, path: adminOrg('organisationId'), body: (ids) => organisationForm({ name: ids.organisationName }) },
    'POST /beheer/hulp-in-de-buurt/importeren': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/importeren', page: null, multipart: true, body: () => ({}) },
    'POST /beheer/hulp-in-de-buurt/importeren/bevestigen': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/importeren/bevestigen', page: null, body: () => ({ import: '0123456789abcdef0123456789abcdef' }) },
  },
  postRoutesLast: {
    'POST /beheer/hulp-in-de-buurt/:id/verwijderen': { actor: admin, path: adminOrg('organisationToDeleteId', '/verwijderen') },
  },
};
