import type { TestManifest } from '../test-manifest';

/** The news's articles in the tests' registries (isolation, accessibility sweep, fuzz). */
export const NEWS_ARTICLES_TEST_PART: Partial<TestManifest> = {};
