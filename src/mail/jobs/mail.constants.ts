/** Job names on the `mail` queue (QUEUES.mail). */
export const MAIL_JOBS = {
  /** Send the due rows of one outbox (a municipality's, or the platform's for tenantId null). */
  deliver: 'deliver',
  /** Every minute: re-queue `deliver` for every outbox that has due rows (Redis may have lost jobs). */
  sweep: 'sweep',
  /** Daily: empty the bodies of rows sent some days ago. */
  purge: 'purge',
} as const;

export type MailJobName = (typeof MAIL_JOBS)[keyof typeof MAIL_JOBS];

/** Payload of `deliver`: ids only; the rows are read from PostgreSQL. null = the platform outbox. */
export interface DeliverJobData {
  tenantId: string | null;
}

/** Scheduler ids: `upsertJobScheduler` with the same id replaces, so re-declaring is harmless. */
export const MAIL_SCHEDULERS = {
  sweep: { id: 'mail-sweep', every: 60_000 },
  // 03:30 Brussels time, when nobody is waiting for mail.
  purge: { id: 'mail-purge', pattern: '0 30 3 * * *', tz: 'Europe/Brussels' },
} as const;

/** Rows claimed per round trip; each is sent and marked on its own. */
export const CLAIM_BATCH_SIZE = 100;

/**
 * A claimed row is hidden from other claimers for this long (its send_after moves forward). It
 * must be much longer than one SMTP send (socket timeouts below), so that a row is only ever
 * claimed again when the worker that held it is gone: that is the one duplicate window.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** A deliver job stops sending from a claimed batch after this and hands the rest back. */
export const CLAIM_SEND_DEADLINE_MS = CLAIM_LEASE_MS / 2;

/** A deliver job works at most this long, then queues a follow-up (fair to other outboxes). */
export const DELIVER_JOB_BUDGET_MS = 60_000;

/**
 * Waits after the n-th failed attempt (index n-1). After the last one the row is `failed`:
 * MAX_SEND_ATTEMPTS = delays + 1, about 22 hours in all (greylisting, a mail server down for a night).
 */
export const RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
];

/** Bodies and attachments of sent mail are kept this long (support questions), then purged. */
export const PURGE_SENT_AFTER_DAYS = 7;

/** Failed mail keeps its body longer, so an operator can look into it, then it is purged too. */
export const PURGE_FAILED_AFTER_DAYS = 30;

/**
 * The SMTP pool: connections open at once (a delivery job sends that many messages in parallel)
 * and messages per connection before it is renewed. The benchmark's bare sender uses the same.
 */
export const SMTP_POOL = { maxConnections: 3, maxMessages: 100 };

/** SMTP timeouts: far below CLAIM_LEASE_MS and below the shutdown grace. */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 15_000,
};
