import type { TestManifest } from '../test-manifest';

/** The news's global tables (general content belongs to no municipality; news_slugs names its hub). */
export const NEWS_SHARED_TEST_PART: Partial<TestManifest> = {
  globalTableRows: {
    general_articles: null,
    general_feeds: null,
    general_feed_items: null,
    news_slugs: 'hub_tenant_id = $1',
  },
};
