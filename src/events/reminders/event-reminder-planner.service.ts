import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailService, type MailMessage } from '../../mail/mail.service';
import type { EventScope } from '../event-scope';
import { ScopedTransactionService } from '../scoped-transaction.service';
import type { DueEvent, ReminderRecipient, ReminderSource } from './reminder-source';

/** Recipients rendered and written per transaction; each chunk is handed to the mail queue at once. */
export const REMINDER_CHUNK = 500;

/** Keys per lookup of the reminders already written. */
export const KEY_LOOKUP_CHUNK = 5_000;

export interface ReminderPlanResult {
  /** Events with a reminder due. */
  events: number;
  /** Reminders written to the outbox by this run. */
  queued: number;
}

/**
 * The reminder planner over any `ReminderSource`. What is due and who is owed it are read in one
 * transaction; the mail is written in later ones, a chunk of recipients each, so a big burst
 * never holds one long transaction. An event may be cancelled or moved in between: each write
 * transaction has the source lock the chunk's events (`FOR SHARE`) and writes only for those
 * unchanged. Each chunk is dispatched to the mail queue once it commits, so sending starts while
 * the rest is still being written. Keys are unique in the outbox: a reminder is never written twice.
 */
@Injectable()
export class EventReminderPlannerService {
  constructor(
    private readonly scoped: ScopedTransactionService,
    private readonly mail: MailService,
  ) {}

  async plan<Due extends DueEvent, Recipient extends ReminderRecipient>(
    source: ReminderSource<Due, Recipient>,
    now: Date,
  ): Promise<ReminderPlanResult> {
    const { scope } = source;
    const { due, recipients } = await this.scoped.run(scope, async (em) => {
      const due = await source.due(em, now);
      const recipients = due.length > 0 ? await this.owed(em, source, due) : [];
      return { due, recipients };
    });
    const byEvent = new Map(due.map((d) => [d.eventId, d]));
    let queued = 0;
    for (let i = 0; i < recipients.length; i += REMINDER_CHUNK) {
      const chunk = recipients.slice(i, i + REMINDER_CHUNK);
      const written = await this.scoped.run(scope, async (em) => {
        // In id order, so two planners lock a chunk's events in the same order.
        const events = [...new Set(chunk.map((r) => r.eventId))]
          .sort()
          .map((id) => byEvent.get(id)!);
        const unchanged = await source.lockUnchanged(em, events);
        const messages = chunk
          .filter((r) => unchanged.has(r.eventId))
          .map((r) => source.message(byEvent.get(r.eventId)!, r, now));
        await this.queue(em, scope, messages);
        return messages.length;
      });
      queued += written;
      if (written > 0) await this.mail.dispatch(scope.tenantId);
    }
    return { events: due.length, queued };
  }

  /** The source's candidates without those whose key is in the outbox already. */
  private async owed<Due extends DueEvent, Recipient extends ReminderRecipient>(
    em: EntityManager,
    source: ReminderSource<Due, Recipient>,
    due: Due[],
  ): Promise<Recipient[]> {
    const candidates = await source.candidates(em, due);
    // Looked up by the outbox's unique key index, in chunks. (As a NOT EXISTS in the café's
    // candidate query, PostgreSQL with stale statistics compared every candidate with every
    // outbox row during a burst: docs/benchmarks.md.)
    const written = new Set<string>();
    for (let i = 0; i < candidates.length; i += KEY_LOOKUP_CHUNK) {
      const keys = candidates.slice(i, i + KEY_LOOKUP_CHUNK).map((c) => c.key);
      const found =
        source.scope.tenantId !== null
          ? await this.mail.existingKeys(em, source.scope.tenantId, keys)
          : await this.mail.existingPlatformKeys(em, keys);
      for (const key of found) written.add(key);
    }
    return candidates.filter((c) => !written.has(c.key));
  }

  private queue(em: EntityManager, scope: EventScope, messages: MailMessage[]): Promise<void> {
    return scope.tenantId !== null
      ? this.mail.queueTenantMails(em, scope.tenantId, messages)
      : this.mail.queuePlatformMails(em, messages);
  }
}
