import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's organisations in the tests' registries (see src/guide/organisations). */
export const GUIDE_ORGANISATIONS_TEST_PART: Partial<TestManifest> = {};
