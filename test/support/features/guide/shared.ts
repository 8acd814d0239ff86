import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's global tables: general pages belong to no municipality, their answers name their hub. */
export const GUIDE_SHARED_TEST_PART: Partial<TestManifest> = {
  globalTableRows: {
    general_guide_pages: null,
    general_guide_votes: 'hub_tenant_id = $1',
  },
};
