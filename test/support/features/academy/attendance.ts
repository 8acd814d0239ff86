import type { TestManifest } from '../test-manifest';

/** The academy's attendance in the tests' registries (isolation, accessibility sweep, fuzz). */
export const ATTENDANCE_TEST_PART: Partial<TestManifest> = {};
