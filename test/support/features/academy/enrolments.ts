import { EnrolmentsService } from '../../../../src/academy/enrolments/enrolments.service';
import { academyFixtures } from '../../academy';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const course =
  (rest = '') =>
  (ids: TenantIds) =>
    `/academie/${ids.courseSlug}${rest}`;
const participants =
  (rest = '') =>
  (ids: TenantIds) =>
    `/beheer/academie/${ids.courseSlug}/deelnemers${rest}`;
const trainer = { participant: 'courseTrainer' } as const;

/**
 * The academy's enrolments in the tests' registries (isolation, accessibility sweep, fuzz). The
 * seeded course (seedAcademyRows: the caregiver confirmed, the professional its trainer) gets the
 * admin's enrolment too: the one-click link and the admin's cancel act on that one, so the
 * caregiver's enrolment stays for attendance and the certificate.
 */
// prettier-ignore
export const ENROLMENTS_TEST_PART: Partial<TestManifest> = {
  tenantRoutes: [
    { method: 'GET', path: course(), actor: 'anonymous' },
    { method: 'GET', path: course('.ics'), actor: 'anonymous' },
    { method: 'POST', path: course('/inschrijven'), actor: 'professional', expect: 303 },
    { method: 'POST', path: course('/uitschrijven'), actor: 'professional', expect: 303 },
    { method: 'GET', path: participants(), actor: trainer },
    { method: 'GET', path: participants('.csv'), actor: 'tenant_admin' },
    { method: 'GET', path: (ids) => `/e/opleiding-afmelden/${ids.courseCancelToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/opleiding-afmelden/${ids.courseCancelToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/beheer/academie/${ids.courseSlug}/deelnemers/${ids.adminEnrollmentId}/uitschrijven`, actor: 'tenant_admin', expect: 303 },
  ],
  notTenantRoutes: {},
  seeders: [
    // the admin's enrolment of the seeded course and its one-click cancel link
    async ({ t, tenantId, ids, run }) => {
      const enrollment = await academyFixtures(t).addEnrollment(
        tenantId,
        ids.courseId,
        ids.adminMembershipId,
        'confirmed',
      );
      return {
        adminEnrollmentId: enrollment.id,
        courseCancelToken: await run((em) =>
          t.get(EnrolmentsService).cancelTokenFor(em, tenantId, ids.courseId, ids.adminMembershipId),
        ),
      };
    },
  ],
  a11yPages: [
    { host: 'tenant', path: '/academie', viewer: 'anonymous' },
    { host: 'tenant', path: course(), viewer: 'anonymous' },
    { host: 'tenant', path: course(), viewer: 'caregiver' }, // enrolled: status and "Uitschrijven"
    { host: 'tenant', path: course(), viewer: 'professional' }, // the form with its question
    { host: 'tenant', path: participants(), viewer: 'tenant_admin' },
    { host: 'tenant', path: participants(), viewer: 'professional' }, // the trainer: no e-mail addresses
    { host: 'tenant', path: (ids) => `/e/opleiding-afmelden/${ids.courseCancelToken}`, viewer: 'anonymous' },
  ],
  notA11yPages: {
    'GET /academie/:slug.ics': 'a calendar file',
    'GET /beheer/academie/:slug/deelnemers.csv': 'a spreadsheet (CSV) of the participants',
  },
  postRoutes: {
    'POST /academie/:slug/inschrijven': { actor: 'professional', path: course('/inschrijven'), page: course() },
    'POST /e/opleiding-afmelden/:token': { actor: 'anonymous', path: (ids) => `/e/opleiding-afmelden/${ids.courseCancelToken}` },
  },
  postRoutesLast: {
    'POST /academie/:slug/uitschrijven': { actor: 'professional', path: course('/uitschrijven'), page: null },
    'POST /beheer/academie/:slug/deelnemers/:enrollmentId/uitschrijven': { actor: 'tenant_admin', path: (ids) => `/beheer/academie/${ids.courseSlug}/deelnemers/${ids.adminEnrollmentId}/uitschrijven`, page: null },
  },
};
