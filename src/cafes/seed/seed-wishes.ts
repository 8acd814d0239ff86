import type { Client } from 'pg';

/** Demo wishes: the texts, and how many members vote for each (the first ones get the most). */
export const DEMO_WISHES: { kind: 'theme' | 'speaker'; text: string; votes: number }[] = [
  { kind: 'theme', text: 'Hoe vraag je hulp aan familie zonder schuldgevoel?', votes: 4 },
  { kind: 'speaker', text: 'Een ergotherapeut over hulpmiddelen in huis', votes: 3 },
  { kind: 'theme', text: 'Slapen als je ’s nachts zorgt', votes: 2 },
  { kind: 'theme', text: 'Rouw voor iemand die er nog is (dementie)', votes: 1 },
];

/**
 * Wishes with votes for every café of one municipality, inside the seed's tenant transaction,
 * and the most-voted one planned into the first upcoming meeting that has no theme yet (its
 * theme is kept when all have one) (as a host
 * does on the dashboard). Idempotent: a café that has wishes is left alone.
 */
export async function seedWishes(
  client: Client,
  tenantId: string,
  now = new Date(),
): Promise<number> {
  let created = 0;
  const cafes = await client.query<{ id: string }>(
    'select id from cafes where tenant_id = $1 order by slug',
    [tenantId],
  );
  const members = (
    await client.query<{ id: string }>(
      'select id from memberships where tenant_id = $1 order by created_at, id',
      [tenantId],
    )
  ).rows.map((r) => r.id);
  if (members.length === 0) return 0;
  for (const cafe of cafes.rows) {
    const has = await client.query(
      'select 1 from wishes where tenant_id = $1 and cafe_id = $2 limit 1',
      [tenantId, cafe.id],
    );
    if ((has.rowCount ?? 0) > 0) continue;
    const ids: string[] = [];
    for (const [i, wish] of DEMO_WISHES.entries()) {
      const proposer = members[i % members.length];
      const row = await client.query<{ id: string }>(
        `insert into wishes (tenant_id, cafe_id, membership_id, kind, text)
         values ($1, $2, $3, $4, $5) returning id`,
        [tenantId, cafe.id, proposer, wish.kind, wish.text],
      );
      const wishId = row.rows[0].id;
      ids.push(wishId);
      created++;
      const voters = members.slice(0, Math.min(wish.votes, members.length));
      await client.query(
        `insert into wish_votes (tenant_id, wish_id, membership_id)
         select $1, $2, unnest($3::uuid[]) on conflict do nothing`,
        [tenantId, wishId, voters],
      );
    }
    // Plan the most-voted theme into the first upcoming meeting without a theme (else the first one).
    const meeting = await client.query<{ id: string }>(
      `select id from meetings where tenant_id = $1 and cafe_id = $2 and status = 'scheduled'
         and starts_at > $3 and wish_id is null
       order by theme is null desc, starts_at limit 1`,
      [tenantId, cafe.id, now],
    );
    if (meeting.rows[0]) {
      await client.query(
        `update meetings set wish_id = $3, theme = coalesce(theme, $4), edited = true, sequence = sequence + 1
          where tenant_id = $1 and id = $2`,
        [tenantId, meeting.rows[0].id, ids[0], DEMO_WISHES[0].text],
      );
      await client.query(
        `update wishes set status = 'planned', meeting_id = $3 where tenant_id = $1 and id = $2`,
        [tenantId, ids[0], meeting.rows[0].id],
      );
    }
  }
  return created;
}
