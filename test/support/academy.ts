import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AcademyTemplate,
  type Audience,
  type CourseKind,
} from '../../src/academy/common/entities/academy-template.entity';
import { AcademyTemplateSession } from '../../src/academy/common/entities/academy-template-session.entity';
import {
  CourseQuestion,
  type QuestionKind,
} from '../../src/academy/common/entities/course-question.entity';
import { CourseSession } from '../../src/academy/common/entities/course-session.entity';
import { Course, type CourseStatus } from '../../src/academy/common/entities/course.entity';
import {
  Enrollment,
  type EnrollmentStatus,
} from '../../src/academy/common/entities/enrollment.entity';
import type { TenantId } from '../../src/database/tenant-id';
import { TenantTransaction } from '../../src/database/tenant-transaction';
import { Certificate } from '../../src/academy/common/entities/certificate.entity';
import { CourseFeedback } from '../../src/academy/common/entities/course-feedback.entity';
import { SessionAttendance } from '../../src/academy/common/entities/session-attendance.entity';
import type { SeedContext, TenantIds } from './tenant-routes';
import type { TestApp } from './test-app';

export interface TemplateFixture {
  slug?: string;
  title?: string;
  kind?: CourseKind;
  audiences?: Audience[];
  summary?: string;
  suggestedCapacity?: number;
  sessions?: { title: string; programme?: string; durationMinutes: number }[];
}

export interface CourseFixture {
  slug?: string;
  title?: string;
  kind?: CourseKind;
  audiences?: Audience[];
  status?: CourseStatus;
  capacity?: number;
  priceCents?: number;
  templateId?: string | null;
  trainerName?: string;
  trainerMembershipId?: string | null;
  registrationDeadline?: Date | null;
  reminderOffsets?: number[];
  requiredAttendancePercent?: number;
  /** Default: one session a week from now, 14:00–16:00 UTC. */
  sessions?: { startsAt: Date; endsAt?: Date; title?: string }[];
  questions?: { kind: QuestionKind; label: string; choices?: string[]; required?: boolean }[];
}

export interface CourseFixtureResult {
  course: Course;
  sessions: CourseSession[];
  questions: CourseQuestion[];
}

let counter = 0;

/**
 * Academy rows for test setups, written straight into the tables (the capability services'
 * own tests go through their HTTP routes and services; a setup only needs the rows): a global
 * template, a course with sessions and questions in a tenant, an enrolment.
 */
export function academyFixtures(t: TestApp) {
  const tx = t.get(TenantTransaction);
  const dataSource = t.get(DataSource);
  return {
    async createTemplate(input: TemplateFixture = {}): Promise<AcademyTemplate> {
      const n = ++counter;
      return dataSource.transaction(async (em) => {
        const template = await em.getRepository(AcademyTemplate).save(
          em.getRepository(AcademyTemplate).create({
            slug: input.slug ?? `sjabloon-${n}`,
            title: input.title ?? `Sjabloon ${n}`,
            kind: input.kind ?? 'workshop',
            audiences: input.audiences ?? ['caregiver'],
            summary: input.summary ?? 'Een workshop voor mantelzorgers.',
            suggestedCapacity: input.suggestedCapacity ?? 12,
          }),
        );
        const sessions = input.sessions ?? [{ title: 'De workshop', durationMinutes: 120 }];
        await em.getRepository(AcademyTemplateSession).save(
          sessions.map((session, i) =>
            em.getRepository(AcademyTemplateSession).create({
              templateId: template.id,
              position: i + 1,
              title: session.title,
              programme: session.programme ?? '',
              durationMinutes: session.durationMinutes,
            }),
          ),
        );
        return template;
      });
    },

    createCourse(tenantId: TenantId, input: CourseFixture = {}): Promise<CourseFixtureResult> {
      return tx.run(tenantId, (em) => insertCourse(em, tenantId, input, t.clock.now()));
    },

    addEnrollment(
      tenantId: TenantId,
      courseId: string,
      membershipId: string,
      status: EnrollmentStatus = 'confirmed',
      answers: Record<string, string> = {},
    ): Promise<Enrollment> {
      return tx.run(tenantId, (em) => {
        const repo = em.getRepository(Enrollment);
        const now = t.clock.now();
        return repo.save(
          repo.create({
            tenantId,
            courseId,
            membershipId,
            status,
            answers,
            queuedAt: now,
            confirmedAt: status === 'confirmed' ? now : null,
          }),
        );
      });
    },
  };
}

async function insertCourse(
  em: EntityManager,
  tenantId: TenantId,
  input: CourseFixture,
  now: Date,
): Promise<CourseFixtureResult> {
  const n = ++counter;
  const courses = em.getRepository(Course);
  const course = await courses.save(
    courses.create({
      tenantId,
      slug: input.slug ?? `opleiding-${n}`,
      title: input.title ?? `Opleiding ${n}`,
      kind: input.kind ?? 'workshop',
      audiences: input.audiences ?? ['caregiver'],
      summary: 'Een opleiding om te testen.',
      status: input.status ?? 'published',
      publishedAt: (input.status ?? 'published') === 'published' ? now : null,
      capacity: input.capacity ?? 12,
      priceCents: input.priceCents ?? 0,
      templateId: input.templateId ?? null,
      trainerName: input.trainerName ?? 'An Peeters',
      trainerOrganisation: 'Vormingplus',
      trainerMembershipId: input.trainerMembershipId ?? null,
      venueName: 'Dienstencentrum De Linde',
      venueAddress: 'Kerkstraat 1, 9000 Gent',
      registrationDeadline: input.registrationDeadline ?? null,
      ...(input.reminderOffsets ? { reminderOffsets: input.reminderOffsets } : {}),
      requiredAttendancePercent: input.requiredAttendancePercent ?? 100,
    }),
  );
  // A week from now at 14:00 UTC: a fixed hour, so the session never runs past local midnight
  // (a form that sends it back unchanged would read its end before its start).
  const start = new Date(now.getTime() + 7 * 24 * 3600_000);
  start.setUTCHours(14, 0, 0, 0);
  const plans = input.sessions ?? [{ startsAt: start }];
  const sessionRepo = em.getRepository(CourseSession);
  const sessions = await sessionRepo.save(
    plans.map((plan, i) =>
      sessionRepo.create({
        tenantId,
        courseId: course.id,
        position: i + 1,
        title: plan.title ?? '',
        startsAt: plan.startsAt,
        endsAt: plan.endsAt ?? new Date(plan.startsAt.getTime() + 2 * 3600_000),
      }),
    ),
  );
  const questionRepo = em.getRepository(CourseQuestion);
  const questions = await questionRepo.save(
    (input.questions ?? []).map((question, i) =>
      questionRepo.create({
        tenantId,
        courseId: course.id,
        position: i + 1,
        kind: question.kind,
        label: question.label,
        choices: question.choices ?? [],
        required: question.required ?? false,
      }),
    ),
  );
  return { course, sessions, questions };
}

/**
 * The isolation suite's academy rows for one tenant: a published course for caregivers (the
 * tenant's marker in its title) trained by the professional (participant `courseTrainer`), with a
 * session, a question, the caregiver's confirmed enrolment with an answer, their attendance, a
 * certificate and one feedback answer: a row in every academy tenant table.
 */
export async function seedAcademyRows({
  t,
  tenant,
  tenantId,
  ids,
  members,
  participants,
  marker,
  run,
}: SeedContext): Promise<TenantIds> {
  const academy = academyFixtures(t);
  const { course, sessions, questions } = await academy.createCourse(tenantId, {
    slug: `opleiding-${tenant.slug}`,
    title: `Zorgen zonder jezelf te vergeten ${marker}`,
    audiences: ['caregiver'],
    trainerMembershipId: ids.professionalMembershipId,
    questions: [{ kind: 'text', label: 'Voor wie zorg je?' }],
  });
  const enrollment = await academy.addEnrollment(
    tenantId,
    course.id,
    ids.membershipId,
    'confirmed',
    {
      [questions[0].id]: `Mijn moeder ${marker}`,
    },
  );
  participants.courseTrainer = members.professional;
  return run(async (em) => {
    await em.getRepository(SessionAttendance).insert({
      tenantId,
      sessionId: sessions[0].id,
      enrollmentId: enrollment.id,
      present: true,
      markedAt: t.clock.now(),
      markedBy: ids.professionalMembershipId,
    });
    const certificate = await em.getRepository(Certificate).save(
      em.getRepository(Certificate).create({
        tenantId,
        enrollmentId: enrollment.id,
        code: randomBytes(12).toString('hex').toUpperCase(),
        holderName: `${marker} caregiver`,
        courseTitle: course.title,
        completedOn: '2026-11-20',
      }),
    );
    await em.getRepository(CourseFeedback).insert({
      tenantId,
      courseId: course.id,
      usefulness: 4,
      better: '',
      comment: `Heel leerrijk ${marker}`,
      answeredOn: '2026-11-21',
    });
    return {
      courseId: course.id,
      courseSlug: course.slug,
      courseSessionId: sessions[0].id,
      courseQuestionId: questions[0].id,
      enrollmentId: enrollment.id,
      certificateCode: certificate.code,
    };
  });
}
