import type { DefaultJobOptions } from 'bullmq';

/** Queue names: what the work is. */
export const QUEUES = {
  mail: 'mail',
  reminders: 'reminders',
  news: 'news',
  digests: 'digests',
  /** E-mailed links asked for in a form, token purge (src/auth/jobs). */
  accounts: 'accounts',
} as const;

/** Defaults for every job: retried with backoff, kept a while for inspection, then removed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** How long a worker waits for running jobs on SIGTERM before it gives up. */
export const SHUTDOWN_GRACE_MS = 20_000;
