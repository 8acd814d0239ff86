import type { TestManifest } from '../test-manifest';

/** The Wegwijzer's global tables: general pages (no municipality), votes and the finder's copy name their hub. */
export const GUIDE_SHARED_TEST_PART: Partial<TestManifest> = {
  globalTableRows: {
    general_guide_pages: null,
    general_guide_votes: 'hub_tenant_id = $1',
    cafe_finder_hubs: 'hub_tenant_id = $1',
    cafe_finder_entries: 'hub_tenant_id = $1',
  },
};
