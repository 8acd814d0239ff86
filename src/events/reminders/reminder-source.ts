import type { EntityManager } from 'typeorm';
import type { MailMessage } from '../../mail/mail.service';
import type { EventScope } from '../event-scope';

/** An event with a reminder due now (e.g. found with `currentReminder`). */
export interface DueEvent {
  /** The event the reminder is about (a meeting, a course session): what `lockUnchanged` locks. */
  readonly eventId: string;
}

/** One person owed the current reminder of an event. */
export interface ReminderRecipient {
  readonly eventId: string;
  /**
   * The outbox key, unique per event, start time, person and kind (e.g.
   * `reminder:<meetingId>:<startsAt>:<membershipId>:<offset>`): the planner writes a key once.
   */
  readonly key: string;
}

/**
 * What a module tells the reminder planner (EventReminderPlannerService) about its events with
 * offsets and recipients, over its own tables: what is due, for whom, how to render it, and which
 * outbox the mail goes to (`scope`: a tenant's, or the platform's). The planner keeps no state:
 * everything is derived from the database on each run, so a run twice (or on two workers at once)
 * writes each reminder once.
 */
export interface ReminderSource<
  Due extends DueEvent = DueEvent,
  Recipient extends ReminderRecipient = ReminderRecipient,
> {
  /** The transaction the reads and writes run in and the outbox the mail goes to. */
  readonly scope: EventScope;
  /** Events whose reminder moment has passed and that have not begun, read in the first transaction. */
  due(em: EntityManager, now: Date): Promise<Due[]>;
  /**
   * Everyone who should get the current reminder of these events (same transaction as `due`),
   * with their key; the planner leaves out those whose key is in the outbox already.
   */
  candidates(em: EntityManager, due: Due[]): Promise<Recipient[]>;
  /**
   * In a write transaction: locks these events `FOR SHARE` (a cancel or move waits until the
   * write commits, then drops what it wrote) and returns the ids of those still as `due` found
   * them (not cancelled, not moved). Mail is written only for those.
   */
  lockUnchanged(em: EntityManager, due: Due[]): Promise<Set<string>>;
  /** The mail for one recipient. */
  message(due: Due, recipient: Recipient, now: Date): MailMessage;
}
