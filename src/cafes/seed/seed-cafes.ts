import { DateTime } from 'luxon';
import type { Client } from 'pg';
import { LOCAL_ZONE } from '../../common/dates';
import { expandRule, horizonEnd, localToInstant } from '../../events/recurrence';
import { meetingKey } from '../common/meeting-key';
import { DEMO_CAFES, DEMO_PAST_THEMES, DEMO_PROGRAMME, DEMO_SOON } from './demo-cafes';

export type CafeSeedCounts = {
  cafesCreated: number;
  meetingsCreated: number;
};

/**
 * The demo café of one municipality, inside the seed's tenant transaction: the café, its core
 * group, its meetings six months ahead (the first ones with a theme and speaker), two past ones,
 * and one meeting within the coming week. Idempotent: what exists is left alone (a host's edits
 * survive), only what is missing is added.
 */
export async function seedCafes(
  client: Client,
  tenantId: string,
  tenantSlug: string,
  userIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<CafeSeedCounts> {
  const counts: CafeSeedCounts = { cafesCreated: 0, meetingsCreated: 0 };
  for (const demo of DEMO_CAFES.filter((c) => c.tenantSlug === tenantSlug)) {
    const inserted = await client.query(
      `insert into cafes (tenant_id, slug, name, description, venue_name, venue_address, venue_directions,
         step_free, accessible_toilet, parking, contact_name, contact_phone, recurrence_rule, start_time,
         duration_minutes, default_capacity)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       on conflict (tenant_id, slug) do nothing`,
      [
        tenantId,
        demo.slug,
        demo.name,
        demo.description,
        demo.venueName,
        demo.venueAddress,
        demo.venueDirections,
        demo.stepFree,
        demo.accessibleToilet,
        demo.parking,
        demo.contactName,
        demo.contactPhone,
        demo.rule,
        demo.startTime,
        demo.durationMinutes,
        demo.capacity,
      ],
    );
    counts.cafesCreated += inserted.rowCount ?? 0;
    const cafe = (
      await client.query<{
        id: string;
        recurrence_rule: string | null;
        start_time: string;
        duration_minutes: number;
        default_capacity: number;
      }>(
        'select id, recurrence_rule, start_time, duration_minutes, default_capacity from cafes where tenant_id = $1 and slug = $2',
        [tenantId, demo.slug],
      )
    ).rows[0];

    const hostUsers = demo.hosts.map((e) => userIdByEmail.get(e)).filter(Boolean);
    await client.query(
      `insert into cafe_hosts (tenant_id, cafe_id, membership_id)
       select $1, $2, id from memberships where tenant_id = $1 and user_id = any($3::uuid[])
       on conflict (tenant_id, cafe_id, membership_id) do nothing`,
      [tenantId, cafe.id, hostUsers],
    );

    const taken = new Set(
      (
        await client.query<{ key: string }>(
          'select key from meetings where tenant_id = $1 and cafe_id = $2',
          [tenantId, cafe.id],
        )
      ).rows.map((r) => r.key),
    );
    const insertMeeting = async (
      o: { startsAt: Date; endsAt: Date; localDate: string },
      fromRule: boolean,
      programme?: { theme: string; speaker?: string; expertise?: string },
    ) => {
      const key = meetingKey(o.localDate, taken);
      const result = await client.query(
        `insert into meetings (tenant_id, cafe_id, key, starts_at, ends_at, occurrence_at, theme, speaker,
           speaker_expertise, capacity, generated_from_rule, edited)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict do nothing`,
        [
          tenantId,
          cafe.id,
          key,
          o.startsAt,
          o.endsAt,
          fromRule ? o.startsAt : null,
          programme?.theme ?? null,
          programme?.speaker ?? null,
          programme?.expertise ?? null,
          cafe.default_capacity,
          fromRule,
          // A theme set by the core group counts as an edit: a rule change leaves it alone.
          !!programme,
        ],
      );
      if ((result.rowCount ?? 0) > 0) taken.add(key);
      counts.meetingsCreated += result.rowCount ?? 0;
    };

    if (cafe.recurrence_rule) {
      const rule = {
        rule: cafe.recurrence_rule,
        startTime: cafe.start_time,
        durationMinutes: cafe.duration_minutes,
      };
      const past = expandRule(
        rule,
        DateTime.fromJSDate(now).minus({ months: 2, days: 7 }).toJSDate(),
        now,
      ).slice(-DEMO_PAST_THEMES.length);
      for (const [i, o] of past.entries())
        if (!taken.has(o.localDate)) await insertMeeting(o, true, { theme: DEMO_PAST_THEMES[i] });
      const future = expandRule(rule, now, horizonEnd(now));
      for (const [i, o] of future.entries()) {
        if (taken.has(o.localDate)) continue;
        await insertMeeting(o, true, DEMO_PROGRAMME[i]);
      }
    }

    // One meeting within the coming week, so reminders show up in the dev mailbox soon.
    const soon = await client.query(
      `select 1 from meetings where tenant_id = $1 and cafe_id = $2 and status = 'scheduled'
         and starts_at > $3 and starts_at < $3::timestamptz + interval '7 days'`,
      [tenantId, cafe.id, now],
    );
    if (soon.rowCount === 0) {
      const day = DateTime.fromJSDate(now, { zone: LOCAL_ZONE })
        .plus({ days: DEMO_SOON.daysAhead })
        .toISODate()!;
      const startsAt = localToInstant(day, DEMO_SOON.startTime)!;
      await insertMeeting(
        {
          startsAt,
          endsAt: new Date(startsAt.getTime() + cafe.duration_minutes * 60_000),
          localDate: day,
        },
        false,
        { theme: DEMO_SOON.theme },
      );
    }
  }
  return counts;
}
