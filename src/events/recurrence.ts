import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { LOCAL_ZONE } from '../common/dates';

/**
 * Recurring events (a café's meetings, later the calendar's activities): a rule in floating
 * local time, expanded into occurrences stored ahead. One implementation for every module.
 */

/** How far ahead a rule is turned into stored occurrences. */
export const HORIZON_MONTHS = 6;

export interface RecurrenceRule {
  /** RRULE body without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=1TU`. */
  rule: string;
  /** Local start time `HH:MM`. */
  startTime: string;
  durationMinutes: number;
  /** First local date the rule may produce (`YYYY-MM-DD`); defaults to the window's start. */
  startsOn?: string | null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
  /** Local date `YYYY-MM-DD` (e.g. a meeting's URL key before de-duplication). */
  localDate: string;
}

/**
 * Expands a rule between two instants. rrule runs in *floating* time (its "UTC" fields are
 * the local wall clock) and luxon places each wall-clock time in Europe/Brussels, so 14:00 stays
 * 14:00 on both sides of a daylight-saving change (rrule's own tzid handling is unreliable there).
 */
export function expandRule(rule: RecurrenceRule, from: Date, until: Date): Occurrence[] {
  const [hour, minute] = parseTime(rule.startTime);
  const fromLocal = DateTime.fromJSDate(from, { zone: LOCAL_ZONE });
  const untilLocal = DateTime.fromJSDate(until, { zone: LOCAL_ZONE });
  const start = rule.startsOn
    ? DateTime.fromISO(rule.startsOn, { zone: LOCAL_ZONE })
    : fromLocal.startOf('day');
  if (!start.isValid) throw new Error(`Invalid start date: ${rule.startsOn}`);
  const options = RRule.parseString(rule.rule);
  const recurrence = new RRule({
    ...options,
    dtstart: floating(start.year, start.month, start.day, hour, minute),
  });
  // Widen the floating window by a day on both sides; the exact bounds are checked on instants.
  const after = floating(fromLocal.year, fromLocal.month, fromLocal.day - 1, 0, 0);
  const before = floating(untilLocal.year, untilLocal.month, untilLocal.day + 1, 23, 59);
  const result: Occurrence[] = [];
  for (const f of recurrence.between(after, before, true)) {
    const local = DateTime.fromObject(
      {
        year: f.getUTCFullYear(),
        month: f.getUTCMonth() + 1,
        day: f.getUTCDate(),
        hour: f.getUTCHours(),
        minute: f.getUTCMinutes(),
      },
      { zone: LOCAL_ZONE },
    );
    const startsAt = local.toJSDate();
    if (startsAt < from || startsAt > until) continue;
    result.push({
      startsAt,
      endsAt: local.plus({ minutes: rule.durationMinutes }).toJSDate(),
      localDate: local.toISODate()!,
    });
  }
  return result;
}

/** The end of the generation window: six months after `now`. */
export function horizonEnd(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).plus({ months: HORIZON_MONTHS }).toJSDate();
}

/** The local date of an instant, `YYYY-MM-DD`. */
export function localDateOf(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: LOCAL_ZONE }).toISODate()!;
}

/** Local date and time (`YYYY-MM-DD`, `HH:MM`) in Europe/Brussels → instant; null when invalid. */
export function localToInstant(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: LOCAL_ZONE });
  return dt.isValid ? dt.toJSDate() : null;
}

/** Instant → local `{ date: 'YYYY-MM-DD', time: 'HH:MM' }` in Europe/Brussels. */
export function instantToLocal(instant: Date): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone: LOCAL_ZONE });
  return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
}

/** Validates an RRULE body; returns an error text or null. Only daily-to-yearly rules with a limit-free form. */
export function ruleProblem(rule: string): string | null {
  if (/DTSTART|TZID|\n/i.test(rule)) return 'no DTSTART or TZID in the rule';
  try {
    const options = RRule.parseString(rule);
    if (options.freq === undefined) return 'FREQ missing';
    if (options.freq > RRule.DAILY) return 'more often than daily';
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function parseTime(time: string): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`Invalid start time: ${time}`);
  return [Number(m[1]), Number(m[2])];
}

function floating(year: number, month: number, day: number, hour: number, minute: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}
