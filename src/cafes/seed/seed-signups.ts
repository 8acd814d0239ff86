import type { Client } from 'pg';

/**
 * The demo's people signed up (and followed) two weeks ago, so the 7-day reminder of the meeting
 * a few days ahead is due at once: it shows up in the dev mailbox within a minute of `npm start`.
 */
const SIGNED_UP_DAYS_AGO = 14;

export type SignupSeedCounts = {
  signupsCreated: number;
};

/**
 * Demo sign-ups for each café of one municipality, inside the seed's tenant transaction: on the
 * next meeting two caregivers (one with a companion who needs transport); the meeting after that
 * is made small (4 places) and full, with one person on the waitlist. The third caregiver follows
 * the café (so gets the reminder with the one-click sign-up). Idempotent: a meeting that already
 * has sign-ups is left alone, so nothing changes on a second run.
 */
export async function seedSignups(
  client: Client,
  tenantId: string,
  now = new Date(),
): Promise<SignupSeedCounts> {
  const counts: SignupSeedCounts = { signupsCreated: 0 };
  const people = (
    await client.query<{ id: string; role: string }>(
      `select id, role from memberships where tenant_id = $1
        order by case role when 'caregiver' then 0 when 'professional' then 1 else 2 end, display_name`,
      [tenantId],
    )
  ).rows;
  if (people.length < 3) return counts;
  const [first, second, third] = people;
  const cafes = (
    await client.query<{ id: string }>(
      `select id from cafes where tenant_id = $1 and status = 'active' order by slug`,
      [tenantId],
    )
  ).rows;
  for (const cafe of cafes) {
    const meetings = (
      await client.query<{ id: string; signups: string }>(
        `select m.id, (select count(*) from signups s where s.tenant_id = m.tenant_id and s.meeting_id = m.id) as signups
           from meetings m where m.tenant_id = $1 and m.cafe_id = $2 and m.status = 'scheduled' and m.starts_at > $3
          order by m.starts_at limit 2`,
        [tenantId, cafe.id, now],
      )
    ).rows;
    const add = async (
      meetingId: string,
      membershipId: string,
      row: { companions: number; respite?: boolean; transport?: boolean; other?: string },
      status: 'confirmed' | 'waitlisted',
      minutesAgo: number,
    ) => {
      const inserted = await client.query(
        `insert into signups (tenant_id, meeting_id, membership_id, companions, needs_respite, needs_transport,
           needs_other, status, queued_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz - make_interval(days => ${SIGNED_UP_DAYS_AGO}, mins => $10))
         on conflict (tenant_id, meeting_id, membership_id) do nothing`,
        [
          tenantId,
          meetingId,
          membershipId,
          row.companions,
          row.respite ?? false,
          row.transport ?? false,
          row.other ?? null,
          status,
          now,
          minutesAgo,
        ],
      );
      counts.signupsCreated += inserted.rowCount ?? 0;
    };
    await client.query(
      `insert into cafe_follows (tenant_id, cafe_id, membership_id, created_at)
       values ($1, $2, $3, $4::timestamptz - make_interval(days => ${SIGNED_UP_DAYS_AGO}))
       on conflict (tenant_id, cafe_id, membership_id) do nothing`,
      [tenantId, cafe.id, third.id, now],
    );
    const [next, later] = meetings;
    if (next && Number(next.signups) === 0) {
      await add(next.id, first.id, { companions: 1, transport: true }, 'confirmed', 60);
      await add(next.id, second.id, { companions: 0 }, 'confirmed', 50);
    }
    if (later && Number(later.signups) === 0) {
      await client.query(
        `update meetings set capacity = 4, edited = true where tenant_id = $1 and id = $2`,
        [tenantId, later.id],
      );
      await add(
        later.id,
        first.id,
        { companions: 2, respite: true, other: 'Een stoel met armleuningen' },
        'confirmed',
        60,
      );
      await add(later.id, third.id, { companions: 0 }, 'confirmed', 50);
      await add(later.id, second.id, { companions: 0 }, 'waitlisted', 40);
    }
  }
  return counts;
}
