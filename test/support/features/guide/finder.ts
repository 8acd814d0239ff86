import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's finder in the tests' registries (see src/guide/finder). */
export const GUIDE_FINDER_TEST_PART: Partial<TestManifest> = {};
