import { ATTENDANCE_PART } from './attendance/attendance.part';
import type { FeaturePart } from '../common/feature-part';
import { COURSES_PART } from './courses/courses.part';
import { ENROLMENTS_PART } from './enrolments/enrolments.part';
import { TEMPLATES_PART } from './templates/templates.part';

/**
 * The academy's capabilities, in the order their routes are matched and their seeders run
 * (templates before the courses made from them, courses before enrolments, enrolments before
 * attendance).
 */
export const ACADEMY_PARTS: FeaturePart[] = [
  TEMPLATES_PART,
  COURSES_PART,
  ENROLMENTS_PART,
  ATTENDANCE_PART,
];
