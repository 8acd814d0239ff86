import { FLAG_AFTER_FAILURES } from '../common/entities/feed-columns';

/** A day in minutes: the slowest schedule (the longest backoff, a flagged feed's interval). */
export const DAY_MINUTES = 24 * 60;
/** The longest refresh interval an admin may choose. */
export const MAX_REFRESH_MINUTES = DAY_MINUTES;

const MINUTE = 60_000;

/**
 * Minutes until the next refresh after a success (a 200 or a 304): the feed's own interval, or
 * longer when the server asked for it (RSS `<ttl>`, `Cache-Control: max-age`), never more often.
 */
export function minutesAfterSuccess(refreshMinutes: number, hintMinutes: number | null): number {
  return Math.min(Math.max(refreshMinutes, hintMinutes ?? 0), DAY_MINUTES);
}

/**
 * Minutes until the next try after a failure, `failures` counting this one: the interval ×
 * 2^failures (60 minutes: 2, 4, 8, 16 hours), at most a day; a `Retry-After` asking for longer
 * is honoured. From the fifth failure in a row on the feed is flagged and tried once a day,
 * until it succeeds or an admin asks for a refresh ("nu vernieuwen").
 */
export function minutesAfterFailure(
  refreshMinutes: number,
  failures: number,
  hintMinutes: number | null,
): number {
  if (isFlagged(failures)) return DAY_MINUTES;
  const backoff = refreshMinutes * 2 ** Math.max(failures, 0);
  return Math.min(Math.max(backoff, hintMinutes ?? 0), DAY_MINUTES);
}

/** After this many failures in a row the admin sees the feed flagged. */
export const isFlagged = (failures: number): boolean => failures >= FLAG_AFTER_FAILURES;

export const plusMinutes = (at: Date, minutes: number): Date =>
  new Date(at.getTime() + minutes * MINUTE);
