import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { SignedLinks } from '../../common/signed-links';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import {
  promoteInOrder,
  releasePlace,
  takePlace,
  type CapacityStore,
} from '../../events/capacity/capacity';
import { writeQueuedEntry } from '../../events/capacity/queue-entry';
import { MailService } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import type { Viewer } from '../../web/surfaces/viewer';
import { mayView } from '../../web/surfaces/audience';
import { lockCourse, sessionsOf } from '../common/course-lookup';
import type { CourseSession } from '../common/entities/course-session.entity';
import type { Course } from '../common/entities/course.entity';
import { Enrollment } from '../common/entities/enrollment.entity';
import { courseMailParts } from './course-mail';

export const ENROLMENT_CANCEL_PURPOSE = 'course-enrolment-cancel';
/** The one-click cancel link stays valid until this long after the last session. */
const LINK_MARGIN_MS = 30 * 24 * 3600 * 1000;

/** A course as the capacity store holds it: the locked row and its sessions. */
export interface LockedCourse {
  course: Course;
  sessions: CourseSession[];
  /** The first scheduled session's start (null: none scheduled). */
  firstStart: Date | null;
  /** The last scheduled session's end (null: none scheduled). */
  lastEnd: Date | null;
}

/** Why an enrolment was refused under the course's lock (besides 'not-found'). */
export type EnrolRefusal = 'not-published' | 'cancelled' | 'closed' | 'already' | 'audience';

export type EnrolResult =
  | {
      ok: true;
      status: 'confirmed' | 'waitlisted';
      position: number | null;
      enrollment: Enrollment;
    }
  | { ok: false; reason: 'not-found' | EnrolRefusal };

export type EnrolmentCancelResult =
  | { ok: true; promoted: number; course: Course }
  | { ok: false; reason: 'not-found' | 'already' | 'past' };

type WaitingEnrollment = Enrollment & { places: number };

/** One person's state for a course page. */
export interface MyEnrolment {
  enrollment: Enrollment;
  confirmed: boolean;
  position: number | null;
}

/** When enrolment closes: the registration deadline, else the first session's start. */
export function closesAt(course: Course, firstStart: Date | null): Date | null {
  return course.registrationDeadline ?? firstStart;
}

/**
 * Enrolments for courses over the shared capacity mechanism (src/events/capacity, docs/events.md):
 * the course row holds the places of all its sessions (`lockCourse`), each enrolment takes one,
 * the waitlist is `queued_at, id`. Every change runs in one tenant transaction that first locks
 * the course, so parallel enrolments never overbook it and a freed place goes to the waitlist in
 * order before a newcomer can take it.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly mail: MailService,
    private readonly links: SignedLinks,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The member's enrolment of a course (null: none, or cancelled). */
  async mine(
    em: EntityManager,
    tenantId: TenantId,
    courseId: string,
    membershipId: string,
  ): Promise<MyEnrolment | null> {
    const enrollment = await em
      .getRepository(Enrollment)
      .findOneBy({ tenantId, courseId, membershipId });
    if (!enrollment || enrollment.status === 'cancelled') return null;
    const position =
      enrollment.status === 'waitlisted' ? await this.position(em, tenantId, enrollment) : null;
    return { enrollment, confirmed: enrollment.status === 'confirmed', position };
  }

  /** Place on the waitlist, 1-based: by `queued_at`, then id. */
  async position(em: EntityManager, tenantId: TenantId, e: Enrollment): Promise<number> {
    const [row] = await em.query<{ n: string }[]>(
      `select count(*) as n from enrollments w, enrollments e
        where e.tenant_id = $1 and e.id = $2
          and w.tenant_id = e.tenant_id and w.course_id = e.course_id and w.status = 'waitlisted'
          and (w.queued_at, w.id) <= (e.queued_at, e.id)`,
      [tenantId, e.id],
    );
    return Number(row.n);
  }

  /** Confirmed enrolments of a course (the places taken). */
  async placesTaken(em: EntityManager, tenantId: TenantId, courseId: string): Promise<number> {
    const [row] = await em.query<{ n: string }[]>(
      `select count(*) as n from enrollments
        where tenant_id = $1 and course_id = $2 and status = 'confirmed'`,
      [tenantId, courseId],
    );
    return Number(row.n);
  }

  /**
   * Enrols a member for the whole course: confirmed while a place is free, else waitlisted.
   * `answers` are already checked against the course's questions (EnrolmentPagesService).
   */
  async enrol(
    tenant: MailTenant,
    courseId: string,
    viewer: Viewer,
    answers: Record<string, string>,
    now = this.clock.now(),
  ): Promise<EnrolResult> {
    const tenantId = tenant.id as TenantId;
    const membershipId = viewer.id;
    const result = await this.tx.run(tenantId, async (em): Promise<EnrolResult> => {
      const repo = em.getRepository(Enrollment);
      let existing: Enrollment | null = null;
      const taken = await takePlace(em, this.capacity(tenant), courseId, {
        places: 1,
        refuse: async ({ course, firstStart }): Promise<EnrolRefusal | null> => {
          if (course.status === 'cancelled') return 'cancelled';
          if (course.status !== 'published') return 'not-published';
          if (!mayView(viewer, course.audiences)) return 'audience';
          const closes = closesAt(course, firstStart);
          if (!closes || closes.getTime() <= now.getTime()) return 'closed';
          existing = await repo.findOneBy({ tenantId, courseId, membershipId });
          return existing && existing.status !== 'cancelled' ? 'already' : null;
        },
        write: async (locked, status) => {
          const enrollment = await writeQueuedEntry(
            repo,
            existing,
            { tenantId, courseId, membershipId },
            {
              status,
              answers,
              confirmedAt: status === 'confirmed' ? now : null,
              cancelledAt: null,
              cancelledBy: null,
            },
          );
          const position =
            status === 'waitlisted' ? await this.position(em, tenantId, enrollment) : null;
          await this.queueMail(em, tenant, enrollment, locked, status, position);
          return { enrollment, position };
        },
      });
      if (!taken.ok) return taken;
      return { ok: true, status: taken.status, ...taken.value };
    });
    if (result.ok) await this.mail.dispatch(tenantId);
    return result;
  }

  /**
   * Cancels an enrolment: by the member (page, signed link: `queuedAtMs` names the queue entry
   * the link was made for) or by an admin (`by: 'admin'`: a notice goes to the person). A freed
   * place goes to the waitlist in order, in the same transaction.
   */
  async cancel(
    tenant: MailTenant,
    enrollmentId: string,
    check: { membershipId?: string; queuedAtMs?: number; by?: 'self' | 'admin' } = {},
    now = this.clock.now(),
  ): Promise<EnrolmentCancelResult> {
    const tenantId = tenant.id as TenantId;
    const by = check.by ?? 'self';
    const result = await this.tx.run(tenantId, async (em): Promise<EnrolmentCancelResult> => {
      const found = await em.getRepository(Enrollment).findOneBy({ tenantId, id: enrollmentId });
      if (!found) return { ok: false, reason: 'not-found' };
      const released = await releasePlace(
        em,
        this.capacity(tenant, now),
        found.courseId,
        async (locked) => {
          // Read again under the course's lock.
          const e = await em
            .getRepository(Enrollment)
            .findOneByOrFail({ tenantId, id: enrollmentId });
          if (check.membershipId && e.membershipId !== check.membershipId)
            return { ok: false, reason: 'not-found' as const };
          // A link from an earlier enrolment (cancelled and enrolled again since) no longer acts.
          if (
            e.status === 'cancelled' ||
            (check.queuedAtMs !== undefined && e.queuedAt.getTime() !== check.queuedAtMs)
          )
            return { ok: false, reason: 'already' as const };
          if (locked.lastEnd && locked.lastEnd.getTime() < now.getTime())
            return { ok: false, reason: 'past' as const };
          await em
            .getRepository(Enrollment)
            .update(
              { tenantId, id: e.id },
              { status: 'cancelled', cancelledAt: now, cancelledBy: by },
            );
          if (by === 'admin') await this.queueMail(em, tenant, e, locked, 'cancelled');
          return { ok: true, freed: e.status === 'confirmed', value: null };
        },
      );
      if (!released.ok) return released;
      return { ok: true, promoted: released.promoted, course: released.event.course };
    });
    if (result.ok) await this.mail.dispatch(tenantId);
    return result;
  }

  /**
   * Gives free places to the waitlist, in order, and queues the "you moved up" mails. The caller
   * holds the course's lock (`lockCourse`) and passes the row as stored, in the same transaction
   * as the change that freed places (the courses helper's capacity edit): a newcomer can then
   * never take a freed place first. Nothing moves for a course that is not published or whose
   * first session has begun.
   */
  async promoteWaitlist(em: EntityManager, tenant: MailTenant, course: Course): Promise<void> {
    const locked = await this.withSessions(em, course);
    await promoteInOrder(em, this.capacity(tenant), locked);
  }

  /** The course's places for the shared capacity mechanism: one place per enrolment. */
  private capacity(
    tenant: MailTenant,
    now = this.clock.now(),
  ): CapacityStore<LockedCourse, WaitingEnrollment> {
    const tenantId = tenant.id as TenantId;
    return {
      lockEvent: async (em, courseId) => {
        const course = await lockCourse(em, tenantId, courseId);
        return course ? this.withSessions(em, course) : null;
      },
      capacityOf: ({ course }) => course.capacity,
      placesTaken: (em, { course }) => this.placesTaken(em, tenantId, course.id),
      waitlist: async (em, { course }) =>
        (
          await em.getRepository(Enrollment).find({
            where: { tenantId, courseId: course.id, status: 'waitlisted' },
            order: { queuedAt: 'ASC', id: 'ASC' },
          })
        ).map((e) => Object.assign(e, { places: 1 })),
      confirm: async (em, locked, e) => {
        const promotions = e.promotions + 1;
        await em
          .getRepository(Enrollment)
          .update({ tenantId, id: e.id }, { status: 'confirmed', promotions, confirmedAt: now });
        await this.queueMail(
          em,
          tenant,
          { ...e, status: 'confirmed', promotions },
          locked,
          'promoted',
        );
      },
      // A cancelled course, a draft, or one that has begun: the waitlist stays as it is.
      promotes: ({ course, firstStart }) =>
        course.status === 'published' &&
        firstStart !== null &&
        firstStart.getTime() > now.getTime(),
    };
  }

  private async withSessions(em: EntityManager, course: Course): Promise<LockedCourse> {
    const sessions = await sessionsOf(em, course.tenantId as TenantId, course.id);
    const scheduled = sessions.filter((s) => s.status === 'scheduled');
    const firstStart = scheduled.length
      ? new Date(Math.min(...scheduled.map((s) => s.startsAt.getTime())))
      : null;
    const lastEnd = scheduled.length
      ? new Date(Math.max(...scheduled.map((s) => s.endsAt.getTime())))
      : null;
    return { course, sessions, firstStart, lastEnd };
  }

  /**
   * The token of a one-click cancel link. It names the queue entry (`queued_at`), so a link from
   * before a cancel and a new enrolment no longer acts.
   */
  cancelToken(
    tenantId: string,
    e: Pick<Enrollment, 'id' | 'queuedAt'>,
    lastEnd: Date | null,
  ): string {
    const until = (lastEnd ?? this.clock.now()).getTime() + LINK_MARGIN_MS;
    return this.links.sign(
      ENROLMENT_CANCEL_PURPOSE,
      tenantId,
      [e.id, String(new Date(e.queuedAt).getTime())],
      new Date(until),
    );
  }

  cancelLink(tenant: MailTenant, e: Pick<Enrollment, 'id' | 'queuedAt'>, lastEnd: Date | null) {
    return `${this.config.originFor(tenant.slug)}/e/opleiding-afmelden/${this.cancelToken(tenant.id, e, lastEnd)}`;
  }

  /** The cancel token of a member's enrolment (tests, the isolation suite). */
  async cancelTokenFor(
    em: EntityManager,
    tenantId: TenantId,
    courseId: string,
    membershipId: string,
  ): Promise<string> {
    const e = await em
      .getRepository(Enrollment)
      .findOneByOrFail({ tenantId, courseId, membershipId });
    return this.cancelToken(tenantId, e, null);
  }

  /** The mail for an enrolment, in the caller's transaction, keyed per queue entry. */
  private async queueMail(
    em: EntityManager,
    tenant: MailTenant,
    e: Enrollment,
    locked: LockedCourse,
    kind: 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled',
    position: number | null = null,
  ): Promise<void> {
    const tenantId = tenant.id as TenantId;
    const [person] = await em.query<{ email: string; display_name: string }[]>(
      `select u.email, m.display_name from memberships m join users u on u.id = m.user_id
        where m.tenant_id = $1 and m.id = $2`,
      [tenantId, e.membershipId],
    );
    if (!person) return;
    const { course } = locked;
    const parts = courseMailParts(this.config, tenant, course, locked.sessions);
    const n = new Date(e.queuedAt).getTime();
    const mails = {
      confirmed: {
        key: `course-enrolment-confirmed:${e.id}:${n}`,
        subject: `Je bent ingeschreven: ${course.title}`,
        template: 'academy-enrolment-confirmed',
      },
      waitlisted: {
        key: `course-enrolment-waitlisted:${e.id}:${n}`,
        subject: `Je staat op de wachtlijst: ${course.title}`,
        template: 'academy-enrolment-waitlisted',
      },
      promoted: {
        key: `course-promoted:${e.id}:${e.promotions}`,
        subject: `Er is een plaats vrij: je bent ingeschreven voor ${course.title}`,
        template: 'academy-enrolment-promoted',
      },
      cancelled: {
        key: `course-enrolment-cancelled:${e.id}:${n}`,
        subject: `Je inschrijving is geannuleerd: ${course.title}`,
        template: 'academy-enrolment-cancelled',
      },
    } as const;
    const mail = mails[kind];
    const withIcs = kind === 'confirmed' || kind === 'promoted';
    await this.mail.queueTenantMail(em, tenantId, {
      key: mail.key,
      to: person.email,
      subject: mail.subject,
      template: mail.template,
      data: {
        ...parts.data,
        name: person.display_name,
        position,
        cancelUrl: kind === 'cancelled' ? null : this.cancelLink(tenant, e, locked.lastEnd),
      },
      attachments: withIcs ? [parts.ics] : [],
    });
  }
}
