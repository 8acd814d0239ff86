import type { AcademyPart } from '../common/academy-part';

/** The academy's attendance: attendance per session, certificates (PDF, /attest/<code>) and feedback after the course. */
export const ATTENDANCE_PART: AcademyPart = {
  controllers: [],
  providers: [],
  jobProviders: [],
  strings: {},
  platformSeeders: [],
  demoSeeders: [],
};
