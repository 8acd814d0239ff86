import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipsService } from '../../auth/memberships.service';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { FieldErrors } from '../../web/forms/form-validation';
import { sessionsOf } from '../common/course-lookup';
import { CourseSession } from '../common/entities/course-session.entity';
import type { Course } from '../common/entities/course.entity';
import { Enrollment } from '../common/entities/enrollment.entity';
import { checkAttendance } from './attendance-form';

/** One person on a session's attendance list. */
export interface AttendanceRow {
  enrollmentId: string;
  displayName: string;
  /** As marked before: true present, false absent, null not marked yet. */
  present: boolean | null;
}

export interface SessionOverview {
  session: CourseSession;
  marked: number;
  present: number;
}

export type SaveAttendanceResult =
  | { ok: true; saved: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; errors: FieldErrors; list: SessionList };

export interface SessionList {
  session: CourseSession;
  people: AttendanceRow[];
}

/**
 * Attendance per session, marked by the course's trainer or an admin (the guard checked the
 * right and loaded the course): the sessions with how many are marked, one session's list of the
 * confirmed people, and saving the whole list in one transaction.
 */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: MembershipsService,
    private readonly clock: Clock,
  ) {}

  /** The course's sessions, each with how many people are marked and present. */
  overview(
    tenantId: TenantId,
    course: Course,
  ): Promise<{ sessions: SessionOverview[]; confirmed: number }> {
    return this.tx.run(tenantId, async (em) => {
      const sessions = await sessionsOf(em, tenantId, course.id);
      const counts = await em.query<{ session_id: string; marked: string; present: string }[]>(
        `select a.session_id, count(*) as marked, count(*) filter (where a.present) as present
           from session_attendance a
           join enrollments e on e.tenant_id = a.tenant_id and e.id = a.enrollment_id
          where a.tenant_id = $1 and e.course_id = $2 and e.status = 'confirmed'
          group by a.session_id`,
        [tenantId, course.id],
      );
      const bySession = new Map(counts.map((c) => [c.session_id, c]));
      const confirmed = await em
        .getRepository(Enrollment)
        .countBy({ tenantId, courseId: course.id, status: 'confirmed' });
      return {
        confirmed,
        sessions: sessions.map((session) => ({
          session,
          marked: Number(bySession.get(session.id)?.marked ?? 0),
          present: Number(bySession.get(session.id)?.present ?? 0),
        })),
      };
    });
  }

  /** One session's list (null: no such session of this course). */
  sessionList(tenantId: TenantId, course: Course, sessionId: string): Promise<SessionList | null> {
    if (!isUuid(sessionId)) return Promise.resolve(null);
    return this.tx.run(tenantId, (em) => this.list(em, tenantId, course, sessionId));
  }

  /**
   * Saves the marks of the form in one transaction (an upsert per person: present or absent,
   * who marked it and when, from the clock). Refused input changes nothing.
   */
  save(
    tenantId: TenantId,
    course: Course,
    sessionId: string,
    markedBy: string,
    body: Record<string, unknown>,
  ): Promise<SaveAttendanceResult> {
    if (!isUuid(sessionId)) return Promise.resolve({ ok: false, reason: 'not-found' });
    return this.tx.run(tenantId, async (em): Promise<SaveAttendanceResult> => {
      const list = await this.list(em, tenantId, course, sessionId);
      if (!list) return { ok: false, reason: 'not-found' };
      const checked = checkAttendance(body, list.people);
      if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors, list };
      const now = this.clock.now();
      for (const [enrollmentId, present] of checked.marks)
        await em.query(
          `insert into session_attendance (tenant_id, session_id, enrollment_id, present, marked_at, marked_by)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (tenant_id, session_id, enrollment_id)
           do update set present = excluded.present, marked_at = excluded.marked_at,
                         marked_by = excluded.marked_by`,
          [tenantId, sessionId, enrollmentId, present, now, markedBy],
        );
      return { ok: true, saved: checked.marks.size };
    });
  }

  private async list(
    em: EntityManager,
    tenantId: TenantId,
    course: Course,
    sessionId: string,
  ): Promise<SessionList | null> {
    const session = await em
      .getRepository(CourseSession)
      .findOneBy({ tenantId, id: sessionId, courseId: course.id });
    if (!session) return null;
    const rows = await em.query<{ id: string; membership_id: string; present: boolean | null }[]>(
      `select e.id, e.membership_id, a.present
         from enrollments e
         left join session_attendance a
           on a.tenant_id = e.tenant_id and a.enrollment_id = e.id and a.session_id = $3
        where e.tenant_id = $1 and e.course_id = $2 and e.status = 'confirmed'`,
      [tenantId, course.id, sessionId],
    );
    const members = await this.memberships.findMany(
      em,
      tenantId,
      rows.map((row) => row.membership_id),
    );
    const people: AttendanceRow[] = rows.map((row) => ({
      enrollmentId: row.id,
      displayName: members.get(row.membership_id)?.displayName ?? '',
      present: row.present,
    }));
    people.sort(
      (a, b) =>
        a.displayName.localeCompare(b.displayName, 'nl') ||
        a.enrollmentId.localeCompare(b.enrollmentId),
    );
    return { session, people };
  }
}
