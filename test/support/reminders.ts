import { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import type { Cafe } from '../../src/cafes/common/entities/cafe.entity';
import { Meeting } from '../../src/cafes/common/entities/meeting.entity';
import { Signup } from '../../src/cafes/signups/entities/signup.entity';
import { asTenantId } from '../../src/database/tenant-id';
import { TenantTransaction } from '../../src/database/tenant-transaction';
import type { Tenant } from '../../src/tenancy/entities/tenant.entity';
import { cafeInput, cafeFixtures } from './cafes';
import { queryAs } from './database';
import { createMember } from './factories';
import { calendarDaysAfter } from './nows';
import type { TestApp } from './test-app';

/** A café without a rule (so meetings are only those a test makes), default offsets 7 and 1 day. */
export async function ruleFreeCafe(t: TestApp, tenant: Tenant, slug: string): Promise<Cafe> {
  const cafe = await cafeFixtures(t).create(
    asTenantId(tenant.id),
    cafeInput({ slug, name: `Café ${slug}`, recurrenceRule: null }),
  );
  if (!cafe) throw new Error('café not created');
  return cafe;
}

let keyCounter = 0;

/** A meeting of `cafe` at `startsAt` (two hours long), with its own URL key. */
export async function meetingAt(
  t: TestApp,
  cafe: Cafe,
  startsAt: Date,
  capacity = 20,
): Promise<Meeting> {
  const tenantId = asTenantId(cafe.tenantId);
  const date = DateTime.fromJSDate(startsAt, { zone: 'Europe/Brussels' }).toISODate()!;
  const key = `${date}-${2 + (keyCounter++ % 90)}`;
  return t.get(TenantTransaction).run(tenantId, async (em) => {
    const repo = em.getRepository(Meeting);
    const saved = await repo.save(
      repo.create({
        tenantId,
        cafeId: cafe.id,
        key,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        capacity,
        edited: true,
      }),
    );
    return repo.findOneByOrFail({ tenantId, id: saved.id });
  });
}

/**
 * Moves when someone signed up or followed to `when` (as the superuser): reminders go only to
 * people who were there before the reminder's moment.
 */
export async function backdate(t: TestApp, membershipIds: string[], when: Date): Promise<void> {
  await queryAs(t.db.adminUrl, `update signups set queued_at = $2 where membership_id = any($1)`, [
    membershipIds,
    when,
  ]);
  await queryAs(
    t.db.adminUrl,
    `update cafe_follows set created_at = $2 where membership_id = any($1)`,
    [membershipIds, when],
  );
}

/** The one link in a mail's text that starts with `prefix` (e.g. `/e/herinneringen/`). */
export function linkIn(mail: ParsedMail, part: string): string {
  const found = (mail.text ?? '').match(new RegExp(`https?://\\S+${part}\\S+`));
  if (!found) throw new Error(`no link with ${part} in: ${mail.text}`);
  return found[0];
}

/** The .ics attached to a mail, as text. */
export function icsOf(mail: ParsedMail): string {
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  if (!ics) throw new Error('no .ics attached');
  return ics.content.toString('utf8');
}

export interface RemindedPerson {
  /** The membership id. */
  id: string;
  email: string;
}

/**
 * A rule-free café of `tenant` with one meeting three days ahead of the app's clock and `count`
 * people signed up (confirmed) since ten days ago, so each of them is due exactly one reminder now: the 7-day one.
 * E-mail addresses are `<tag>-<n>@example.be`.
 */
export async function meetingWithSignups(
  t: TestApp,
  tenant: Tenant,
  tag: string,
  count: number,
): Promise<{ cafe: Cafe; meeting: Meeting; people: RemindedPerson[] }> {
  const tenantId = asTenantId(tenant.id);
  const cafe = await ruleFreeCafe(t, tenant, tag);
  const now = t.clock.now();
  const meeting = await meetingAt(t, cafe, calendarDaysAfter(now, 3), count);
  const people: RemindedPerson[] = [];
  for (let i = 0; i < count; i += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        createMember(t, {
          tenant,
          email: `${tag}-${i + j + 1}@example.be`,
          displayName: `Persoon ${i + j + 1}`,
        }),
      ),
    );
    for (const m of made) people.push({ id: m.membership!.id, email: m.email });
  }
  await t.get(TenantTransaction).run(tenantId, (em) =>
    em.getRepository(Signup).insert(
      people.map((p) => ({
        tenantId,
        meetingId: meeting.id,
        membershipId: p.id,
        status: 'confirmed' as const,
      })),
    ),
  );
  await backdate(
    t,
    people.map((p) => p.id),
    calendarDaysAfter(now, -10),
  );
  return { cafe, meeting, people };
}
