/** Job names of the cafés on the `reminders` queue (QUEUES.reminders). */
export const CAFE_JOBS = {
  /** Daily: every active municipality's cafés filled with meetings six months ahead. */
  horizon: 'cafes-horizon',
  /** Every minute: reminders whose moment passed written to the outbox (ReminderPlannerService). */
  reminders: 'cafes-reminders',
} as const;

/** Scheduler ids: `upsertJobScheduler` with the same id replaces, so re-declaring is harmless. */
export const CAFE_SCHEDULERS = {
  // 02:15 Brussels time, every day.
  horizon: { id: 'cafes-horizon', pattern: '0 15 2 * * *', tz: 'Europe/Brussels' },
  // A reminder goes out within a minute of its moment.
  reminders: { id: 'cafes-reminders', every: 60_000 },
} as const;
