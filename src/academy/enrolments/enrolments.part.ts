import type { AcademyPart } from '../common/academy-part';
import { EnrolmentsService } from './enrolments.service';

/** The academy's enrolments: the catalogue and course pages, enrolment with capacity and waitlist, cancelling, confirmation and reminders, the home section and "mijn opleidingen". */
export const ENROLMENTS_PART: AcademyPart = {
  controllers: [],
  providers: [EnrolmentsService],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
