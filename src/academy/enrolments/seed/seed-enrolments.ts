import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../../common/feature-manifest';

/** Enrolled this long ago, so the reminders due since are owed (and come within a minute). */
const ENROLLED_DAYS_AGO = 14;

/** `caregivers`: every caregiver of the municipality, in name order. */
type Who = 'admin' | 'professional' | 'caregiver1' | 'caregivers';

/**
 * Who enrols where (courses seeded by the courses helper, by slug): `tillen-en-verplaatsen`
 * (capacity 2) full with the admin and the professional, every caregiver on the waitlist in
 * order; a caregiver in `zorgen-zonder-jezelf-te-vergeten`; the professional in
 * `omgaan-met-dementie`; every caregiver confirmed in the completed
 * `zorgen-zonder-jezelf-te-vergeten-najaar` (the attendance seeder marks them present), so each
 * demo caregiver (Ieper has three: one also belongs to Poperinge) can download a certificate.
 */
const PLAN: { slug: string; who: Who; status: 'confirmed' | 'waitlisted' }[] = [
  { slug: 'tillen-en-verplaatsen', who: 'admin', status: 'confirmed' },
  { slug: 'tillen-en-verplaatsen', who: 'professional', status: 'confirmed' },
  { slug: 'tillen-en-verplaatsen', who: 'caregivers', status: 'waitlisted' },
  { slug: 'zorgen-zonder-jezelf-te-vergeten', who: 'caregiver1', status: 'confirmed' },
  { slug: 'omgaan-met-dementie', who: 'professional', status: 'confirmed' },
  { slug: 'zorgen-zonder-jezelf-te-vergeten-najaar', who: 'caregivers', status: 'confirmed' },
];

/**
 * The demo's enrolments of one municipality, inside the seed's tenant transaction. Idempotent:
 * a person already enrolled in a course (in any state) is left alone; a missing course is
 * skipped. The waitlist order is the plan's order (queued_at a minute apart).
 */
export async function seedEnrolments(
  client: Client,
  ctx: DemoSeedContext,
): Promise<DemoSeedCounts> {
  const { tenantId } = ctx;
  const counts = { enrolmentsCreated: 0 };
  const members = (
    await client.query<{ id: string; role: string }>(
      `select id, role from memberships where tenant_id = $1 order by display_name, id`,
      [tenantId],
    )
  ).rows;
  const caregivers = members.filter((m) => m.role === 'caregiver');
  const one = (id: string | undefined) => (id ? [id] : []);
  const byWho: Record<Who, string[]> = {
    admin: one(members.find((m) => m.role === 'tenant_admin')?.id),
    professional: one(members.find((m) => m.role === 'professional')?.id),
    caregiver1: one(caregivers[0]?.id),
    caregivers: caregivers.map((m) => m.id),
  };
  const now = new Date();
  const rows = PLAN.flatMap((row) =>
    byWho[row.who].map((membershipId) => ({ ...row, membershipId })),
  );
  for (const [i, row] of rows.entries()) {
    const membershipId = row.membershipId;
    const course = (
      await client.query<{ id: string }>(
        `select id from courses where tenant_id = $1 and slug = $2 and status = 'published'`,
        [tenantId, row.slug],
      )
    ).rows[0];
    if (!course) continue;
    const queuedAt = new Date(now.getTime() - ENROLLED_DAYS_AGO * 24 * 3600_000 + i * 60_000);
    const inserted = await client.query(
      `insert into enrollments (tenant_id, course_id, membership_id, status, queued_at, confirmed_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (tenant_id, course_id, membership_id) do nothing`,
      [
        tenantId,
        course.id,
        membershipId,
        row.status,
        queuedAt,
        row.status === 'confirmed' ? queuedAt : null,
      ],
    );
    counts.enrolmentsCreated += inserted.rowCount ?? 0;
  }
  return counts;
}
