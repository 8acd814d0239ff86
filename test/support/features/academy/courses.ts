import { DateTime } from 'luxon';
import { CourseQuestion } from '../../../../src/academy/common/entities/course-question.entity';
import { CourseSession } from '../../../../src/academy/common/entities/course-session.entity';
import { academyFixtures, seedAcademyRows } from '../../academy';
import type { TenantIds } from '../../tenant-routes';
import type { TestManifest } from '../test-manifest';

const admin = 'tenant_admin' as const;
const course =
  (rest = '') =>
  (ids: TenantIds) =>
    `/beheer/academie/${ids.courseSlug}${rest}`;

/** The seeded course's form, unchanged (its one session as stored): a save that sends nothing. */
const courseForm = (ids: TenantIds): Record<string, string> => {
  const [date, start, end] = ids.courseSessionLocal.split(' ');
  return {
    title: 'Zorgen zonder jezelf te vergeten',
    slug: ids.courseSlug,
    kind: 'workshop',
    audCaregiver: '1',
    summary: 'Een opleiding om te testen.',
    learningGoals: '',
    trainerName: 'An Peeters',
    trainerOrganisation: 'Vormingplus',
    trainerMembershipId: ids.professionalMembershipId,
    venueName: 'Dienstencentrum De Linde',
    venueAddress: 'Kerkstraat 1, 9000 Gent',
    venueDirections: '',
    onlineUrl: '',
    price: '0',
    capacity: '12',
    deadlineDate: '',
    deadlineTime: '',
    requiredAttendancePercent: '100',
    remind2880: '1',
    s1Id: ids.courseSessionId,
    s1Title: '',
    s1Date: date,
    s1Start: start,
    s1End: end,
  };
};
const questionForm = () => ({ kind: 'text', label: 'Heb je een dieet?', choices: '' });

/** The academy's courses in the tests' registries (isolation, accessibility sweep, fuzz). */
export const COURSES_TEST_PART: Partial<TestManifest> = {
  // A row in every academy tenant table (course, session, question, enrolment, attendance,
  // certificate, feedback): ids courseSlug, courseId, courseSessionId, courseQuestionId,
  // enrollmentId, certificateCode; participant `courseTrainer` (the professional).
  seeders: [
    seedAcademyRows,
    // The course form's session as the admin sees it (Brussels), a second question to remove, and
    // a course of its own to cancel (the seeded course stays for the other capabilities' routes).
    async ({ t, tenantId, ids, run }) => {
      const { course: toCancel } = await academyFixtures(t).createCourse(tenantId, {
        slug: `af-te-gelasten-${ids.courseSlug}`,
      });
      return run(async (em) => {
        const session = await em
          .getRepository(CourseSession)
          .findOneByOrFail({ tenantId, id: ids.courseSessionId });
        const start = DateTime.fromJSDate(session.startsAt, { zone: 'Europe/Brussels' });
        const end = DateTime.fromJSDate(session.endsAt, { zone: 'Europe/Brussels' });
        const question = await em.getRepository(CourseQuestion).save(
          em.getRepository(CourseQuestion).create({
            tenantId,
            courseId: ids.courseId,
            position: 99,
            kind: 'yes_no',
            label: 'Kom je met de auto?',
          }),
        );
        return {
          // date, start and end in Brussels, with the session's id (ids differ between tenants)
          courseSessionLocal: [
            start.toISODate()!,
            start.toFormat('HH:mm'),
            end.toFormat('HH:mm'),
            session.id,
          ].join(' '),
          courseQuestionToRemoveId: question.id,
          courseToCancelSlug: toCancel.slug,
        };
      });
    },
  ],
  // prettier-ignore
  tenantRoutes: [
    { method: 'GET', path: course(), actor: admin },
    { method: 'POST', path: course(), actor: admin, body: courseForm, expect: 303 },
    { method: 'GET', path: course('/vragen'), actor: admin },
    { method: 'POST', path: course('/vragen'), actor: admin, body: questionForm, expect: 303 },
    { method: 'GET', path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionId}`, actor: admin },
    { method: 'POST', path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionId}`, actor: admin, body: () => ({ kind: 'text', label: 'Voor wie zorg je?', choices: '' }), expect: 303 },
    { method: 'POST', path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionToRemoveId}/verwijderen`, actor: admin, expect: 303 },
    { method: 'POST', path: course('/publiceren'), actor: admin, expect: 303 },
    { method: 'GET', path: (ids) => `/beheer/academie/${ids.courseToCancelSlug}/annuleren`, actor: admin },
    { method: 'POST', path: (ids) => `/beheer/academie/${ids.courseToCancelSlug}/annuleren`, actor: admin, expect: 303 },
  ],
  // prettier-ignore
  a11yPages: [
    { host: 'tenant', path: '/beheer/academie', viewer: admin },
    { host: 'tenant', path: '/beheer/academie/nieuw', viewer: admin, submitEmpty: true },
    { host: 'tenant', path: course(), viewer: admin },
    // (its first form removes a question: the edit page below is the one submitted empty)
    { host: 'tenant', path: course('/vragen'), viewer: admin },
    { host: 'tenant', path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionId}`, viewer: admin, submitEmpty: true },
    { host: 'tenant', path: course('/annuleren'), viewer: admin },
  ],
  // prettier-ignore
  postRoutes: {
    'POST /beheer/academie/nieuw': { actor: admin, path: () => '/beheer/academie/nieuw', body: (ids) => ({ ...courseForm(ids), slug: '', title: 'Fuzzopleiding', s1Id: '' }) },
    'POST /beheer/academie/:slug': { actor: admin, path: course(), body: courseForm },
    'POST /beheer/academie/:slug/vragen': { actor: admin, path: course('/vragen'), body: questionForm },
    'POST /beheer/academie/:slug/vragen/:questionId': { actor: admin, path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionId}`, body: questionForm },
    'POST /beheer/academie/:slug/publiceren': { actor: admin, path: course('/publiceren'), page: null },
  },
  // prettier-ignore
  postRoutesLast: {
    'POST /beheer/academie/:slug/vragen/:questionId/verwijderen': { actor: admin, path: (ids) => `/beheer/academie/${ids.courseSlug}/vragen/${ids.courseQuestionToRemoveId}/verwijderen`, page: null },
    'POST /beheer/academie/:slug/annuleren': { actor: admin, path: (ids) => `/beheer/academie/${ids.courseToCancelSlug}/annuleren` },
  },
};
