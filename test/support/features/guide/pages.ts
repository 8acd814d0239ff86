import { FEEDBACK_PURPOSE, feedbackSubject } from '../../../../src/guide/pages/guide-feedback';
import { GuideLocalService } from '../../../../src/guide/pages/guide-local.service';
import { GuideVotesService } from '../../../../src/guide/pages/guide-votes.service';
import { AnonymousForms } from '../../../../src/web/anonymous/anonymous-forms';
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
    async ({ t, tenant, tenantId, marker, ordinal, ids }) => {
      const pages = guideFixtures(t);
      const title = `${marker} Hulp bij het poetsen in ${tenant.name}`;
      const own = await pages.local(tenantId, { title, slug: `poetshulp-${tenant.slug}`, theme: 'zorg-thuis' });
      const toDelete = await pages.local(tenantId, { title: `${marker} Oude pagina`, slug: `oud-${tenant.slug}`, status: 'draft' });
      const general = await pages.general({ title: 'Wat is oppas aan huis?', slug: `oppas-${tenant.slug}`, theme: ordinal === 0 ? 'respijtzorg-en-opvang' : 'zorg-thuis', showsPremium: true });
      const generalToDelete = await pages.general({ title: 'Een oude vraag', slug: `oude-vraag-${tenant.slug}`, status: 'draft' });
      const local = t.get(GuideLocalService);
      // the part names the hub's organisation (seeded by ./organisations.ts, which runs first)
      await local.saveLocalPart(tenantId, general.id, `In ${tenant.name}: bel de oppasdienst (${marker}).`, [ids.organisationId]);
      await local.savePremium(tenantId, { offered: true, amountCents: 2500, period: 'maand', conditions: `Voor wie in ${tenant.name} woont.`, howToApply: 'Bij het Sociaal Huis.' });
      // a reader's "nee" with a comment under each page (the comment with the marker)
      const votes = t.get(GuideVotesService);
      const answer = { day: '2026-11-30', voterHash: `${ordinal}`.repeat(64), useful: false, comment: `${marker} Ik zocht het adres.` };
      await votes.answer(tenantId, { kind: 'local', id: own.id, slug: own.slug, title }, answer);
      await votes.answer(tenantId, { kind: 'general', id: general.id, slug: general.slug, title: general.title }, answer);
      return {
        guidePageId: own.id,
        guideFeedbackToken: t.get(AnonymousForms).token(FEEDBACK_PURPOSE, tenantId, feedbackSubject({ kind: 'local', id: own.id })),
        guidePageSlug: own.slug,
        guidePageTitle: title,
        guidePageToDeleteId: toDelete.id,
        generalGuidePageId: general.id,
        generalGuidePageSlug: general.slug,
        generalFeedbackToken: t.get(AnonymousForms).token(FEEDBACK_PURPOSE, tenantId, feedbackSubject({ kind: 'general', id: general.id })),
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
    // "Was dit nuttig?" under B's page on A's host: no such page here, whatever the token
    { method: 'POST', path: (ids) => `/a/wegwijzer/lokaal/${ids.guidePageSlug}/nuttig`, actor: 'anonymous', origin: true, body: (ids) => ({ token: ids.guideFeedbackToken, nuttig: 'nee' }) },
    { method: 'POST', path: (ids) => `/a/wegwijzer/lokaal/${ids.guidePageSlug}/reactie`, actor: 'anonymous', origin: true, body: (ids) => ({ token: ids.guideFeedbackToken, comment: 'Niet gevonden.' }), expect: 303 },
  ],
  notTenantRoutes: {
    'GET /wegwijzer/:slug': `${GENERAL} (the hub's local part under it is read under RLS: test/guide-pages.e2e-spec.ts)`,
    'GET /wegwijzer/thema/:theme': 'a theme is the same word on every hub',
    'GET /beheer/wegwijzer/aanvulling/:pageId': `the id is a general page's (${GENERAL}); the part is the hub's own, under RLS`,
    'POST /beheer/wegwijzer/aanvulling/:pageId': `the id is a general page's (${GENERAL}); the part is the hub's own, under RLS`,
    'POST /a/wegwijzer/:slug/nuttig': `${GENERAL}; the answer is stored with the hub it was given on`,
    'POST /a/wegwijzer/:slug/reactie': `${GENERAL}; the answer is stored with the hub it was given on`,
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
    { host: 'tenant', path: '/beheer/wegwijzer/reacties', viewer: admin },
    { host: 'platform', path: '/beheer/wegwijzer/reacties', viewer: platformAdmin },
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
    'POST /a/wegwijzer/:slug/nuttig': { actor: 'anonymous', origin: true, path: (ids) => `/a/wegwijzer/${ids.generalGuidePageSlug}/nuttig`, page: (ids) => `/wegwijzer/${ids.generalGuidePageSlug}`, body: () => ({ nuttig: 'nee' }) },
    'POST /a/wegwijzer/:slug/reactie': { actor: 'anonymous', origin: true, path: (ids) => `/a/wegwijzer/${ids.generalGuidePageSlug}/reactie`, page: null, body: (ids) => ({ token: ids.generalFeedbackToken, comment: 'Ik zocht de openingsuren.' }) },
    'POST /a/wegwijzer/lokaal/:slug/nuttig': { actor: 'anonymous', origin: true, path: (ids) => `/a/wegwijzer/lokaal/${ids.guidePageSlug}/nuttig`, page: (ids) => `/wegwijzer/lokaal/${ids.guidePageSlug}`, body: () => ({ nuttig: 'ja' }) },
    'POST /a/wegwijzer/lokaal/:slug/reactie': { actor: 'anonymous', origin: true, path: (ids) => `/a/wegwijzer/lokaal/${ids.guidePageSlug}/reactie`, page: null, body: (ids) => ({ token: ids.guideFeedbackToken, comment: 'Ik zocht een telefoonnummer.' }) },
    'POST /_platform/beheer/wegwijzer/paginas/nieuw': { actor: platformAdmin, path: () => '/beheer/wegwijzer/paginas/nieuw', body: () => guidePageForm({ title: 'Algemene fuzzvraag', status: 'draft' }) },
    'POST /_platform/beheer/wegwijzer/paginas/:pageId': { actor: platformAdmin, path: adminPage('generalGuidePageId'), body: generalForm },
  },
  postRoutesLast: {
    'POST /beheer/wegwijzer/paginas/:pageId/verwijderen': { actor: admin, path: adminPage('guidePageToDeleteId', '/verwijderen') },
    'POST /_platform/beheer/wegwijzer/paginas/:pageId/verwijderen': { actor: platformAdmin, path: adminPage('generalGuidePageToDeleteId', '/verwijderen') },
  },
};
