import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import { isCompleted } from './completion';

/** A member's enrolment with how far they got: the base of "mijn opleidingen" and the certificate. */
export interface Progress {
  enrollmentId: string;
  membershipId: string;
  status: 'confirmed' | 'waitlisted';
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  courseStatus: 'draft' | 'published' | 'cancelled';
  requiredPercent: number;
  /** Scheduled (not cancelled) sessions. */
  scheduled: number;
  /** Scheduled sessions marked present. */
  attended: number;
  /** Minutes of the sessions marked present. */
  attendedMinutes: number;
  firstStart: Date | null;
  lastEnd: Date | null;
  completed: boolean;
  certificateRevoked: boolean;
}

/**
 * The enrolments (not cancelled) of one member, or one enrolment, with sessions attended of the
 * scheduled ones, in one statement (served by ix_enrollments_member and the sessions' and
 * attendance's primary keys).
 */
export async function progressOf(
  em: EntityManager,
  tenantId: TenantId,
  where: { membershipId: string; courseId?: string },
): Promise<Progress[]> {
  const rows = await em.query<
    {
      id: string;
      membership_id: string;
      status: 'confirmed' | 'waitlisted';
      course_id: string;
      slug: string;
      title: string;
      course_status: Progress['courseStatus'];
      required_attendance_percent: number;
      scheduled: string;
      attended: string;
      attended_minutes: string | null;
      first_start: Date | null;
      last_end: Date | null;
      revoked: boolean | null;
    }[]
  >(
    `select e.id, e.membership_id, e.status, c.id as course_id, c.slug, c.title,
            c.status as course_status, c.required_attendance_percent,
            (select count(*) from course_sessions s
              where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled') as scheduled,
            (select min(s.starts_at) from course_sessions s
              where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled') as first_start,
            (select max(s.ends_at) from course_sessions s
              where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled') as last_end,
            (select count(*) from session_attendance a
               join course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
              where a.tenant_id = e.tenant_id and a.enrollment_id = e.id and a.present
                and s.status = 'scheduled') as attended,
            (select sum(extract(epoch from (s.ends_at - s.starts_at)) / 60) from session_attendance a
               join course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
              where a.tenant_id = e.tenant_id and a.enrollment_id = e.id and a.present
                and s.status = 'scheduled') as attended_minutes,
            (select x.revoked_at is not null from certificates x
              where x.tenant_id = e.tenant_id and x.enrollment_id = e.id) as revoked
       from enrollments e
       join courses c on c.tenant_id = e.tenant_id and c.id = e.course_id
      where e.tenant_id = $1 and e.membership_id = $2 and e.status <> 'cancelled'
        and ($3::uuid is null or e.course_id = $3::uuid)`,
    [tenantId, where.membershipId, where.courseId ?? null],
  );
  return rows.map((r) => {
    const scheduled = Number(r.scheduled);
    const attended = Number(r.attended);
    return {
      enrollmentId: r.id,
      membershipId: r.membership_id,
      status: r.status,
      courseId: r.course_id,
      courseSlug: r.slug,
      courseTitle: r.title,
      courseStatus: r.course_status,
      requiredPercent: r.required_attendance_percent,
      scheduled,
      attended,
      attendedMinutes: Math.round(Number(r.attended_minutes ?? 0)),
      firstStart: r.first_start,
      lastEnd: r.last_end,
      completed:
        r.status === 'confirmed' &&
        r.course_status !== 'cancelled' &&
        isCompleted(attended, scheduled, r.required_attendance_percent),
      certificateRevoked: r.revoked === true,
    };
  });
}

/** Whether the course is over: its last scheduled session has ended. */
export const isOver = (p: Pick<Progress, 'lastEnd'>, now: Date): boolean =>
  p.lastEnd !== null && p.lastEnd.getTime() <= now.getTime();
