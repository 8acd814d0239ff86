import type { JobSchedulerTemplateOptions } from 'bullmq';

/** Job names of the cafés on the `reminders` queue (QUEUES.reminders). */
export const CAFE_JOBS = {
  /** Daily: every active municipality's cafés filled with meetings six months ahead. */
  horizon: 'cafes-horizon',
} as const;

/** Scheduler ids: `upsertJobScheduler` with the same id replaces, so re-declaring is harmless. */
export const CAFE_SCHEDULERS = {
  // 02:15 Brussels time, every day.
  horizon: { id: 'cafes-horizon', pattern: '0 15 2 * * *', tz: 'Europe/Brussels' },
} as const;

/** One attempt each (tomorrow's run comes anyway), little history. */
export const CAFE_SCHEDULED_JOB_OPTIONS: JobSchedulerTemplateOptions = {
  attempts: 1,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 200 },
};
