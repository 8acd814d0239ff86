import type { TestManifest } from '../test-manifest';

/** The news's feeds in the tests' registries (isolation, accessibility sweep, fuzz). */
export const NEWS_FEEDS_TEST_PART: Partial<TestManifest> = {};
