import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { tenantScope } from '../../events/event-scope';
import type { ReminderSource } from '../../events/reminders/reminder-source';
import { currentReminder } from '../../events/reminders/reminder-timing';
import type { MailMessage } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { TIME_ZONE, formatDateTime } from '../../web/view-helpers';
import { CourseSession } from '../common/entities/course-session.entity';
import { Course } from '../common/entities/course.entity';
import { courseMailParts, type CourseMailParts } from './course-mail';
import { EnrolmentsService } from './enrolments.service';
import { sessionStartReminderKeys } from '../common/course-reminder-keys';

/** Extra look-ahead beyond a course's largest offset: a calendar day can be 25 hours. */
const LOOKAHEAD_SLACK_MINUTES = 120;

export interface DueSession {
  eventId: string;
  session: CourseSession;
  course: Course;
  sessions: CourseSession[];
  offset: number;
  dueAt: Date;
}

export interface CourseRecipient {
  key: string;
  /** The session. */
  eventId: string;
  membership_id: string;
  display_name: string;
  email: string;
  enrollment_id: string;
  queued_at: Date;
}

/** "vandaag", "morgen", "over 3 dagen": calendar days in Brussels. */
function howSoon(startsAt: Date, now: Date): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE }).startOf('day');
  const days = Math.round(day(startsAt).diff(day(now), 'days').days);
  if (days <= 0) return 'vandaag';
  if (days === 1) return 'morgen';
  if (days === 7) return 'over een week';
  return `over ${days} dagen`;
}

/**
 * The course sessions' reminders, for the shared reminder planner (src/events): every scheduled
 * session of a published course whose current reminder moment passed
 * (`currentReminder(startsAt, course.reminderOffsets, 'Europe/Brussels', now)`), to every
 * confirmed enrolment. Like the café's reminders to people signed up, they are part of what the
 * person asked for (no separate consent); a session moved after the moment (its change notice
 * went out) and someone enrolled only after it wait for the next offset.
 */
@Injectable()
export class CourseReminderSource {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly config: AppConfig,
  ) {}

  /** The source for one municipality: its sessions, its tenant outbox. */
  forTenant(tenant: MailTenant): ReminderSource<DueSession, CourseRecipient> {
    const tenantId = tenant.id as TenantId;
    const parts = new Map<string, CourseMailParts>();
    const partsOf = (d: DueSession) => {
      let p = parts.get(d.course.id);
      if (!p) {
        p = courseMailParts(this.config, tenant, d.course, d.sessions);
        parts.set(d.course.id, p);
      }
      return p;
    };
    return {
      scope: tenantScope(tenantId),
      due: (em, now) => this.dueSessions(em, tenantId, now),
      candidates: (em, due) => this.candidates(em, tenantId, due),
      lockUnchanged: (em, due) => this.lockUnchanged(em, tenantId, due),
      message: (d, r, now) => this.message(tenant, d, partsOf(d), r, now),
    };
  }

  private async dueSessions(
    em: EntityManager,
    tenantId: TenantId,
    now: Date,
  ): Promise<DueSession[]> {
    const rows = await em.query<{ id: string; course_id: string }[]>(
      `select s.id, s.course_id from course_sessions s
         join courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
        where s.tenant_id = $1 and s.status = 'scheduled' and c.status = 'published'
          and s.starts_at > $2
          and s.starts_at <= $2::timestamptz + make_interval(mins =>
                coalesce((select max(o) from unnest(c.reminder_offsets) o), 0) + $3)`,
      [tenantId, now, LOOKAHEAD_SLACK_MINUTES],
    );
    if (rows.length === 0) return [];
    const courseIds = [...new Set(rows.map((r) => r.course_id))];
    const courses = new Map(
      (
        await em
          .getRepository(Course)
          .createQueryBuilder('c')
          .where('c.tenant_id = :tenantId and c.id = any(:courseIds)', { tenantId, courseIds })
          .getMany()
      ).map((c) => [c.id, c] as const),
    );
    const allSessions = await em
      .getRepository(CourseSession)
      .createQueryBuilder('s')
      .where('s.tenant_id = :tenantId and s.course_id = any(:courseIds)', { tenantId, courseIds })
      .orderBy('s.position')
      .getMany();
    const due: DueSession[] = [];
    const wanted = new Set(rows.map((r) => r.id));
    for (const session of allSessions.filter((s) => wanted.has(s.id))) {
      const course = courses.get(session.courseId)!;
      const current = currentReminder(session.startsAt, course.reminderOffsets, TIME_ZONE, now);
      if (!current) continue;
      // Moved after the moment passed: the change notice said it; wait for the next offset.
      if (session.rescheduledAt && session.rescheduledAt.getTime() > current.dueAt.getTime())
        continue;
      due.push({
        eventId: session.id,
        session,
        course,
        sessions: allSessions.filter((s) => s.courseId === course.id),
        ...current,
      });
    }
    return due;
  }

  /** Confirmed enrolments of the due sessions' courses, enrolled before the moment passed. */
  private candidates(
    em: EntityManager,
    tenantId: TenantId,
    due: DueSession[],
  ): Promise<CourseRecipient[]> {
    return em.query<CourseRecipient[]>(
      `with due(session_id, course_id, due_at, key_prefix, kind) as (
         select * from unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[])
       )
       select d.session_id as "eventId", mem.id as membership_id, mem.display_name, u.email,
              e.id as enrollment_id, e.queued_at,
              d.key_prefix || mem.id || ':' || d.kind as key
         from due d
         join enrollments e on e.tenant_id = $1 and e.course_id = d.course_id
                           and e.status = 'confirmed'
         join memberships mem on mem.tenant_id = $1 and mem.id = e.membership_id
         join users u on u.id = mem.user_id
        where coalesce(e.confirmed_at, e.queued_at) <= d.due_at
        order by d.session_id, mem.id`,
      [
        tenantId,
        due.map((d) => d.session.id),
        due.map((d) => d.course.id),
        due.map((d) => d.dueAt),
        due.map((d) => sessionStartReminderKeys(d.session.id, d.session.startsAt)),
        due.map((d) => String(d.offset)),
      ],
    );
  }

  /**
   * Locks the due sessions `FOR SHARE` and returns those still scheduled at the planned start,
   * of a course still published. A session (or course) changed since the plan was read is left
   * out.
   */
  private async lockUnchanged(
    em: EntityManager,
    tenantId: TenantId,
    due: DueSession[],
  ): Promise<Set<string>> {
    const planned = new Map(due.map((d) => [d.eventId, d.session.startsAt.getTime()]));
    const rows = await em.query<{ id: string; starts_at: Date }[]>(
      `select s.id, s.starts_at from course_sessions s
         join courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
        where s.tenant_id = $1 and s.id = any($2::uuid[]) and s.status = 'scheduled'
          and c.status = 'published'
        order by s.id for share of s`,
      [tenantId, [...planned.keys()].sort()],
    );
    return new Set(
      rows.filter((s) => s.starts_at.getTime() === planned.get(s.id)).map((s) => s.id),
    );
  }

  private message(
    tenant: MailTenant,
    d: DueSession,
    parts: CourseMailParts,
    r: CourseRecipient,
    now: Date,
  ): MailMessage {
    const soon = howSoon(d.session.startsAt, now);
    const scheduled = d.sessions.filter((s) => s.status === 'scheduled');
    const lastEnd = scheduled.length
      ? new Date(Math.max(...scheduled.map((s) => s.endsAt.getTime())))
      : null;
    const when = formatDateTime(d.session.startsAt);
    const count = d.sessions.length;
    return {
      key: r.key,
      to: r.email,
      subject: `Herinnering: ${d.course.title} ${soon} (${when})`,
      template: 'academy-reminder',
      data: {
        ...parts.data,
        name: r.display_name,
        soon,
        sessionWhen: when,
        sessionUntil: DateTime.fromJSDate(d.session.endsAt).setZone(TIME_ZONE).toFormat('HH.mm'),
        sessionTitle: d.session.title,
        sessionNumber: count > 1 ? `${d.session.position}/${count}` : null,
        onlineUrl: d.course.onlineUrl,
        cancelUrl: this.enrolments.cancelLink(
          tenant,
          { id: r.enrollment_id, queuedAt: r.queued_at },
          lastEnd,
        ),
      },
      attachments: [parts.ics],
      // Not sent late: once the session has begun, the reminder is dropped.
      discardAfter: d.session.startsAt,
    };
  }
}
