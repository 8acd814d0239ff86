import { ATTENDANCE_TEST_PART } from './academy/attendance';
import { COURSES_TEST_PART } from './academy/courses';
import { ENROLMENTS_TEST_PART } from './academy/enrolments';
import { TEMPLATES_TEST_PART } from './academy/templates';
import { mergeTestManifests, type TestManifest } from './test-manifest';

/**
 * The academy in the tests' registries, one part per capability (test/support/features/academy/),
 * in the order of src/academy/academy.parts.ts: seeders of templates before courses before
 * enrolments before attendance; the positive control runs the routes in this order.
 */
export const ACADEMY_TEST_MANIFEST: TestManifest = mergeTestManifests([
  TEMPLATES_TEST_PART,
  COURSES_TEST_PART,
  ENROLMENTS_TEST_PART,
  ATTENDANCE_TEST_PART,
]);
