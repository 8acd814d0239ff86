import { NEWS_ARTICLES_TEST_PART } from './news/articles';
import { NEWS_FEEDS_TEST_PART } from './news/feeds';
import { NEWS_PAGES_TEST_PART } from './news/pages';
import { NEWS_SHARED_TEST_PART } from './news/shared';
import { mergeTestManifests, type TestManifest } from './test-manifest';

/**
 * The news in the tests' registries, one part per capability (test/support/features/news/), in
 * the order of src/news/news.parts.ts.
 */
export const NEWS_TEST_MANIFEST: TestManifest = mergeTestManifests([
  NEWS_SHARED_TEST_PART,
  NEWS_ARTICLES_TEST_PART,
  NEWS_FEEDS_TEST_PART,
  NEWS_PAGES_TEST_PART,
]);
