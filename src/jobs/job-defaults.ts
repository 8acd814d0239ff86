import type { DefaultJobOptions, JobSchedulerTemplateOptions } from 'bullmq';

/** Queue names: what the work is. */
export const QUEUES = {
  mail: 'mail',
  reminders: 'reminders',
  news: 'news',
  /** The platform's café finder: its copy of every hub's cafés (src/cafes/finder). */
  finder: 'finder',
  /** The calendar's activities: their dates kept six months ahead (src/calendar/jobs). */
  calendar: 'calendar',
  digests: 'digests',
  /** E-mailed links asked for in a form, token purge (src/auth/jobs). */
  accounts: 'accounts',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Defaults for every job: retried with backoff, kept a while for inspection, then removed. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Options of scheduled jobs: one attempt each (the next run comes anyway), little history. */
export const SCHEDULED_JOB_OPTIONS: JobSchedulerTemplateOptions = {
  attempts: 1,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 200 },
};

/**
 * Jobs one worker process runs at once, per queue (one BullMQ Worker each; the same figures the
 * processors had). The reminders queue runs one job at a time: a planner run never overlaps
 * another one or the horizon in one process.
 */
export const WORKER_CONCURRENCY: Readonly<Partial<Record<QueueName, number>>> = {
  mail: 4,
  reminders: 1,
  accounts: 4,
};

/**
 * Jobs at once on `queue`: the operator's setting where there is one (the news queue's feed
 * refreshes wait on other sites: NEWS_FEED_CONCURRENCY), else WORKER_CONCURRENCY; a queue in
 * neither runs one job at a time.
 */
export function workerConcurrency(
  queue: string,
  configured: Readonly<Partial<Record<QueueName, number>>> = {},
): number {
  return configured[queue as QueueName] ?? WORKER_CONCURRENCY[queue as QueueName] ?? 1;
}

/** How long a worker waits for running jobs on SIGTERM before it gives up. */
export const SHUTDOWN_GRACE_MS = 20_000;
