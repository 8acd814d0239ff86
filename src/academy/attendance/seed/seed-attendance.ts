import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../../common/feature-manifest';

/** The demo's completed course (the courses helper seeds it with three sessions in the past). */
export const COMPLETED_DEMO_COURSE = 'zorgen-zonder-jezelf-te-vergeten-najaar';

/**
 * Demo attendance: everyone confirmed for the completed demo course (both demo caregivers,
 * enrolled by the enrolments seeder) present at every session, marked by the course's trainer
 * (or nobody), a day after each session. Idempotent: a mark that exists is left as it is.
 */
export async function seedDemoAttendance(
  client: Client,
  ctx: DemoSeedContext,
): Promise<DemoSeedCounts> {
  const inserted = await client.query(
    `insert into session_attendance (tenant_id, session_id, enrollment_id, present, marked_at, marked_by)
     select s.tenant_id, s.id, e.id, true, s.ends_at, c.trainer_membership_id
       from courses c
       join course_sessions s on s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'scheduled'
       join enrollments e on e.tenant_id = c.tenant_id and e.course_id = c.id and e.status = 'confirmed'
      where c.tenant_id = $1 and c.slug = $2
     on conflict (tenant_id, session_id, enrollment_id) do nothing`,
    [ctx.tenantId, COMPLETED_DEMO_COURSE],
  );
  return { attendanceCreated: inserted.rowCount ?? 0 };
}
