import type { JobsOptions } from 'bullmq';

/** Job names of the cafés on the `reminders` queue (QUEUES.reminders). */
export const CAFE_JOBS = {
  /** Daily: one `horizonTenant` job per active municipality. */
  horizon: 'cafes-horizon',
  /** One municipality's cafés filled with meetings six months ahead (CafesService.fillHorizon). */
  horizonTenant: 'cafes-horizon-tenant',
  /** Every minute: one `remindersTenant` job per active municipality. */
  reminders: 'cafes-reminders',
  /** One municipality's reminders whose moment passed written to the outbox (planTenant). */
  remindersTenant: 'cafes-reminders-tenant',
} as const;

/** Scheduler ids: `upsertJobScheduler` with the same id replaces, so re-declaring is harmless. */
export const CAFE_SCHEDULERS = {
  // 02:15 Brussels time, every day.
  horizon: { id: 'cafes-horizon', pattern: '0 15 2 * * *', tz: 'Europe/Brussels' },
  // A reminder goes out within a minute of its moment.
  reminders: { id: 'cafes-reminders', every: 60_000 },
} as const;

/**
 * A municipality's reminder job: a few quick retries, since the next minute's job derives the
 * same reminders again; kept an hour, so a second fan-out in the same minute finds its id.
 */
export const REMINDERS_TENANT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 24 * 3600 },
};
