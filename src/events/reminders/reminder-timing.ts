import { DateTime } from 'luxon';

/** The timing of reminders "some time before an event", for every ReminderSource. */

const DAY_MINUTES = 24 * 60;

/**
 * When a reminder `offsetMinutes` before an event is due. Whole days are calendar days in the
 * event's time zone (Europe/Brussels for every hub today): "1 day before" a Monday 14:00 meeting
 * is Sunday 14:00, also on the weekend the clocks change (then it is 23 or 25 hours). Other
 * offsets are plain durations.
 */
export function reminderDueAt(startsAt: Date, offsetMinutes: number, zone: string): Date {
  if (offsetMinutes % DAY_MINUTES === 0)
    return DateTime.fromJSDate(startsAt, { zone })
      .minus({ days: offsetMinutes / DAY_MINUTES })
      .toJSDate();
  return new Date(startsAt.getTime() - offsetMinutes * 60_000);
}

export interface DueReminder {
  /** The offset (minutes before the event) this reminder is for: its kind. */
  offset: number;
  dueAt: Date;
}

/**
 * The one reminder of an event that is due now: the offset whose moment passed most recently.
 * Earlier offsets that were missed (the planner was down, the event was planned late) are
 * skipped: one reminder close to the event beats two in a row. None once the event began.
 */
export function currentReminder(
  startsAt: Date,
  offsets: readonly number[],
  zone: string,
  now: Date,
): DueReminder | null {
  if (startsAt.getTime() <= now.getTime()) return null;
  let current: DueReminder | null = null;
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset <= 0) continue;
    const dueAt = reminderDueAt(startsAt, offset, zone);
    if (dueAt.getTime() > now.getTime()) continue;
    if (!current || dueAt.getTime() > current.dueAt.getTime()) current = { offset, dueAt };
  }
  return current;
}
