import { seedAcademyRows } from '../../academy';
import type { TestManifest } from '../test-manifest';

/** The academy's courses in the tests' registries (isolation, accessibility sweep, fuzz). */
export const COURSES_TEST_PART: Partial<TestManifest> = {
  // A row in every academy tenant table (course, session, question, enrolment, attendance,
  // certificate, feedback): ids courseSlug, courseId, courseSessionId, courseQuestionId,
  // enrollmentId, certificateCode; participant `courseTrainer` (the professional).
  seeders: [seedAcademyRows],
};
