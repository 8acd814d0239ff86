import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Membership } from '../../auth/entities/membership.entity';
import { Clock } from '../../common/clock';
import { toCsv } from '../../common/csv';
import { isUuid } from '../../common/uuid';
import { SignedLinks } from '../../common/signed-links';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { generateCsrfToken } from '../../web/csrf';
import { errorList, type FieldErrors } from '../../web/forms/form-validation';
import { viewerOf, type Viewer } from '../../web/surfaces/viewer';
import { TIME_ZONE } from '../../web/view-helpers';
import { mayView, visibleAudiences } from '../../web/surfaces/audience';
import { courseIcs } from '../common/course-ics';
import { findCourse, sessionsOf } from '../common/course-lookup';
import { COURSE_KINDS } from '../common/entities/academy-template.entity';
import { CourseQuestion } from '../common/entities/course-question.entity';
import type { CourseSession } from '../common/entities/course-session.entity';
import { Course } from '../common/entities/course.entity';
import { Enrollment } from '../common/entities/enrollment.entity';
import { checkAnswers, questionField, YES_NO } from './enrolment-answers';
import {
  catalogueQuery,
  formatPrice,
  listedCourse,
  type CatalogueFilters,
  type ListedCourse,
} from './course-listing';
import {
  closesAt,
  ENROLMENT_CANCEL_PURPOSE,
  EnrolmentsService,
  type EnrolmentCancelResult,
  type EnrolResult,
} from './enrolments.service';

/** A cancel link that does not act: damaged or of another municipality (or gone), or expired. */
export type EnrolmentLinkRefusal = 'invalid' | 'expired';

export interface EnrolmentLinkTarget {
  course: Course;
  enrollment: Enrollment;
  queuedAtMs: number;
  active: boolean;
}

/** The catalogue's filters as the GET form sends them (anything else is ignored). */
export interface CatalogueQuery {
  doelgroep?: unknown;
  soort?: unknown;
  maand?: unknown;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const price = (cents: number) => formatPrice(cents, t('academy.enrolments.free'));
const timeOf = (d: Date) => DateTime.fromJSDate(d).setZone(TIME_ZONE).toFormat('HH.mm');

/**
 * The enrolment pages' reads and writes, one call per request (the controllers open no
 * transaction): the catalogue, the course page and its .ics, enrolling and cancelling (page,
 * one-click link, admin), and the participants list with its CSV.
 */
@Injectable()
export class EnrolmentPagesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly enrolments: EnrolmentsService,
    private readonly links: SignedLinks,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** /academie: the courses this viewer may see, filtered by the GET form. */
  async catalogue(
    tenantId: TenantId,
    membership: Membership | null | undefined,
    query: CatalogueQuery,
  ) {
    const viewer = viewerOf(membership);
    const audiences = visibleAudiences(viewer);
    const now = this.clock.now();
    const filters: CatalogueFilters = {};
    const chosen = {
      audience: typeof query.doelgroep === 'string' ? query.doelgroep : '',
      kind: typeof query.soort === 'string' ? query.soort : '',
      month: typeof query.maand === 'string' ? query.maand : '',
    };
    if ((audiences as string[]).includes(chosen.audience)) filters.audience = chosen.audience;
    if ((COURSE_KINDS as readonly string[]).includes(chosen.kind)) filters.kind = chosen.kind;
    const m = MONTH.exec(chosen.month);
    if (m) {
      const start = DateTime.fromObject(
        { year: Number(m[1]), month: Number(m[2]), day: 1 },
        { zone: TIME_ZONE },
      );
      filters.month = { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
    }
    const { sql, params } = catalogueQuery(tenantId, now, audiences, filters);
    const rows = await this.tx.run(tenantId, (em) => em.query<ListedCourse[]>(sql, params));
    const thisMonth = DateTime.fromJSDate(now).setZone(TIME_ZONE).startOf('month');
    return {
      title: t('academy.enrolments.catalogue.title'),
      courses: rows.map(listedCourse),
      filtered: Boolean(filters.audience || filters.kind || filters.month),
      audienceOptions: audiences.map((a) => ({
        value: a,
        label: t(`audience.${a}`),
        selected: a === filters.audience,
      })),
      kindOptions: COURSE_KINDS.map((k) => ({
        value: k,
        label: t(`academy.kind.${k}`),
        selected: k === filters.kind,
      })),
      monthOptions: Array.from({ length: 12 }, (_, i) => {
        const month = thisMonth.plus({ months: i });
        const value = month.toFormat('yyyy-MM');
        return {
          value,
          label: month.setLocale('nl-BE').toFormat('LLLL yyyy'),
          selected: value === chosen.month,
        };
      }),
    };
  }

  /**
   * The course page's view (`academy/enrolments/course`), also for the enrolment form shown
   * again with errors. Null: no such course here, a draft, or not for this viewer.
   */
  async coursePage(
    req: Request,
    tenantId: TenantId,
    slug: string,
    form: { errors: FieldErrors; values: Record<string, string> } | null = null,
  ) {
    const membership = req.membership;
    const viewer = viewerOf(membership);
    const now = this.clock.now();
    const found = await this.tx.run(tenantId, async (em) => {
      const course = await this.visibleCourse(em, tenantId, slug, viewer);
      if (!course) return null;
      const sessions = await sessionsOf(em, tenantId, course.id);
      const questions = await this.questionsOf(em, tenantId, course.id);
      const taken = await this.enrolments.placesTaken(em, tenantId, course.id);
      const mine = membership
        ? await this.enrolments.mine(em, tenantId, course.id, membership.id)
        : null;
      return { course, sessions, questions, taken, mine };
    });
    if (!found) return null;
    const { course, sessions, questions, taken, mine } = found;
    const scheduled = sessions.filter((s) => s.status === 'scheduled');
    const firstStart = scheduled.length ? scheduled[0].startsAt : null;
    const lastEnd = scheduled.length ? scheduled[scheduled.length - 1].endsAt : null;
    const closes = closesAt(course, firstStart);
    const cancelled = course.status === 'cancelled';
    const past = !lastEnd || lastEnd.getTime() < now.getTime();
    const closed = !closes || closes.getTime() <= now.getTime();
    const values = form?.values ?? {};
    const errors = form?.errors ?? {};
    return {
      title: course.title,
      course,
      kindLabel: t(`academy.kind.${course.kind}`),
      audienceLabels: course.audiences.map((a) => t(`audience.${a}`)).join(', '),
      price: price(course.priceCents),
      trainer: [course.trainerName, course.trainerOrganisation].filter(Boolean).join(', '),
      online: Boolean(course.onlineUrl),
      sessions: sessions.map((s) => this.sessionView(s)),
      placesLeft: Math.max(0, course.capacity - taken),
      full: taken >= course.capacity,
      closesAt: closes,
      cancelled,
      past,
      closed,
      open: !cancelled && !closed,
      mine,
      questions: questions.map((q) => {
        const field = questionField(q);
        const value = values[q.id] ?? '';
        return {
          id: q.id,
          field,
          name: `answers[${q.id}]`,
          label: q.label,
          required: q.required,
          text: q.kind === 'text',
          yesNo: q.kind === 'yes_no',
          choice: q.kind === 'choice',
          value,
          error: errors[field],
          options:
            q.kind === 'yes_no'
              ? YES_NO.map((v, i) => ({
                  value: v,
                  id: `${field}-${i}`,
                  label: t(`academy.enrolments.answer.${v}`),
                  checked: value === v,
                }))
              : q.choices.map((c, i) => ({
                  value: c,
                  id: `${field}-${i}`,
                  label: c,
                  checked: value === c,
                })),
        };
      }),
      here: `/academie/${course.slug}`,
      errors: form?.errors,
      errorList: form ? errorList(form.errors) : undefined,
      csrfToken: membership ? generateCsrfToken(req) : undefined,
    };
  }

  private sessionView(s: CourseSession) {
    return {
      position: s.position,
      title: s.title,
      startsAt: s.startsAt,
      endTime: timeOf(s.endsAt),
      cancelled: s.status === 'cancelled',
    };
  }

  /** The public .ics of a course: built for an anonymous viewer (caregiver courses only). */
  async courseIcsFile(tenant: MailTenant, slug: string): Promise<string | null> {
    const tenantId = tenant.id as TenantId;
    return this.tx.run(tenantId, async (em) => {
      const course = await this.visibleCourse(em, tenantId, slug, null);
      if (!course) return null;
      const sessions = await sessionsOf(em, tenantId, course.id);
      return courseIcs({
        course,
        sessions,
        tenantName: tenant.name,
        url: `${this.config.originFor(tenant.slug)}/academie/${course.slug}`,
        domain: this.config.BASE_DOMAIN,
      });
    });
  }

  /**
   * Enrols a member from the course page. `given` null: the body could not have come from the
   * form. Answers that do not fit a question come back as `invalid` with the errors.
   */
  async enrol(
    tenant: MailTenant,
    slug: string,
    membership: Membership,
    given: Record<string, string> | null,
  ): Promise<
    | { found: null }
    | {
        found: Course;
        result: EnrolResult | { ok: false; reason: 'invalid'; errors: FieldErrors | null };
      }
  > {
    const tenantId = tenant.id as TenantId;
    const viewer = viewerOf(membership)!;
    const found = await this.tx.run(tenantId, async (em) => {
      const course = await this.visibleCourse(em, tenantId, slug, viewer);
      return course ? { course, questions: await this.questionsOf(em, tenantId, course.id) } : null;
    });
    if (!found) return { found: null };
    if (!given)
      return { found: found.course, result: { ok: false, reason: 'invalid', errors: null } };
    const checked = checkAnswers(found.questions, given);
    if (!checked.ok)
      return {
        found: found.course,
        result: { ok: false, reason: 'invalid', errors: checked.errors },
      };
    return {
      found: found.course,
      result: await this.enrolments.enrol(tenant, found.course.id, viewer, checked.answers),
    };
  }

  /** Cancels the member's own enrolment of the course of a page ('already': there is none). */
  async cancelOwn(
    tenant: MailTenant,
    slug: string,
    membership: Membership,
  ): Promise<{ found: null } | { found: Course; result: EnrolmentCancelResult }> {
    const tenantId = tenant.id as TenantId;
    const found = await this.tx.run(tenantId, async (em) => {
      const course = await this.visibleCourse(em, tenantId, slug, viewerOf(membership), true);
      if (!course) return null;
      const enrollment = await em
        .getRepository(Enrollment)
        .findOneBy({ tenantId, courseId: course.id, membershipId: membership.id });
      return { course, enrollment };
    });
    if (!found) return { found: null };
    const result = found.enrollment
      ? await this.enrolments.cancel(tenant, found.enrollment.id, { membershipId: membership.id })
      : ({ ok: false, reason: 'already' } as const);
    return { found: found.course, result };
  }

  /** An admin cancels someone's enrolment from the participants page (a notice goes out). */
  async adminCancel(
    tenant: MailTenant,
    course: Course,
    enrollmentId: string,
  ): Promise<EnrolmentCancelResult> {
    const tenantId = tenant.id as TenantId;
    if (!isUuid(enrollmentId)) return { ok: false, reason: 'not-found' };
    const enrollment = await this.tx.run(tenantId, (em) =>
      em.getRepository(Enrollment).findOneBy({ tenantId, id: enrollmentId, courseId: course.id }),
    );
    if (!enrollment) return { ok: false, reason: 'not-found' };
    return this.enrolments.cancel(tenant, enrollment.id, { by: 'admin' });
  }

  /** The page of a cancel link (GET: one button, changes nothing). */
  async cancelLinkPage(tenantId: TenantId, token: string) {
    return this.fromToken(tenantId, token);
  }

  /** The cancel link's POST (also RFC 8058 one-click): the token alone is enough. */
  async cancelByLink(
    tenant: MailTenant,
    token: string,
  ): Promise<
    | { ok: false; refusal: EnrolmentLinkRefusal }
    | { ok: true; target: EnrolmentLinkTarget; result: EnrolmentCancelResult }
  > {
    const found = await this.fromToken(tenant.id as TenantId, token);
    if (!found.ok) return found;
    const result = await this.enrolments.cancel(tenant, found.target.enrollment.id, {
      queuedAtMs: found.target.queuedAtMs,
    });
    return { ...found, result };
  }

  /**
   * The participants of a course for its admins and trainer: confirmed, then the waitlist in
   * order, with name, phone, the e-mail address for admins only, and the answers.
   */
  async participants(req: Request, tenantId: TenantId, course: Course, right: 'admin' | 'trainer') {
    const data = await this.participantRows(tenantId, course, right);
    const confirmed = data.rows.filter((r) => r.status === 'confirmed');
    const waiting = data.rows.filter((r) => r.status === 'waitlisted');
    return {
      title: t('academy.enrolments.participants.title', { title: course.title }),
      course,
      isAdmin: right === 'admin',
      questions: data.questions,
      groups: [
        {
          id: 'bevestigd',
          heading: t('academy.enrolments.participants.confirmed'),
          rows: confirmed,
        },
        {
          id: 'wachtlijst',
          heading: t('academy.enrolments.participants.waitlisted'),
          rows: waiting,
        },
      ],
      confirmedCount: confirmed.length,
      waitingCount: waiting.length,
      placesLeft: Math.max(0, course.capacity - confirmed.length),
      csrfToken: generateCsrfToken(req),
    };
  }

  /** The same list as CSV (the café's formula-injection escaping, src/common/csv.ts). */
  async participantsCsv(tenantId: TenantId, course: Course, right: 'admin' | 'trainer') {
    const { questions, rows } = await this.participantRows(tenantId, course, right);
    const header = [
      t('academy.enrolments.csv.name'),
      t('academy.enrolments.csv.status'),
      ...(right === 'admin' ? [t('academy.enrolments.csv.email')] : []),
      t('academy.enrolments.csv.phone'),
      ...questions.map((q) => q.label),
    ];
    return toCsv([
      header,
      ...rows.map((r) => [
        r.name,
        r.statusLabel,
        ...(right === 'admin' ? [r.email] : []),
        r.phone,
        ...r.answers.map((a) => a.value),
      ]),
    ]);
  }

  private async participantRows(tenantId: TenantId, course: Course, right: 'admin' | 'trainer') {
    return this.tx.run(tenantId, async (em) => {
      const questions = await this.questionsOf(em, tenantId, course.id);
      const rows = await em.query<
        {
          id: string;
          status: 'confirmed' | 'waitlisted';
          answers: Record<string, string>;
          display_name: string;
          phone: string | null;
          email: string;
        }[]
      >(
        `select e.id, e.status, e.answers, m.display_name, m.phone, u.email
           from enrollments e
           join memberships m on m.tenant_id = e.tenant_id and m.id = e.membership_id
           join users u on u.id = m.user_id
          where e.tenant_id = $1 and e.course_id = $2 and e.status in ('confirmed', 'waitlisted')
          order by e.status, e.queued_at, e.id`,
        [tenantId, course.id],
      );
      let position = 0;
      return {
        questions,
        rows: rows.map((r) => ({
          id: r.id,
          status: r.status,
          statusLabel:
            r.status === 'confirmed'
              ? t('academy.enrolments.status.confirmed')
              : t('academy.enrolments.status.waitlistedAt', { position: ++position }),
          name: r.display_name,
          phone: r.phone ?? '',
          email: right === 'admin' ? r.email : '',
          answers: questions.map((q) => ({ label: q.label, value: r.answers[q.id] ?? '' })),
        })),
      };
    });
  }

  /**
   * A course of this municipality that `viewer` may see on its page: not a draft, for one of
   * their audiences. `mine`: also one they are enrolled in whatever its audience now is.
   */
  private async visibleCourse(
    em: EntityManager,
    tenantId: TenantId,
    slug: string,
    viewer: Viewer | null,
    mine = false,
  ): Promise<Course | null> {
    const course = await findCourse(em, tenantId, slug);
    if (!course || course.status === 'draft') return null;
    if (!mine && !mayView(viewer, course.audiences)) return null;
    return course;
  }

  private questionsOf(em: EntityManager, tenantId: TenantId, courseId: string) {
    return em
      .getRepository(CourseQuestion)
      .find({ where: { tenantId, courseId }, order: { position: 'ASC' } });
  }

  /** The enrolment a signed link points at (`invalid`: damaged, another municipality's, gone). */
  private async fromToken(
    tenantId: TenantId,
    token: string,
  ): Promise<
    | { ok: false; refusal: EnrolmentLinkRefusal }
    | { ok: true; target: EnrolmentLinkTarget; past: boolean }
  > {
    const verified = this.links.verify(token, ENROLMENT_CANCEL_PURPOSE);
    if (!verified.ok) return { ok: false, refusal: verified.reason };
    const { payload } = verified;
    if (payload.t !== tenantId || payload.ids.length !== 2)
      return { ok: false, refusal: 'invalid' };
    const [enrollmentId, queuedAt] = payload.ids;
    if (!isUuid(enrollmentId)) return { ok: false, refusal: 'invalid' };
    const found = await this.tx.run(tenantId, async (em) => {
      const enrollment = await em
        .getRepository(Enrollment)
        .findOneBy({ tenantId, id: enrollmentId });
      if (!enrollment) return null;
      const course = await em
        .getRepository(Course)
        .findOneByOrFail({ tenantId, id: enrollment.courseId });
      const sessions = await sessionsOf(em, tenantId, enrollment.courseId);
      return { enrollment, course, sessions };
    });
    if (!found) return { ok: false, refusal: 'invalid' };
    const queuedAtMs = Number(queuedAt);
    const active =
      found.enrollment.status !== 'cancelled' && found.enrollment.queuedAt.getTime() === queuedAtMs;
    const ends = found.sessions
      .filter((s) => s.status === 'scheduled')
      .map((s) => s.endsAt.getTime());
    const past = ends.length === 0 || Math.max(...ends) < this.clock.now().getTime();
    return {
      ok: true,
      target: { course: found.course, enrollment: found.enrollment, queuedAtMs, active },
      past,
    };
  }
}
