import { FEATURES, type FeatureName } from '../../../src/features';
import { ACADEMY_TEST_MANIFEST } from './academy';
import { CAFES_TEST_MANIFEST } from './cafes';
import { CALENDAR_TEST_MANIFEST } from './calendar';
import { GUIDE_TEST_MANIFEST } from './guide';
import { NEWS_TEST_MANIFEST } from './news';
import type { TestManifest } from './test-manifest';

/**
 * Every feature's test manifest, by the name of src/features.ts: a feature listed there without
 * one here does not compile. The registries (tenant-routes.ts, a11y-pages.ts,
 * post-route-roles.ts) add these lines to the platform's.
 */
export const TEST_MANIFESTS: Record<FeatureName, TestManifest> = {
  cafes: CAFES_TEST_MANIFEST,
  academy: ACADEMY_TEST_MANIFEST,
  news: NEWS_TEST_MANIFEST,
  guide: GUIDE_TEST_MANIFEST,
  calendar: CALENDAR_TEST_MANIFEST,
};

/** The test manifests in the order of src/features.ts. */
export const TEST_MANIFEST_LIST: TestManifest[] = (Object.keys(FEATURES) as FeatureName[]).map(
  (name) => TEST_MANIFESTS[name],
);
