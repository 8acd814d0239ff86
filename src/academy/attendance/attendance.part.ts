import type { FeaturePart } from '../../common/feature-part';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { ATTENDANCE_STRINGS } from './attendance.strings';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { FeedbackJobsService } from './feedback-jobs.service';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { MyCoursesController } from './my-courses.controller';
import { MyCoursesService } from './my-courses.service';
import { seedDemoAttendance } from './seed/seed-attendance';

/** The academy's attendance: attendance per session, certificates (PDF, /attest/<code>) and feedback after the course. */
export const ATTENDANCE_PART: FeaturePart = {
  // The template feedback route (/beheer/academie/sjablonen/:templateSlug/feedback) comes
  // before any /beheer/academie/:slug/... route of this part (FeedbackController before the rest).
  controllers: [
    FeedbackController,
    AttendanceController,
    CertificatesController,
    MyCoursesController,
  ],
  providers: [AttendanceService, CertificatesService, FeedbackService, MyCoursesService],
  jobProviders: [FeedbackJobsService],
  strings: ATTENDANCE_STRINGS,
  platformSeeders: [],
  demoSeeders: [seedDemoAttendance],
};
