import type { TestManifest } from '../test-manifest';

/** The academy's enrolments in the tests' registries (isolation, accessibility sweep, fuzz). */
export const ENROLMENTS_TEST_PART: Partial<TestManifest> = {};
