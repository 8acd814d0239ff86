import { GUIDE_ORGANISATIONS_TEST_PART } from './guide/organisations';
import { GUIDE_PAGES_TEST_PART } from './guide/pages';
import { GUIDE_SHARED_TEST_PART } from './guide/shared';
import { mergeTestManifests, type TestManifest } from './test-manifest';

/**
 * The Wegwijzer in the tests' registries, one part per capability (test/support/features/guide/),
 * in the order of src/guide/guide.parts.ts.
 */
export const GUIDE_TEST_MANIFEST: TestManifest = mergeTestManifests([
  GUIDE_SHARED_TEST_PART,
  GUIDE_ORGANISATIONS_TEST_PART,
  GUIDE_PAGES_TEST_PART,
]);
