import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { MailService, type MailMessage } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { courseIcs } from '../common/course-ics';
import type { CourseSession } from '../common/entities/course-session.entity';
import type { Course } from '../common/entities/course.entity';
import { courseMailParts } from '../enrolments/course-mail';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { sessionReminderKeys } from '../common/course-reminder-keys';

interface Enrolled {
  enrollment_id: string;
  membership_id: string;
  status: 'confirmed' | 'waitlisted';
  queued_at: Date;
  display_name: string;
  email: string;
}

/**
 * Notices to the people enrolled for a course when it is cancelled, a session moved or a session
 * was removed, each with the course's `.ics` (same UID per session, the new SEQUENCE; a
 * cancellation with METHOD:CANCEL), and the pending reminders of those sessions dropped. Written
 * in the caller's transaction, together with the change; the caller dispatches after commit.
 */
@Injectable()
export class CourseNoticesService {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly enrolments: EnrolmentsService,
  ) {}

  /** The course (saved as cancelled): every confirmed and waitlisted person hears it. */
  async courseCancelled(
    em: EntityManager,
    tenant: MailTenant,
    course: Course,
    sessions: CourseSession[],
  ): Promise<number> {
    const tenantId = tenant.id as TenantId;
    for (const s of sessions)
      await this.dropReminders(em, tenantId, s.id, 'the course was cancelled');
    const people = await this.enrolled(em, tenantId, course.id, ['confirmed', 'waitlisted']);
    const parts = courseMailParts(this.config, tenant, course, sessions);
    const ics = this.cancelIcs(tenant, course, sessions, parts.courseUrl);
    return this.queue(
      em,
      tenantId,
      people.map((p) => ({
        key: `course-cancelled:${course.id}:${p.membership_id}`,
        to: p.email,
        subject: `Afgelast: ${course.title}`,
        template: 'academy-course-cancelled',
        data: { ...parts.data, name: p.display_name, waitlisted: p.status === 'waitlisted' },
        attachments: [ics],
      })),
    );
  }

  /**
   * Sessions of a published course moved (`changed`, already saved with their new SEQUENCE):
   * their pending reminders are dropped and the confirmed people get the updated `.ics` of all
   * sessions. One mail per person and save, keyed by the first changed session's new sequence.
   */
  async sessionsChanged(
    em: EntityManager,
    tenant: MailTenant,
    course: Course,
    sessions: CourseSession[],
    changed: CourseSession[],
  ): Promise<number> {
    if (changed.length === 0) return 0;
    const tenantId = tenant.id as TenantId;
    for (const s of changed) await this.dropReminders(em, tenantId, s.id, 'the session moved');
    const people = await this.enrolled(em, tenantId, course.id, ['confirmed']);
    const parts = courseMailParts(this.config, tenant, course, sessions);
    const first = changed[0];
    const lastEnd = lastEndOf(sessions);
    const changedPositions = new Set(changed.map((s) => s.position));
    return this.queue(
      em,
      tenantId,
      people.map((p) => ({
        key: `course-changed:${first.id}:${first.sequence}:${p.membership_id}`,
        to: p.email,
        subject: `Gewijzigd: ${course.title}, nu vanaf ${parts.when}`,
        template: 'academy-course-changed',
        data: {
          ...parts.data,
          name: p.display_name,
          sessions: parts.data.sessions
            .filter((s) => !s.cancelled)
            .map((s) => ({ ...s, changed: changedPositions.has(s.position) })),
          cancelUrl: this.enrolments.cancelLink(
            tenant,
            { id: p.enrollment_id, queuedAt: p.queued_at },
            lastEnd,
          ),
        },
        attachments: [parts.ics],
      })),
    );
  }

  /**
   * Sessions removed from a published course (saved as cancelled, rows kept so their UID can be
   * cancelled): no more reminders, and the confirmed people get a METHOD:CANCEL for them.
   */
  async sessionsRemoved(
    em: EntityManager,
    tenant: MailTenant,
    course: Course,
    sessions: CourseSession[],
    removed: CourseSession[],
  ): Promise<number> {
    if (removed.length === 0) return 0;
    const tenantId = tenant.id as TenantId;
    for (const s of removed)
      await this.dropReminders(em, tenantId, s.id, 'the session was removed');
    const people = await this.enrolled(em, tenantId, course.id, ['confirmed']);
    const parts = courseMailParts(this.config, tenant, course, sessions);
    const ics = this.cancelIcs(tenant, course, removed, parts.courseUrl);
    const removedPositions = new Set(removed.map((s) => s.position));
    return this.queue(
      em,
      tenantId,
      people.map((p) => ({
        key: `course-session-cancelled:${removed[0].id}:${p.membership_id}`,
        to: p.email,
        subject: `Een sessie gaat niet door: ${course.title}`,
        template: 'academy-course-session-cancelled',
        data: {
          ...parts.data,
          name: p.display_name,
          removed: parts.data.sessions.filter((s) => removedPositions.has(s.position)),
          sessions: parts.data.sessions.filter((s) => !s.cancelled),
        },
        attachments: [ics],
      })),
    );
  }

  /** The outbox is the mail module's: it drops what still waits (sent mail stays as it is). */
  private dropReminders(em: EntityManager, tenantId: TenantId, sessionId: string, reason: string) {
    return this.mail.dropPending(em, tenantId, sessionReminderKeys(sessionId), reason);
  }

  private cancelIcs(tenant: MailTenant, course: Course, sessions: CourseSession[], url: string) {
    const ics = courseIcs({
      course,
      sessions,
      tenantName: tenant.name,
      url,
      domain: this.config.BASE_DOMAIN,
      method: 'CANCEL',
    });
    return {
      filename: `${course.slug}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=CANCEL',
      content: Buffer.from(ics).toString('base64'),
    };
  }

  private async queue(em: EntityManager, tenantId: TenantId, messages: MailMessage[]) {
    if (messages.length > 0) await this.mail.queueTenantMails(em, tenantId, messages);
    return messages.length;
  }

  private enrolled(
    em: EntityManager,
    tenantId: TenantId,
    courseId: string,
    statuses: ('confirmed' | 'waitlisted')[],
  ): Promise<Enrolled[]> {
    return em.query<Enrolled[]>(
      `select e.id as enrollment_id, e.membership_id, e.status, e.queued_at, m.display_name, u.email
         from enrollments e
         join memberships m on m.tenant_id = e.tenant_id and m.id = e.membership_id
         join users u on u.id = m.user_id
        where e.tenant_id = $1 and e.course_id = $2 and e.status = any($3::text[])
        order by e.queued_at, e.id`,
      [tenantId, courseId, statuses],
    );
  }
}

function lastEndOf(sessions: CourseSession[]): Date | null {
  const ends = sessions.filter((s) => s.status === 'scheduled').map((s) => s.endsAt.getTime());
  return ends.length ? new Date(Math.max(...ends)) : null;
}
