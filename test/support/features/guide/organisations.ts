import type { OrganisationInput } from '../../../../src/guide/organisations/dto/organisation.dto';
import { OrganisationEditorsService } from '../../../../src/guide/organisations/organisation-editors.service';
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
 * municipality gets, through the directory's services, an organisation and one to delete (their
 * names carry the marker: they must never show on another hub), its professional linked to the
 * first, and a proposed change for each.
 */
// prettier-ignore
export const GUIDE_ORGANISATIONS_TEST_PART: Partial<TestManifest> = {
  seeders: [
    async ({ t, tenant, tenantId, marker, members }) => {
      const organisations = t.get(OrganisationsService);
      const made = async (name: string) => {
        const saved = await organisations.create(tenantId, organisationForm({ name, town: tenant.name }));
        if (!saved.ok) throw new Error(`organisation refused: ${saved.reason}`);
        return saved.organisation;
      };
      const kept = await made(`${marker} Sociaal Huis ${tenant.name}`);
      const toDelete = await made(`${marker} Oude dienst`);
      // The hub's professional keeps the first up to date and proposed a change; the admin one for the other.
      const editors = t.get(OrganisationEditorsService);
      const professional = members.professional.membership!.id;
      await editors.link(tenantId, kept.id, professional);
      await editors.propose(tenantId, kept, professional, organisationForm({ name: kept.name, phone: '057 99 88 77' }));
      await editors.propose(tenantId, toDelete, members.tenant_admin.membership!.id, organisationForm({ name: toDelete.name, cost: 'Gratis' }));
      const [approve, reject] = (await editors.pending(tenantId)).sort((a, b) => (a.organisationId === kept.id ? -1 : b.organisationId === kept.id ? 1 : 0));
      return {
        organisationId: kept.id,
        organisationName: kept.name,
        organisationToDeleteId: toDelete.id,
        organisationEditorId: professional,
        organisationChangeId: approve.id,
        organisationChangeToRejectId: reject.id,
      };
    },
  ],
  tenantRoutes: [
    { method: 'GET', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}`, actor: 'anonymous' },
    { method: 'GET', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}/voorstel`, actor: 'professional' },
    { method: 'POST', path: (ids) => `/beheer/hulp-in-de-buurt/wijzigingen/${ids.organisationChangeId}/goedkeuren`, actor: admin, expect: 303 },
    { method: 'POST', path: (ids) => `/beheer/hulp-in-de-buurt/wijzigingen/${ids.organisationChangeToRejectId}/afwijzen`, actor: admin, expect: 303 },
    { method: 'POST', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}/voorstel`, actor: 'professional', body: (ids) => organisationForm({ name: ids.organisationName }), expect: 303 },
    { method: 'POST', path: adminOrg('organisationId', '/medewerkers'), actor: admin, body: (ids) => ({ membershipId: ids.organisationEditorId }), expect: 303 },
    { method: 'POST', path: (ids) => `/beheer/hulp-in-de-buurt/${ids.organisationId}/medewerkers/${ids.organisationEditorId}/verwijderen`, actor: admin, expect: 303 },
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
    { host: 'tenant', path: '/beheer/hulp-in-de-buurt/wijzigingen', viewer: admin },
    { host: 'tenant', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}/voorstel`, viewer: 'professional', submitEmpty: true },
  ],
  notA11yPages: {
    'GET /beheer/hulp-in-de-buurt/exporteren': 'a CSV file (a download)',
  },
  postRoutes: {
    'POST /beheer/hulp-in-de-buurt/nieuw': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/nieuw', body: () => organisationForm({ name: 'Fuzzdienst' }) },
    'POST /beheer/hulp-in-de-buurt/:id': { actor: admin, path: adminOrg('organisationId'), body: (ids) => organisationForm({ name: ids.organisationName }) },
    'POST /beheer/hulp-in-de-buurt/importeren': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/importeren', page: null, multipart: true, body: () => ({}) },
    'POST /hulp-in-de-buurt/:id/voorstel': { actor: 'professional', path: (ids) => `/hulp-in-de-buurt/${ids.organisationId}/voorstel`, body: (ids) => organisationForm({ name: ids.organisationName }) },
    'POST /beheer/hulp-in-de-buurt/:id/medewerkers': { actor: admin, path: adminOrg('organisationId', '/medewerkers'), page: null, body: (ids) => ({ membershipId: ids.organisationEditorId }) },
    'POST /beheer/hulp-in-de-buurt/importeren/bevestigen': { actor: admin, path: () => '/beheer/hulp-in-de-buurt/importeren/bevestigen', page: null, body: () => ({ import: '0123456789abcdef0123456789abcdef' }) },
  },
  postRoutesLast: {
    'POST /beheer/hulp-in-de-buurt/wijzigingen/:changeId/goedkeuren': { actor: admin, path: (ids) => `/beheer/hulp-in-de-buurt/wijzigingen/${ids.organisationChangeId}/goedkeuren`, page: null },
    'POST /beheer/hulp-in-de-buurt/wijzigingen/:changeId/afwijzen': { actor: admin, path: (ids) => `/beheer/hulp-in-de-buurt/wijzigingen/${ids.organisationChangeToRejectId}/afwijzen`, page: null },
    'POST /beheer/hulp-in-de-buurt/:id/medewerkers/:membershipId/verwijderen': { actor: admin, path: (ids) => `/beheer/hulp-in-de-buurt/${ids.organisationId}/medewerkers/${ids.organisationEditorId}/verwijderen`, page: null },
    'POST /beheer/hulp-in-de-buurt/:id/verwijderen': { actor: admin, path: adminOrg('organisationToDeleteId', '/verwijderen') },
  },
};
