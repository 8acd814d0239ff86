import type { FeaturePart } from '../../common/feature-part';
import { CourseNoticesService } from './course-notices.service';
import { CoursesAdminController } from './courses-admin.controller';
import { CoursesAdminService } from './courses-admin.service';
import { COURSES_STRINGS } from './courses.strings';
import { seedCourses } from './seed/seed-courses';

/** The academy's courses: a municipality's courses: made from a template or from scratch, sessions, questions, publishing, cancelling, and the notices of changes. */
export const COURSES_PART: FeaturePart = {
  controllers: [CoursesAdminController],
  providers: [CoursesAdminService, CourseNoticesService],
  jobProviders: [],
  strings: COURSES_STRINGS,
  platformSeeders: [],
  demoSeeders: [seedCourses],
};
