import { GENERAL_FEEDS, localFeeds } from '../../../../src/news/feeds/feed-scope';
import { feedFixtures, feedForm } from '../../news-feeds';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';
import { newsFixtures } from './pages';

const admin = 'tenant_admin' as const;
const platformAdmin = 'platform_admin' as const;
const DAY = 24 * 3600_000;

const feed =
  (key: string, rest = '') =>
  (ids: TenantIds) =>
    `/beheer/nieuws/feeds/${ids[key]}${rest}`;
const item = (feedKey: string, itemKey: string, action: string) => (ids: TenantIds) =>
  `/beheer/nieuws/feeds/${ids[feedKey]}/berichten/${ids[itemKey]}/${action}`;

/** The seeded local feed's form as stored (a save that changes nothing). */
const localForm = (ids: TenantIds) => feedForm({ url: ids.newsFeedUrl, name: ids.newsFeedName });
const generalForm = (ids: TenantIds) =>
  feedForm({ url: ids.generalFeedUrl, name: 'Departement Zorg', display: 'volledig' });

const GENERAL = 'a general feed belongs to no municipality: every hub shows its items';
const PLATFORM = `${GENERAL}; the platform host only`;

/**
 * The news's feeds in the tests' registries (isolation, accessibility sweep, fuzz). Each seeded
 * municipality gets, through FeedsService, a local feed with two items (one hidden) and a feed to
 * delete (their names carry the marker), and a general feed with an item and one to delete
 * (global: no marker). Their addresses are under `.invalid`: a worker that fetches them fails
 * at once (the sweep scans that error state), never reaching a real site.
 */
// prettier-ignore
export const NEWS_FEEDS_TEST_PART: Partial<TestManifest> = {
  seeders: [
    async ({ t, tenant, tenantId, marker }) => {
      const feeds = feedFixtures(t);
      const rows = newsFixtures(t);
      const past = new Date(t.clock.now().getTime() - DAY);
      const name = `${marker} Website ${tenant.name}`;
      const local = await feeds.create(localFeeds(tenantId), { name, url: `https://nieuws.${tenant.slug}.invalid/rss` });
      const shown = await rows.localItem(tenantId, local.id, { title: `${marker} Nieuwe openingsuren ${tenant.name}`, publishedAt: past });
      await rows.localItem(tenantId, local.id, { title: `${marker} Een oud bericht`, publishedAt: past, hidden: true });
      const toDelete = await feeds.create(localFeeds(tenantId), { name: `${marker} Oude feed`, url: `https://oud.${tenant.slug}.invalid/rss` });
      const general = await feeds.create(GENERAL_FEEDS, { name: 'Departement Zorg', url: `https://zorg-${tenant.slug}.invalid/rss`, showFull: true });
      const generalItem = await rows.generalItem(general.id, { title: `Nieuws over de zorgverzekering (${tenant.slug})`, publishedAt: past });
      const generalToDelete = await feeds.create(GENERAL_FEEDS, { name: 'Oude algemene feed', url: `https://oud-${tenant.slug}.invalid/rss` });
      return {
        newsFeedId: local.id,
        newsFeedUrl: local.url,
        newsFeedName: name,
        newsFeedItemId: shown.id,
        newsFeedToDeleteId: toDelete.id,
        generalFeedId: general.id,
        generalFeedUrl: general.url,
        generalFeedItemId: generalItem.id,
        generalFeedToDeleteId: generalToDelete.id,
      };
    },
  ],
  tenantRoutes: [
    { method: 'GET', path: feed('newsFeedId'), actor: admin },
    { method: 'POST', path: feed('newsFeedId'), actor: admin, body: localForm, expect: 303 },
    { method: 'POST', path: feed('newsFeedId', '/vernieuwen'), actor: admin, expect: 303 },
    { method: 'GET', path: feed('newsFeedId', '/berichten'), actor: admin },
    { method: 'POST', path: item('newsFeedId', 'newsFeedItemId', 'verbergen'), actor: admin, expect: 303 },
    { method: 'POST', path: item('newsFeedId', 'newsFeedItemId', 'tonen'), actor: admin, expect: 303 },
    { method: 'GET', path: feed('newsFeedToDeleteId', '/verwijderen'), actor: admin },
    { method: 'POST', path: feed('newsFeedToDeleteId', '/verwijderen'), actor: admin, expect: 303 },
  ],
  notTenantRoutes: {
    'GET /_platform/beheer/nieuws/feeds/:feedId': PLATFORM,
    'POST /_platform/beheer/nieuws/feeds/:feedId': PLATFORM,
    'POST /_platform/beheer/nieuws/feeds/:feedId/vernieuwen': PLATFORM,
    'GET /_platform/beheer/nieuws/feeds/:feedId/berichten': PLATFORM,
    'POST /_platform/beheer/nieuws/feeds/:feedId/berichten/:itemId/verbergen': PLATFORM,
    'POST /_platform/beheer/nieuws/feeds/:feedId/berichten/:itemId/tonen': PLATFORM,
    'GET /_platform/beheer/nieuws/feeds/:feedId/verwijderen': PLATFORM,
    'POST /_platform/beheer/nieuws/feeds/:feedId/verwijderen': PLATFORM,
  },
  a11yPages: [
    { host: 'tenant', path: '/beheer/nieuws/feeds', viewer: admin },
    { host: 'tenant', path: '/beheer/nieuws/feeds', viewer: 'caregiver', status: 403 },
    { host: 'tenant', path: '/beheer/nieuws/feeds/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: feed('newsFeedId'), viewer: admin },
    { host: 'tenant', path: feed('newsFeedId', '/berichten'), viewer: admin },
    { host: 'tenant', path: feed('newsFeedToDeleteId', '/verwijderen'), viewer: admin },
    { host: 'platform', path: '/beheer/nieuws/feeds', viewer: platformAdmin },
    { host: 'platform', path: '/beheer/nieuws/feeds/nieuw', viewer: platformAdmin, submitEmpty: true },
    { host: 'platform', path: feed('generalFeedId'), viewer: platformAdmin },
    { host: 'platform', path: feed('generalFeedId', '/berichten'), viewer: platformAdmin },
    { host: 'platform', path: feed('generalFeedToDeleteId', '/verwijderen'), viewer: platformAdmin },
  ],
  postRoutes: {
    'POST /beheer/nieuws/feeds/nieuw': { actor: admin, path: () => '/beheer/nieuws/feeds/nieuw', body: () => feedForm({ url: 'https://fuzz.invalid/rss', name: 'Fuzzfeed' }) },
    'POST /beheer/nieuws/feeds/:feedId': { actor: admin, path: feed('newsFeedId'), body: localForm },
    'POST /beheer/nieuws/feeds/:feedId/vernieuwen': { actor: admin, path: feed('newsFeedId', '/vernieuwen'), page: null },
    'POST /beheer/nieuws/feeds/:feedId/berichten/:itemId/verbergen': { actor: admin, path: item('newsFeedId', 'newsFeedItemId', 'verbergen'), page: null },
    'POST /beheer/nieuws/feeds/:feedId/berichten/:itemId/tonen': { actor: admin, path: item('newsFeedId', 'newsFeedItemId', 'tonen'), page: null },
    'POST /_platform/beheer/nieuws/feeds/nieuw': { actor: platformAdmin, path: () => '/beheer/nieuws/feeds/nieuw', body: () => feedForm({ url: 'https://algemeen-fuzz.invalid/rss', name: 'Algemene fuzzfeed' }) },
    'POST /_platform/beheer/nieuws/feeds/:feedId': { actor: platformAdmin, path: feed('generalFeedId'), body: generalForm },
    'POST /_platform/beheer/nieuws/feeds/:feedId/vernieuwen': { actor: platformAdmin, path: feed('generalFeedId', '/vernieuwen'), page: null },
    'POST /_platform/beheer/nieuws/feeds/:feedId/berichten/:itemId/verbergen': { actor: platformAdmin, path: item('generalFeedId', 'generalFeedItemId', 'verbergen'), page: null },
    'POST /_platform/beheer/nieuws/feeds/:feedId/berichten/:itemId/tonen': { actor: platformAdmin, path: item('generalFeedId', 'generalFeedItemId', 'tonen'), page: null },
  },
  postRoutesLast: {
    'POST /beheer/nieuws/feeds/:feedId/verwijderen': { actor: admin, path: feed('newsFeedToDeleteId', '/verwijderen') },
    'POST /_platform/beheer/nieuws/feeds/:feedId/verwijderen': { actor: platformAdmin, path: feed('generalFeedToDeleteId', '/verwijderen') },
  },
};
