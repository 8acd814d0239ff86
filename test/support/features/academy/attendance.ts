import { newCertificateCode } from '../../../../src/academy/attendance/certificate-code';
import { FeedbackService } from '../../../../src/academy/attendance/feedback.service';
import { Certificate } from '../../../../src/academy/common/entities/certificate.entity';
import { Course } from '../../../../src/academy/common/entities/course.entity';
import { academyFixtures } from '../../academy';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const trainer = { participant: 'courseTrainer' } as const;
const course =
  (rest = '') =>
  (ids: TenantIds) =>
    `/beheer/academie/${ids.courseSlug}${rest}`;
const sessionList = (ids: TenantIds) =>
  `/beheer/academie/${ids.courseSlug}/aanwezigheid/${ids.courseSessionId}`;
const mark = (ids: TenantIds) => ({ [`p-${ids.enrollmentId}`]: 'aanwezig' });

/** The academy's attendance in the tests' registries (isolation, accessibility sweep, fuzz). */
export const ATTENDANCE_TEST_PART: Partial<TestManifest> = {
  // prettier-ignore
  tenantRoutes: [
    // Attendance: the course's trainer (the professional) marks the caregiver present.
    { method: 'GET', path: course('/aanwezigheid'), actor: trainer },
    { method: 'GET', path: sessionList, actor: trainer },
    { method: 'POST', path: sessionList, actor: trainer, body: mark, expect: 303 },
    // The caregiver's certificate: the seeded course is a week ahead, so "not over yet" (409).
    { method: 'GET', path: (ids) => `/mijn-opleidingen/${ids.courseSlug}/attest.pdf`, actor: 'caregiver', expect: 409 },
    // Verification (no login), the admin's list and revoking (last: the page above still answers).
    { method: 'GET', path: (ids) => `/attest/${ids.attestCode}`, actor: 'anonymous' },
    { method: 'GET', path: course('/attesten'), actor: 'tenant_admin' },
    { method: 'POST', path: (ids) => `/beheer/academie/${ids.courseSlug}/attesten/${ids.certificateId}/intrekken`, actor: 'tenant_admin', expect: 303 },
    // Feedback: the signed link's form and answer, the course's results.
    { method: 'GET', path: (ids) => `/e/opleiding-feedback/${ids.feedbackToken}`, actor: 'anonymous' },
    { method: 'POST', path: (ids) => `/e/opleiding-feedback/${ids.feedbackToken}`, actor: 'anonymous', body: () => ({ usefulness: '4', better: 'Meer pauzes', comment: '' }) },
    { method: 'GET', path: course('/feedback'), actor: 'tenant_admin' },
  ],
  notTenantRoutes: {
    'GET /beheer/academie/sjablonen/:templateSlug/feedback':
      "templates are global (no municipality's): any hub's admin sees the feedback of its own courses from it, never another's",
  },
  seeders: [
    // A certificate code of the real format (the shared seed's is hex), the certificate's id, the
    // feedback link of the caregiver's enrolment, and a template the seeded course comes from.
    async ({ t, tenantId, ids, ordinal, run }) => {
      const code = newCertificateCode();
      const template = await academyFixtures(t).createTemplate({
        slug: `feedback-sjabloon-${ordinal}-${code.slice(0, 6).toLowerCase()}`,
        title: `Sjabloon met feedback ${ordinal}`,
      });
      const certificateId = await run(async (em) => {
        await em
          .getRepository(Certificate)
          .update({ tenantId, code: ids.certificateCode }, { code });
        await em
          .getRepository(Course)
          .update({ tenantId, id: ids.courseId }, { templateId: template.id });
        return (await em.getRepository(Certificate).findOneByOrFail({ tenantId, code })).id;
      });
      return {
        attestCode: code,
        // cannot be a code (O is not in the alphabet): the page without a lookup
        unknownAttestCode: `ONBEKENDECODE${ordinal}`,
        certificateId,
        feedbackTemplateSlug: template.slug,
        feedbackToken: await t.get(FeedbackService).tokenFor(tenantId, ids.enrollmentId),
      };
    },
  ],
  // prettier-ignore
  a11yPages: [
    { host: 'tenant', path: '/mijn-opleidingen', viewer: 'caregiver' },
    { host: 'tenant', path: course('/aanwezigheid'), viewer: 'tenant_admin' },
    { host: 'tenant', path: sessionList, viewer: 'tenant_admin' },
    { host: 'tenant', path: (ids) => `/attest/${ids.attestCode}`, viewer: 'anonymous' },
    { host: 'tenant', path: (ids) => `/attest/${ids.unknownAttestCode}`, viewer: 'anonymous', status: 404 },
    { host: 'tenant', path: course('/attesten'), viewer: 'tenant_admin' },
    { host: 'tenant', path: (ids) => `/e/opleiding-feedback/${ids.feedbackToken}`, viewer: 'anonymous', submitEmpty: true },
    { host: 'tenant', path: course('/feedback'), viewer: 'tenant_admin' },
    { host: 'tenant', path: (ids) => `/beheer/academie/sjablonen/${ids.feedbackTemplateSlug}/feedback`, viewer: 'tenant_admin' },
  ],
  notA11yPages: {
    'GET /mijn-opleidingen/:slug/attest.pdf': 'a PDF file (the certificate), no page',
  },
  // prettier-ignore
  postRoutes: {
    'POST /beheer/academie/:slug/aanwezigheid/:sessionId': { actor: 'tenant_admin', path: sessionList, body: mark },
    'POST /e/opleiding-feedback/:token': { actor: 'anonymous', path: (ids) => `/e/opleiding-feedback/${ids.feedbackToken}`, body: () => ({ usefulness: '4' }) },
  },
  // prettier-ignore
  postRoutesLast: {
    'POST /beheer/academie/:slug/attesten/:certificateId/intrekken': { actor: 'tenant_admin', path: (ids) => `/beheer/academie/${ids.courseSlug}/attesten/${ids.certificateId}/intrekken`, page: null },
  },
};
