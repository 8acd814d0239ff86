import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's pages in the tests' registries (see src/guide/pages). */
export const GUIDE_PAGES_TEST_PART: Partial<TestManifest> = {};
