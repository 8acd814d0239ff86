import { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import { CafesService } from '../../src/cafes/cafes.service';
import type { Cafe } from '../../src/cafes/entities/cafe.entity';
import { Meeting } from '../../src/cafes/entities/meeting.entity';
import { asTenantId } from '../../src/database/tenant-id';
import { TenantTransaction } from '../../src/database/tenant-transaction';
import type { Tenant } from '../../src/tenancy/entities/tenant.entity';
import { cafeInput } from './cafes';
import { queryAs } from './database';
import type { TestApp } from './test-app';

/** A café without a rule (so meetings are only those a test makes), default offsets 7 and 1 day. */
export async function ruleFreeCafe(t: TestApp, tenant: Tenant, slug: string): Promise<Cafe> {
  const cafe = await t
    .get(CafesService)
    .create(asTenantId(tenant.id), cafeInput({ slug, name: `Café ${slug}`, recurrenceRule: null }));
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
