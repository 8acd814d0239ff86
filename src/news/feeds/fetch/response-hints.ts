import type { FetchHints } from './fetch-contract';

/**
 * What a response says about how often we may come back, and whether its validators may be
 * used. Pure functions over header values, so they are unit-tested without a server.
 */

/** A hint longer than this is taken as this: a hostile or mistaken server cannot stop a feed for good. */
export const MAX_HINT_MINUTES = 24 * 60;

/** `Retry-After` in seconds: a number of seconds or an HTTP date (from `now`); null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.round((at - now.getTime()) / 1000));
}

/** `Cache-Control: max-age=N` (or `s-maxage`) in seconds; null when absent. */
export function maxAgeSeconds(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  let longest: number | null = null;
  for (const directive of cacheControl.split(',')) {
    const match = /^\s*(?:s-)?max-?age\s*=\s*"?(\d+)"?\s*$/i.exec(directive);
    if (match) longest = Math.max(longest ?? 0, Number(match[1]));
  }
  return longest;
}

/**
 * True when the server says the response is already stale (`Expires: 0`, any value that is no
 * date, or a date not after the response's own `Date`, or `now` without one): then it does not
 * want its validators used, and we fetch unconditionally next time.
 */
export function expiresAtOnce(
  expires: string | undefined,
  date: string | undefined,
  now: Date,
): boolean {
  if (expires === undefined) return false;
  const at = Date.parse(expires.trim());
  if (Number.isNaN(at)) return true;
  const reference =
    date !== undefined && !Number.isNaN(Date.parse(date)) ? Date.parse(date) : now.getTime();
  return at <= reference;
}

/** The longest of the hints (in seconds; null: none), as whole minutes rounded up, at most a day. */
export function hintsFrom(...seconds: Array<number | null>): FetchHints {
  const known = seconds.filter((s): s is number => s !== null && s > 0);
  if (known.length === 0) return { minIntervalMinutes: null };
  const minutes = Math.ceil(Math.max(...known) / 60);
  return { minIntervalMinutes: Math.min(minutes, MAX_HINT_MINUTES) };
}

export const NO_HINTS: FetchHints = { minIntervalMinutes: null };
