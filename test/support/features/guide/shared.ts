import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's global tables: the general pages belong to no municipality. */
export const GUIDE_SHARED_TEST_PART: Partial<TestManifest> = {
  globalTableRows: {
    general_guide_pages: null,
  },
};
