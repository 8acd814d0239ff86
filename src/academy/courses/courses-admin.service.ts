import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { MailService } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { findCourse, lockCourse, sessionsOf } from '../common/course-lookup';
import { CourseQuestion, type QuestionKind } from '../common/entities/course-question.entity';
import { CourseSession } from '../common/entities/course-session.entity';
import { Course, type CourseStatus } from '../common/entities/course.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { TemplatesService, type TemplateDetail } from '../templates/templates.service';
import type { CourseInput } from './course-form';
import { CourseNoticesService } from './course-notices.service';

/** One line of the admin's list of courses. */
export interface CourseListItem {
  slug: string;
  title: string;
  status: CourseStatus;
  firstStart: Date | null;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

export interface QuestionInput {
  kind: QuestionKind;
  label: string;
  choices: string[];
  required: boolean;
}

export type CreateCourseResult =
  { ok: true; course: Course } | { ok: false; reason: 'slug-taken' | 'no-trainer' };
export type UpdateCourseResult =
  | { ok: true; course: Course; notices: number }
  | { ok: false; reason: 'not-found' | 'slug-taken' | 'no-trainer' | 'cancelled' | 'no-sessions' };
export type PublishResult =
  | { ok: true; course: Course }
  | { ok: false; reason: 'not-found' | 'cancelled' | 'no-future-session' };
export type CancelCourseResult =
  | { ok: true; course: Course; notices: number }
  | { ok: false; reason: 'not-found' | 'already-cancelled' };
export type QuestionResult =
  { ok: true; question: CourseQuestion } | { ok: false; reason: 'not-found' | 'cancelled' };

/**
 * A tenant admin's work on the municipality's courses: the list, a new course (from scratch or a
 * template), editing it with its sessions, its enrolment questions, publishing and cancelling.
 * Changes people's calendars must follow go out as notices in the same transaction
 * (CourseNoticesService) and are dispatched after commit.
 */
@Injectable()
export class CoursesAdminService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly templates: TemplatesService,
    private readonly memberships: MembershipsService,
    private readonly notices: CourseNoticesService,
    private readonly enrolments: EnrolmentsService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** The municipality's courses, newest first session first; drafts and cancelled ones too. */
  list(tenantId: TenantId): Promise<CourseListItem[]> {
    return this.tx.run(tenantId, async (em) => {
      const rows = await em.query<
        {
          slug: string;
          title: string;
          status: CourseStatus;
          capacity: number;
          first_start: Date | null;
          confirmed: string;
          waitlisted: string;
        }[]
      >(
        `select c.slug, c.title, c.status, c.capacity,
                (select min(s.starts_at) from course_sessions s
                  where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled') as first_start,
                (select count(*) from enrollments e where e.tenant_id = c.tenant_id and e.course_id = c.id
                   and e.status = 'confirmed') as confirmed,
                (select count(*) from enrollments e where e.tenant_id = c.tenant_id and e.course_id = c.id
                   and e.status = 'waitlisted') as waitlisted
           from courses c where c.tenant_id = $1
          order by first_start desc nulls first, c.title`,
        [tenantId],
      );
      return rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        status: r.status,
        capacity: r.capacity,
        firstStart: r.first_start,
        confirmed: Number(r.confirmed),
        waitlisted: Number(r.waitlisted),
      }));
    });
  }

  /** What the course form needs besides the values: the members a trainer can be linked to. */
  members(tenantId: TenantId): Promise<{ id: string; displayName: string }[]> {
    return this.tx.run(tenantId, async (em) =>
      (await this.memberships.page(em, tenantId, 0, 1000)).map((m) => ({
        id: m.id,
        displayName: m.displayName,
      })),
    );
  }

  /** An active template to start from (null: none by that slug, or archived). */
  async template(slug: string): Promise<TemplateDetail | null> {
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
    const detail = await this.templates.findBySlug(slug);
    return detail && detail.template.status === 'active' ? detail : null;
  }

  /** The course's stored sessions (for the edit form). */
  sessions(tenantId: TenantId, courseId: string): Promise<CourseSession[]> {
    return this.tx.run(tenantId, (em) => sessionsOf(em, tenantId, courseId));
  }

  /** A new draft; `templateSlug` links it to its template and copies each session's programme. */
  async create(
    tenantId: TenantId,
    input: CourseInput,
    templateSlug: string | null,
  ): Promise<CreateCourseResult> {
    const detail = templateSlug ? await this.template(templateSlug) : null;
    return this.tx
      .run(tenantId, async (em): Promise<CreateCourseResult> => {
        const repo = em.getRepository(Course);
        if (await repo.existsBy({ tenantId, slug: input.slug }))
          return { ok: false, reason: 'slug-taken' };
        if (!(await this.trainerExists(em, tenantId, input.trainerMembershipId)))
          return { ok: false, reason: 'no-trainer' };
        const { sessions, ...fields } = input;
        const inserted = await repo
          .createQueryBuilder()
          .insert()
          .values({ tenantId, ...fields, templateId: detail?.template.id ?? null, status: 'draft' })
          .orIgnore()
          .execute();
        const id = (inserted.identifiers[0] as { id: string } | undefined)?.id;
        if (!id) return { ok: false, reason: 'slug-taken' };
        if (sessions.length > 0)
          await em.getRepository(CourseSession).insert(
            sessions.map((s, i) => ({
              tenantId,
              courseId: id,
              position: i + 1,
              title: s.title,
              programme: detail?.sessions[i]?.programme ?? '',
              startsAt: s.startsAt,
              endsAt: s.endsAt,
            })),
          );
        return { ok: true, course: await repo.findOneByOrFail({ tenantId, id }) };
      })
      .catch((error: unknown) => slugTaken(error));
  }

  /**
   * Saves a course and its sessions, from the course as stored (locked: an enrolment waits).
   * On a published course a moved session gets SEQUENCE + 1 and a notice, a removed one is
   * cancelled (its row stays: calendars get a CANCEL for its UID), more places go to the
   * waitlist in order. An unchanged save changes nothing and sends nothing.
   */
  async update(
    tenant: MailTenant,
    courseId: string,
    input: CourseInput,
  ): Promise<UpdateCourseResult> {
    const tenantId = tenant.id as TenantId;
    const now = this.clock.now();
    const result = await this.tx
      .run(tenantId, async (em): Promise<UpdateCourseResult> => {
        const stored = await lockCourse(em, tenantId, courseId);
        if (!stored) return { ok: false, reason: 'not-found' };
        if (stored.status === 'cancelled') return { ok: false, reason: 'cancelled' };
        const repo = em.getRepository(Course);
        if (input.slug !== stored.slug && (await repo.existsBy({ tenantId, slug: input.slug })))
          return { ok: false, reason: 'slug-taken' };
        if (!(await this.trainerExists(em, tenantId, input.trainerMembershipId)))
          return { ok: false, reason: 'no-trainer' };
        const published = stored.status === 'published';
        if (published && input.sessions.length === 0) return { ok: false, reason: 'no-sessions' };
        const { sessions: wanted, ...fields } = input;
        await repo.update({ tenantId, id: courseId }, fields);

        const sessionRepo = em.getRepository(CourseSession);
        const existing = await sessionsOf(em, tenantId, courseId);
        const scheduled = new Map(
          existing.filter((s) => s.status === 'scheduled').map((s) => [s.id, s]),
        );
        let position = Math.max(0, ...existing.map((s) => s.position));
        const moved: string[] = [];
        const added: string[] = [];
        const kept = new Set<string>();
        for (const s of wanted) {
          const old = s.id ? scheduled.get(s.id) : undefined;
          if (!old || kept.has(old.id)) {
            const ins = await sessionRepo.insert({
              tenantId,
              courseId,
              position: ++position,
              title: s.title,
              startsAt: s.startsAt,
              endsAt: s.endsAt,
            });
            added.push((ins.identifiers[0] as { id: string }).id);
            continue;
          }
          kept.add(old.id);
          const timeChanged =
            old.startsAt.getTime() !== s.startsAt.getTime() ||
            old.endsAt.getTime() !== s.endsAt.getTime();
          if (!timeChanged && old.title === s.title) continue;
          await sessionRepo.update(
            { tenantId, id: old.id },
            {
              title: s.title,
              startsAt: s.startsAt,
              endsAt: s.endsAt,
              ...(published ? { sequence: () => 'sequence + 1' } : {}),
              ...(timeChanged ? { rescheduledAt: now } : {}),
            },
          );
          if (timeChanged) moved.push(old.id);
        }
        const gone = [...scheduled.keys()].filter((id) => !kept.has(id));
        if (gone.length > 0) {
          if (published)
            await sessionRepo
              .createQueryBuilder()
              .update()
              .set({ status: 'cancelled', sequence: () => 'sequence + 1' })
              .where('tenant_id = :tenantId and id in (:...gone)', { tenantId, gone })
              .execute();
          else
            await sessionRepo
              .createQueryBuilder()
              .delete()
              .where('tenant_id = :tenantId and id in (:...gone)', { tenantId, gone })
              .execute();
        }

        const course = await repo.findOneByOrFail({ tenantId, id: courseId });
        let notices = 0;
        if (published) {
          const all = await sessionsOf(em, tenantId, courseId);
          const byId = (ids: string[]) => all.filter((s) => ids.includes(s.id));
          notices += await this.notices.sessionsChanged(
            em,
            tenant,
            course,
            all,
            byId([...moved, ...added]),
          );
          notices += await this.notices.sessionsRemoved(em, tenant, course, all, byId(gone));
          if (course.capacity > stored.capacity)
            await this.enrolments.promoteWaitlist(em, tenant, course);
        }
        return { ok: true, course, notices };
      })
      .catch((error: unknown) => slugTaken(error));
    // Promotions queue their own mail: dispatch whenever something may have been written.
    if (result.ok) await this.mail.dispatch(tenantId);
    return result;
  }

  /** Draft → published: needs at least one session still to come. */
  async publish(tenantId: TenantId, courseId: string): Promise<PublishResult> {
    const now = this.clock.now();
    return this.tx.run(tenantId, async (em): Promise<PublishResult> => {
      const stored = await lockCourse(em, tenantId, courseId);
      if (!stored) return { ok: false, reason: 'not-found' };
      if (stored.status === 'cancelled') return { ok: false, reason: 'cancelled' };
      if (stored.status === 'published') return { ok: true, course: stored };
      const sessions = await sessionsOf(em, tenantId, courseId);
      if (!sessions.some((s) => s.status === 'scheduled' && s.startsAt > now))
        return { ok: false, reason: 'no-future-session' };
      await em
        .getRepository(Course)
        .update({ tenantId, id: courseId }, { status: 'published', publishedAt: now });
      return {
        ok: true,
        course: await em.getRepository(Course).findOneByOrFail({ tenantId, id: courseId }),
      };
    });
  }

  /** Cancels a course: every session's SEQUENCE grows, reminders are dropped, everyone is told. */
  async cancel(tenant: MailTenant, courseId: string): Promise<CancelCourseResult> {
    const tenantId = tenant.id as TenantId;
    const now = this.clock.now();
    const result = await this.tx.run(tenantId, async (em): Promise<CancelCourseResult> => {
      const stored = await lockCourse(em, tenantId, courseId);
      if (!stored) return { ok: false, reason: 'not-found' };
      if (stored.status === 'cancelled') return { ok: false, reason: 'already-cancelled' };
      await em
        .getRepository(Course)
        .update({ tenantId, id: courseId }, { status: 'cancelled', cancelledAt: now });
      await em
        .getRepository(CourseSession)
        .update({ tenantId, courseId, status: 'scheduled' }, { sequence: () => 'sequence + 1' });
      const course = await em.getRepository(Course).findOneByOrFail({ tenantId, id: courseId });
      const sessions = (await sessionsOf(em, tenantId, courseId)).filter(
        (s) => s.status === 'scheduled',
      );
      const notices = await this.notices.courseCancelled(em, tenant, course, sessions);
      return { ok: true, course, notices };
    });
    if (result.ok && result.notices > 0) await this.mail.dispatch(tenantId);
    return result;
  }

  questions(tenantId: TenantId, courseId: string): Promise<CourseQuestion[]> {
    return this.tx.run(tenantId, (em) =>
      em
        .getRepository(CourseQuestion)
        .find({ where: { tenantId, courseId }, order: { position: 'ASC' } }),
    );
  }

  question(tenantId: TenantId, courseId: string, id: string): Promise<CourseQuestion | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.tx.run(tenantId, (em) =>
      em.getRepository(CourseQuestion).findOneBy({ tenantId, courseId, id }),
    );
  }

  /** Adds a question at the end (under the course's lock: positions never collide). */
  addQuestion(tenantId: TenantId, courseId: string, input: QuestionInput): Promise<QuestionResult> {
    return this.tx.run(tenantId, async (em): Promise<QuestionResult> => {
      const course = await lockCourse(em, tenantId, courseId);
      if (!course) return { ok: false, reason: 'not-found' };
      if (course.status === 'cancelled') return { ok: false, reason: 'cancelled' };
      const repo = em.getRepository(CourseQuestion);
      const [row] = await em.query<{ n: number }[]>(
        'select coalesce(max(position), 0)::int as n from course_questions where tenant_id = $1 and course_id = $2',
        [tenantId, courseId],
      );
      const question = await repo.save(
        repo.create({ tenantId, courseId, position: row.n + 1, ...withChoices(input) }),
      );
      return { ok: true, question };
    });
  }

  editQuestion(
    tenantId: TenantId,
    courseId: string,
    id: string,
    input: QuestionInput,
  ): Promise<QuestionResult> {
    return this.tx.run(tenantId, async (em): Promise<QuestionResult> => {
      const course = await lockCourse(em, tenantId, courseId);
      if (!course || !isUuid(id)) return { ok: false, reason: 'not-found' };
      if (course.status === 'cancelled') return { ok: false, reason: 'cancelled' };
      const repo = em.getRepository(CourseQuestion);
      const result = await repo.update({ tenantId, courseId, id }, withChoices(input));
      if (!result.affected) return { ok: false, reason: 'not-found' };
      return { ok: true, question: await repo.findOneByOrFail({ tenantId, id }) };
    });
  }

  /** Removes a question (answers already given stay with the enrolments, keyed by its id). */
  removeQuestion(tenantId: TenantId, courseId: string, id: string): Promise<QuestionResult> {
    return this.tx.run(tenantId, async (em): Promise<QuestionResult> => {
      if (!isUuid(id)) return { ok: false, reason: 'not-found' };
      const repo = em.getRepository(CourseQuestion);
      const question = await repo.findOneBy({ tenantId, courseId, id });
      if (!question) return { ok: false, reason: 'not-found' };
      await repo.delete({ tenantId, courseId, id });
      return { ok: true, question };
    });
  }

  /** A course by its address (the seeders' and tests' way in; pages use the guard). */
  find(tenantId: TenantId, slug: string): Promise<Course | null> {
    return this.tx.run(tenantId, (em) => findCourse(em, tenantId, slug));
  }

  private async trainerExists(em: EntityManager, tenantId: TenantId, id: string | null) {
    return !id || (await this.memberships.exists(em, tenantId, id));
  }
}

function withChoices(input: QuestionInput): QuestionInput {
  return { ...input, choices: input.kind === 'choice' ? input.choices : [] };
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Another course took the same slug a moment ago: taken, not a 500. */
function slugTaken(error: unknown): { ok: false; reason: 'slug-taken' } {
  const { code, constraint } =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? {};
  if (code === '23505' && constraint === 'uq_courses_slug')
    return { ok: false, reason: 'slug-taken' };
  throw error;
}
