import { GuideLocalService } from '../../../../src/guide/pages/guide-local.service';
import { guideFixtures, guidePageForm } from '../../guide-pages';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const admin = 'tenant_admin' as const;
const platformAdmin = 'platform_admin' as const;

const adminPage =
  (key: string, rest = '') =>
  (ids: TenantIds) =>
    `/beheer/wegwijzer/paginas/${ids[key]}${rest}`;
const localPart = (ids: TenantIds) => `/beheer/wegwijzer/aanvulling/${ids.generalGuidePageId}`;

/** The seeded hub page's form as stored (a save that changes nothing but what is typed). */
const localForm = (ids: TenantIds) =>
  guidePageForm({ title: ids.guidePageTitle, slug: ids.guidePageSlug, theme: 'zorg-thuis' });
const generalForm = (ids: TenantIds) =>
  guidePageForm({
    title: 'Wat is oppas aan huis?',
    slug: ids.generalGuidePageSlug,
    showsPremium: '1',
  });
const PREMIUM = {
  offered: 'ja',
  amount: '25',
  period: 'maand',
  conditions: '',
  howToApply: 'Bij het Sociaal Huis.',
};

const GENERAL = 'a general guide page belongs to no municipality: every hub shows the same one';
const PLATFORM = `${GENERAL}; the platform host only`;

/**
 * The guide's pages in the tests' registries (isolation, accessibility sweep, fuzz). Each seeded
 * municipality gets, through the guide's services: a published page of its own and one to delete
 * (titles with the marker), a general page of its own slug that shows the premium with the hub's
 * local part under it (the part carries the marker: it must never show on another hub), a general
 * page to delete, and its premium.
 */
// prettier-ignore
export const GUIDE_PAGES_TEST_PART: Partial<TestManifest> = {
  seeders: [
    async ({ t, tenant, tenantId, marker, ordinal }) => {
      const pages = guideFixtures(t);
      const title = `${marker} Hulp bij het poetsen in ${tenant.name}`;
      const own = await pages.local(tenantId, { title, slug: `poetshulp-${tenant.slug}`, theme: 'zorg-thuis' });
      const toDelete = await pages.local(tenantId, { title: `${marker} Oude pagina`, slug: `oud-${tenant.slug}`, status: 'draft' });
      const general = await pages.general({ title: 'Wat is oppas aan huis?', slug: `oppas-${tenant.slug}`, theme: ordinal === 0 ? 'respijtzorg-en-opvang' : 'zorg-thuis', showsPremium: true });
      const generalToDelete = await pages.general({ title: 'Een oude vraag', slug: `oude-vraag-${tenant.slug}`, status: 'draft' });
      const local = t.get(GuideLocalService);
      await local.saveLocalPart(tenantId, general.id, `In ${tenant.name}: bel de oppasdienst (${marker}).`);
      await local.savePremium(tenantId, { offered: true, amountCents: 2500, period: 'maand', conditions: `Voor wie in ${tenant.name} woont.`, howToApply: 'Bij het Sociaal Huis.' });
      return {
        guidePageId: own.id,
        guidePageSlug: own.slug,
        guidePageTitle: title,
        guidePageToDeleteId: toDelete.id,
        generalGuidePageId: general.id,
        generalGuidePageSlug: general.slug,
        generalGuidePageToDeleteId: generalToDelete.id,
        generalGuideTheme: general.theme,
      };
    },
  ],
  tenantRoutes: [
    // Another hub's own page is not this hub's: /wegwijzer/lokaal/<B's slug> is a 404.
    { method: 'GET', path: (ids) => `/wegwijzer/lokaal/${ids.guidePageSlug}`, actor: 'anonymous' },
    { method: 'GET', path: adminPage('guidePageId'), actor: admin },
    { method: 'POST', path: adminPage('guidePageId'), actor: admin, body: localForm, expect: 303 },
    { method: 'GET', path: adminPage('guidePageToDeleteId', '/verwijderen'), actor: admin },
    { method: 'POST', path: adminPage('guidePageToDeleteId', '/verwijderen'), actor: admin, expect: 303 },
  ],
  notTenantRoutes: {
    'GET /wegwijzer/:slug': `${GENERAL} (the hub's local part under it is read under RLS: test/guide-pages.e2e-spec.ts)`,
    'GET /wegwijzer/thema/:theme': 'a theme is the same word on every hub',
    'GET /beheer/wegwijzer/aanvulling/:pageId': `the id is a general page's (${GENERAL}); the part is the hub's own, under RLS`,
    'POST /beheer/wegwijzer/aanvulling/:pageId': `the id is a general page's (${GENERAL}); the part is the hub's own, under RLS`,
    'GET /_platform/beheer/wegwijzer/paginas/:pageId': PLATFORM,
    'POST /_platform/beheer/wegwijzer/paginas/:pageId': PLATFORM,
    'GET /_platform/beheer/wegwijzer/paginas/:pageId/verwijderen': PLATFORM,
    'POST /_platform/beheer/wegwijzer/paginas/:pageId/verwijderen': PLATFORM,
  },
  a11yPages: [
    { host: 'tenant', path: '/wegwijzer', viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/wegwijzer/thema/${ids.generalGuideTheme}`, viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/wegwijzer/${ids.generalGuidePageSlug}`, viewer: 'anonymous' }, // local part and premium
    { host: 'tenant', path: (ids) => `/wegwijzer/lokaal/${ids.guidePageSlug}`, viewer: 'caregiver' },
    { host: 'tenant', path: '/beheer/wegwijzer', viewer: admin },
    { host: 'tenant', path: '/beheer/wegwijzer/paginas/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: adminPage('guidePageId'), viewer: admin },
    { host: 'tenant', path: adminPage('guidePageToDeleteId', '/verwijderen'), viewer: admin },
    { host: 'tenant', path: localPart, viewer: admin },
    { host: 'tenant', path: '/beheer/wegwijzer/premie', viewer: admin },
    { host: 'platform', path: '/beheer/wegwijzer', viewer: platformAdmin },
    { host: 'platform', path: '/beheer/wegwijzer/paginas/nieuw', viewer: platformAdmin, submitEmpty: true },
    { host: 'platform', path: adminPage('generalGuidePageId'), viewer: platformAdmin },
    { host: 'platform', path: adminPage('generalGuidePageToDeleteId', '/verwijderen'), viewer: platformAdmin },
  ],
  postRoutes: {
    'POST /beheer/wegwijzer/paginas/nieuw': { actor: admin, path: () => '/beheer/wegwijzer/paginas/nieuw', body: () => guidePageForm({ title: 'Fuzzvraag', status: 'draft' }) },
    'POST /beheer/wegwijzer/paginas/:pageId': { actor: admin, path: adminPage('guidePageId'), body: localForm },
    'POST /beheer/wegwijzer/aanvulling/:pageId': { actor: admin, path: localPart, body: () => ({ body: 'In onze gemeente: bel ons.', actie: 'bewaren' }) },
    'POST /beheer/wegwijzer/premie': { actor: admin, path: () => '/beheer/wegwijzer/premie', body: () => PREMIUM },
    'POST /_platform/beheer/wegwijzer/paginas/nieuw': { actor: platformAdmin, path: () => '/beheer/wegwijzer/paginas/nieuw', body: () => guidePageForm({ title: 'Algemene fuzzvraag', status: 'draft' }) },
    'POST /_platform/beheer/wegwijzer/paginas/:pageId': { actor: platformAdmin, path: adminPage('generalGuidePageId'), body: generalForm },
  },
  postRoutesLast: {
    'POST /beheer/wegwijzer/paginas/:pageId/verwijderen': { actor: admin, path: adminPage('guidePageToDeleteId', '/verwijderen') },
    'POST /_platform/beheer/wegwijzer/paginas/:pageId/verwijderen': { actor: platformAdmin, path: adminPage('generalGuidePageToDeleteId', '/verwijderen') },
  },
};
