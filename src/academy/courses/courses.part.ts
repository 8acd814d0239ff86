import type { AcademyPart } from '../common/academy-part';

/** The academy's courses: a municipality's courses: made from a template or from scratch, sessions, questions, publishing, cancelling, and the notices of changes. */
export const COURSES_PART: AcademyPart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
