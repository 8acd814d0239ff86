import { DateTime } from 'luxon';

const DAY_MINUTES = 24 * 60;

/**
 * When a reminder `offsetMinutes` before a meeting is due. Whole days are calendar days in the
 * café's time zone: "1 day before" a Monday 14:00 meeting is Sunday 14:00, also on the weekend the
 * clocks change (then it is 23 or 25 hours). Other offsets are plain durations.
 */
export function reminderDueAt(startsAt: Date, offsetMinutes: number, zone: string): Date {
  if (offsetMinutes % DAY_MINUTES === 0)
    return DateTime.fromJSDate(startsAt, { zone })
      .minus({ days: offsetMinutes / DAY_MINUTES })
      .toJSDate();
  return new Date(startsAt.getTime() - offsetMinutes * 60_000);
}

export interface DueReminder {
  /** The offset (minutes before the meeting) this reminder is for: its kind. */
  offset: number;
  dueAt: Date;
}

/**
 * The one reminder of a meeting that is due now: the offset whose moment passed most recently.
 * Earlier offsets that were missed (the planner was down, the meeting was planned late) are
 * skipped: one reminder close to the meeting beats two in a row. None once the meeting began.
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

/**
 * The start of the outbox keys of a meeting's reminders; a key is
 * `reminder:<meetingId>:<startsAt ISO>:<membershipId>:<offset>`, per meeting, start time, person
 * and kind (the planner's query appends the last two). A moved meeting has a new start time and so
 * new keys; the same run twice writes nothing new.
 */
export function reminderKeyPrefix(meetingId: string, startsAt: Date): string {
  return `reminder:${meetingId}:${startsAt.toISOString()}:`;
}

/**
 * "vandaag", "morgen", "over een week", "over 3 dagen": how far the meeting is from `now` in
 * calendar days of the café's time zone (a reminder may go out later than its offset).
 */
export function howSoon(startsAt: Date, now: Date, zone: string): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).startOf('day');
  const days = Math.round(day(startsAt).diff(day(now), 'days').days);
  if (days <= 0) return 'vandaag';
  if (days === 1) return 'morgen';
  if (days === 7) return 'over een week';
  if (days === 14) return 'over twee weken';
  return `over ${days} dagen`;
}
