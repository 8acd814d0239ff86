import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import { UsersService } from '../../auth/users.service';
import { Clock } from '../../common/clock';
import { LOCAL_ZONE } from '../../common/dates';
import { SignedLinks } from '../../common/signed-links';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { MailService, type MailMessage } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { formatDate } from '../../web/view-helpers';
import { CourseFeedback } from '../common/entities/course-feedback.entity';
import { Course } from '../common/entities/course.entity';
import { Enrollment } from '../common/entities/enrollment.entity';

export const FEEDBACK_PURPOSE = 'course-feedback';
/** Fewer answers than this: no results at all (a small group's answers would tell who wrote what). */
export const FEEDBACK_MIN_ANSWERS = 5;
/** The form stays open this long after the course. */
const LINK_DAYS = 90;
/** Courses that ended longer ago than this get no feedback mail any more (a late deploy, a pause). */
const MAIL_WITHIN_DAYS = 14;

export type FeedbackRefusal = 'invalid' | 'expired' | 'already';

export interface FeedbackTarget {
  enrollmentId: string;
  course: Course;
}

export interface FeedbackInput {
  usefulness: number;
  better: string;
  comment: string;
}

/** Results of a course or a template: null below FEEDBACK_MIN_ANSWERS. */
export interface FeedbackResults {
  count: number;
  enough: boolean;
  average: string | null;
  distribution: { score: number; count: number }[];
  better: string[];
  comments: string[];
}

/**
 * Feedback after a course: one mail per confirmed person once the last session ended (outbox
 * key `course-feedback:<enrollmentId>`), a signed link to a short form, the answer stored without
 * the person (the enrolment only records that they answered), results for admins with no results
 * at all below five answers and the comments in a fixed order that is not the order they came in.
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly links: SignedLinks,
    private readonly mail: MailService,
    private readonly memberships: MembershipsService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The token of an enrolment's feedback link (valid some months after the course). */
  token(tenantId: string, enrollmentId: string, lastEnd: Date): string {
    return this.links.sign(
      FEEDBACK_PURPOSE,
      tenantId,
      [enrollmentId],
      new Date(lastEnd.getTime() + LINK_DAYS * 86_400_000),
    );
  }

  /** The feedback token of a member's enrolment for a course (tests, the isolation suite). */
  async tokenFor(tenantId: TenantId, enrollmentId: string): Promise<string> {
    const lastEnd = await this.tx.run(tenantId, async (em) => {
      const [row] = await em.query<{ last_end: Date | null }[]>(
        `select max(s.ends_at) as last_end from course_sessions s
           join enrollments e on e.tenant_id = s.tenant_id and e.course_id = s.course_id
          where e.tenant_id = $1 and e.id = $2`,
        [tenantId, enrollmentId],
      );
      return row?.last_end ?? this.clock.now();
    });
    return this.token(tenantId, enrollmentId, lastEnd);
  }

  /** What a feedback link points at; already answered is a refusal of its own. */
  async target(
    tenantId: TenantId,
    token: string,
  ): Promise<{ ok: true; target: FeedbackTarget } | { ok: false; reason: FeedbackRefusal }> {
    const verified = this.links.verify(token, FEEDBACK_PURPOSE);
    if (!verified.ok) return { ok: false, reason: verified.reason };
    const { payload } = verified;
    if (payload.t !== tenantId || payload.ids.length !== 1) return { ok: false, reason: 'invalid' };
    const [enrollmentId] = payload.ids;
    return this.tx.run(tenantId, async (em) => {
      const enrollment = await em
        .getRepository(Enrollment)
        .findOneBy({ tenantId, id: enrollmentId });
      if (!enrollment || enrollment.status !== 'confirmed') return { ok: false, reason: 'invalid' };
      if (enrollment.feedbackSentAt) return { ok: false, reason: 'already' };
      const course = await em
        .getRepository(Course)
        .findOneByOrFail({ tenantId, id: enrollment.courseId });
      return { ok: true, target: { enrollmentId, course } };
    });
  }

  /**
   * Stores one answer (without the person) and marks the enrolment as answered, in one
   * transaction under the enrolment's lock: a second answer (another tab, a double click) is
   * refused.
   */
  async answer(
    tenantId: TenantId,
    token: string,
    input: FeedbackInput,
  ): Promise<{ ok: true; course: Course } | { ok: false; reason: FeedbackRefusal }> {
    const found = await this.target(tenantId, token);
    if (!found.ok) return found;
    const { enrollmentId, course } = found.target;
    const now = this.clock.now();
    return this.tx.run(tenantId, async (em) => {
      const [locked] = await em.query<{ feedback_sent_at: Date | null }[]>(
        `select feedback_sent_at from enrollments where tenant_id = $1 and id = $2 for update`,
        [tenantId, enrollmentId],
      );
      if (!locked || locked.feedback_sent_at)
        return { ok: false as const, reason: 'already' as const };
      await em.getRepository(CourseFeedback).insert({
        tenantId,
        courseId: course.id,
        usefulness: input.usefulness,
        better: input.better,
        comment: input.comment,
        answeredOn: DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).toISODate()!,
      });
      await em
        .getRepository(Enrollment)
        .update({ tenantId, id: enrollmentId }, { feedbackSentAt: now });
      return { ok: true as const, course };
    });
  }

  /** The results of one course. */
  forCourse(tenantId: TenantId, courseId: string): Promise<FeedbackResults> {
    return this.tx.run(tenantId, (em) => this.results(em, tenantId, `f.course_id = $2`, courseId));
  }

  /** The results of this municipality's courses made from one template. */
  forTemplate(
    tenantId: TenantId,
    templateId: string,
  ): Promise<FeedbackResults & { courses: number }> {
    return this.tx.run(tenantId, async (em) => {
      const courses = await em.getRepository(Course).countBy({ tenantId, templateId });
      const results = await this.results(
        em,
        tenantId,
        `f.course_id in (select c.id from courses c where c.tenant_id = $1 and c.template_id = $2)`,
        templateId,
      );
      return { ...results, courses };
    });
  }

  private async results(
    em: EntityManager,
    tenantId: TenantId,
    where: string,
    id: string,
  ): Promise<FeedbackResults> {
    // md5 of the id: a fixed order that tells nothing about when (or by whom) it was written.
    const rows = await em.query<{ usefulness: number; better: string; comment: string }[]>(
      `select f.usefulness, f.better, f.comment from course_feedback f
        where f.tenant_id = $1 and ${where}
        order by md5(f.id::text)`,
      [tenantId, id],
    );
    const count = rows.length;
    if (count < FEEDBACK_MIN_ANSWERS)
      return { count, enough: false, average: null, distribution: [], better: [], comments: [] };
    const sum = rows.reduce((s, r) => s + Number(r.usefulness), 0);
    return {
      count,
      enough: true,
      average: (sum / count).toLocaleString('nl-BE', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
      distribution: [5, 4, 3, 2, 1].map((score) => ({
        score,
        count: rows.filter((r) => Number(r.usefulness) === score).length,
      })),
      better: rows.map((r) => r.better.trim()).filter(Boolean),
      comments: rows.map((r) => r.comment.trim()).filter(Boolean),
    };
  }

  /**
   * Queues the feedback mail for every confirmed person of a course whose last session ended
   * (in the last two weeks) and who has not answered: keyed `course-feedback:<enrollmentId>`, so
   * every later run adds nothing. Returns how many were queued now.
   */
  async queueDue(
    tenant: MailTenant,
    now = this.clock.now(),
  ): Promise<{ courses: number; queued: number }> {
    const tenantId = tenant.id as TenantId;
    const since = new Date(now.getTime() - MAIL_WITHIN_DAYS * 86_400_000);
    const result = await this.tx.run(tenantId, async (em) => {
      const due = await em.query<
        {
          enrollment_id: string;
          membership_id: string;
          course_id: string;
          title: string;
          last_end: Date;
        }[]
      >(
        `select e.id as enrollment_id, e.membership_id, c.id as course_id, c.title, l.last_end
           from courses c
           join lateral (select max(s.ends_at) as last_end from course_sessions s
                          where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled') l on true
           join enrollments e on e.tenant_id = c.tenant_id and e.course_id = c.id
          where c.tenant_id = $1 and c.status = 'published'
            and l.last_end <= $2 and l.last_end > $3
            and e.status = 'confirmed' and e.feedback_sent_at is null`,
        [tenantId, now, since],
      );
      const keyOf = (enrollmentId: string) => `course-feedback:${enrollmentId}`;
      const existing = await this.mail.existingKeys(
        em,
        tenantId,
        due.map((d) => keyOf(d.enrollment_id)),
      );
      const todo = due.filter((d) => !existing.has(keyOf(d.enrollment_id)));
      const members = await this.memberships.findMany(
        em,
        tenantId,
        todo.map((d) => d.membership_id),
      );
      const people = todo.flatMap((d) => {
        const membership = members.get(d.membership_id);
        return membership ? [{ d, membership }] : [];
      });
      const emails = await this.users.emailsByIds(
        people.map((p) => p.membership.userId),
        em,
      );
      const origin = this.config.originFor(tenant.slug);
      const messages: MailMessage[] = [];
      for (const { d, membership } of people) {
        const to = emails.get(membership.userId);
        if (!to) continue;
        const token = this.token(tenantId, d.enrollment_id, d.last_end);
        messages.push({
          key: keyOf(d.enrollment_id),
          to,
          subject: `Wat vond je van ${d.title}?`,
          template: 'academy-feedback',
          data: {
            name: membership.displayName,
            tenantName: tenant.name,
            courseTitle: d.title,
            lastDay: formatDate(d.last_end),
            feedbackUrl: `${origin}/e/opleiding-feedback/${token}`,
            reason: `Je krijgt deze e-mail omdat je ingeschreven was voor ${d.title} op de Mantelzorghub ${tenant.name}. Je krijgt hem maar één keer.`,
          },
          discardAfter: new Date(d.last_end.getTime() + LINK_DAYS * 86_400_000),
        });
      }
      await this.mail.queueTenantMails(em, tenantId, messages);
      return { courses: new Set(due.map((d) => d.course_id)).size, queued: messages.length };
    });
    if (result.queued > 0) await this.mail.dispatch(tenantId);
    return result;
  }
}
