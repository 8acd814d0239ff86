import { DateTime } from 'luxon';

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
