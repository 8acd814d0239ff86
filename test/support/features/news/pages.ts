import type { TestManifest } from '../test-manifest';

/** The news's pages in the tests' registries (isolation, accessibility sweep, fuzz). */
export const NEWS_PAGES_TEST_PART: Partial<TestManifest> = {};
