import type { FeaturePart } from '../../common/feature-part';
import { SessionsCalendarSource } from './sessions.calendar-source';
import { EnrolmentPagesService } from './enrolment-pages.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { ENROLMENTS_STRINGS } from './enrolments.strings';
import { ParticipantsController } from './participants.controller';
import { AcademyReminderJobsService } from './academy-reminder-jobs.service';
import { CourseReminderPlannerService } from './course-reminder-planner.service';
import { CourseReminderSource } from './course-reminders.source';
import { MyEnrolmentsSource } from './my-enrolments.source';
import { NextCoursesHomeSection } from './next-courses.home-section';
import { seedEnrolments } from './seed/seed-enrolments';

/** The academy's enrolments: the catalogue and course pages, enrolment with capacity and waitlist, cancelling, confirmation and reminders, the home section and "mijn opleidingen". */
export const ENROLMENTS_PART: FeaturePart = {
  controllers: [EnrolmentsController, ParticipantsController],
  providers: [
    EnrolmentsService,
    EnrolmentPagesService,
    CourseReminderSource,
    CourseReminderPlannerService,
    NextCoursesHomeSection,
    MyEnrolmentsSource,
    SessionsCalendarSource,
  ],
  jobProviders: [AcademyReminderJobsService],
  strings: ENROLMENTS_STRINGS,
  platformSeeders: [],
  demoSeeders: [seedEnrolments],
};
