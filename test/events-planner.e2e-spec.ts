import type { EntityManager } from 'typeorm';
import { PLATFORM_SCOPE, tenantScope } from '../src/events/event-scope';
import {
  EventReminderPlannerService,
  REMINDER_CHUNK,
} from '../src/events/reminders/event-reminder-planner.service';
import type {
  DueEvent,
  ReminderRecipient,
  ReminderSource,
} from '../src/events/reminders/reminder-source';
import { currentReminder } from '../src/events/reminders/reminder-timing';
import { asTenantId } from '../src/database/tenant-id';
import { MailService } from '../src/mail/mail.service';
import { queryAs } from './support/database';
import { createTenant } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The shared reminder planner (src/events) with a source of its own, not the café's: a toy module
 * whose events live in memory, in platform scope (like the forum's peer meetings) and in tenant
 * scope. The café's tests (cafes-reminders*.e2e-spec.ts) pin who gets what; these pin the loop:
 * which outbox, chunks of REMINDER_CHUNK per transaction each dispatched once, keys written once,
 * nothing for an event that changed between the read and the write.
 */
interface ToyEvent {
  id: string;
  startsAt: Date;
  people: number;
}
interface ToyDue extends DueEvent {
  event: ToyEvent;
  offset: number;
}
interface ToyRecipient extends ReminderRecipient {
  email: string;
}

const DAY = 24 * 3600_000;

function toySource(
  scope: ReminderSource['scope'],
  events: ToyEvent[],
  seen: { changed: Set<string>; locked: string[][]; transactions: EntityManager[] },
): ReminderSource<ToyDue, ToyRecipient> {
  return {
    scope,
    due: async (_em, now) =>
      events.flatMap((event) => {
        const current = currentReminder(event.startsAt, [1440], 'Europe/Brussels', now);
        return current ? [{ eventId: event.id, event, offset: current.offset }] : [];
      }),
    candidates: async (em, due) => {
      seen.transactions.push(em);
      return due.flatMap((d) =>
        Array.from({ length: d.event.people }, (_, i) => ({
          eventId: d.eventId,
          key: `toy:${d.eventId}:${d.event.startsAt.toISOString()}:${i}:${d.offset}`,
          email: `persoon-${i}@example.be`,
        })),
      );
    },
    lockUnchanged: async (em, due) => {
      seen.transactions.push(em);
      seen.locked.push(due.map((d) => d.eventId));
      return new Set(due.map((d) => d.eventId).filter((id) => !seen.changed.has(id)));
    },
    message: (d, r) => ({
      key: r.key,
      to: r.email,
      subject: `Herinnering: ${d.eventId}`,
      template: 'test-message',
      data: { name: 'Persoon', message: 'Morgen is het zover.' },
      discardAfter: d.event.startsAt,
    }),
  };
}

describe('the shared reminder planner (src/events) with a source of its own', () => {
  let t: TestApp;
  const now = ORDINARY_NOW;
  const tomorrow = (hours: number) => new Date(now.getTime() + DAY + hours * 3600_000);
  const rows = (table: string, prefix: string) =>
    queryAs<{ key: string; status: string; tenant_id?: string }>(
      t.db.adminUrl,
      `select * from ${table} where starts_with(key, $1) order by key`,
      [prefix],
    );

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes a platform source’s reminders to the platform outbox, in chunks each dispatched once, and never twice', async () => {
    const planner = t.get(EventReminderPlannerService);
    const dispatch = jest.spyOn(t.get(MailService), 'dispatch');
    const seen = {
      changed: new Set<string>(),
      locked: [] as string[][],
      transactions: [] as EntityManager[],
    };
    // Both due (their 1-day moment passed an hour ago); a third only in six days.
    const events: ToyEvent[] = [
      { id: 'a', startsAt: tomorrow(-1), people: 700 },
      { id: 'b', startsAt: tomorrow(-2), people: 500 },
      { id: 'c', startsAt: new Date(now.getTime() + 7 * DAY), people: 3 },
    ];
    const source = toySource(PLATFORM_SCOPE, events, seen);

    expect(await planner.plan(source, now)).toEqual({ events: 2, queued: 1200 });
    const written = await rows('platform_outbox_messages', 'toy:');
    expect(written).toHaveLength(1200);
    expect(written.every((r) => r.status === 'pending')).toBe(true);
    expect(await rows('outbox_messages', 'toy:')).toHaveLength(0);
    // 1200 recipients: chunks of 500, 500 and 200, each its own transaction, each dispatched.
    expect(REMINDER_CHUNK).toBe(500);
    expect(seen.locked).toEqual([['a'], ['a', 'b'], ['b']]);
    expect(new Set(seen.transactions.slice(1)).size).toBe(3);
    expect(dispatch.mock.calls).toEqual([[null], [null], [null]]);

    // Again (a second worker, a retried job): every key is there already.
    dispatch.mockClear();
    expect(await planner.plan(source, now)).toEqual({ events: 2, queued: 0 });
    expect(await rows('platform_outbox_messages', 'toy:')).toHaveLength(1200);
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockRestore();
  });

  it('writes nothing for an event that changed between the read and the write', async () => {
    const planner = t.get(EventReminderPlannerService);
    const seen = {
      changed: new Set(['moved']),
      locked: [] as string[][],
      transactions: [] as EntityManager[],
    };
    const events: ToyEvent[] = [
      { id: 'kept', startsAt: tomorrow(-1), people: 2 },
      { id: 'moved', startsAt: tomorrow(-1), people: 2 },
    ];
    expect(await planner.plan(toySource(PLATFORM_SCOPE, events, seen), now)).toEqual({
      events: 2,
      queued: 2,
    });
    expect((await rows('platform_outbox_messages', 'toy:kept:')).length).toBe(2);
    expect(await rows('platform_outbox_messages', 'toy:moved:')).toHaveLength(0);
  });

  it('writes a tenant source’s reminders to that municipality’s outbox, and dispatches for it', async () => {
    const tenant = await createTenant(t, { slug: 'toygem' });
    const tenantId = asTenantId(tenant.id);
    const planner = t.get(EventReminderPlannerService);
    const dispatch = jest.spyOn(t.get(MailService), 'dispatch');
    const seen = {
      changed: new Set<string>(),
      locked: [] as string[][],
      transactions: [] as EntityManager[],
    };
    const events: ToyEvent[] = [{ id: 'sessie', startsAt: tomorrow(-1), people: 3 }];
    expect(await planner.plan(toySource(tenantScope(tenantId), events, seen), now)).toEqual({
      events: 1,
      queued: 3,
    });
    const written = await rows('outbox_messages', 'toy:sessie:');
    expect(written.map((r) => r.tenant_id)).toEqual([tenant.id, tenant.id, tenant.id]);
    expect(await rows('platform_outbox_messages', 'toy:sessie:')).toHaveLength(0);
    expect(dispatch.mock.calls).toEqual([[tenantId]]);
    expect(await planner.plan(toySource(tenantScope(tenantId), events, seen), now)).toEqual({
      events: 1,
      queued: 0,
    });
    dispatch.mockRestore();
  });
});
