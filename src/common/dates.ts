import { DateTime } from 'luxon';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Every date and time people type is meant in this zone (DESIGN.md: shown in Europe/Brussels). */
export const LOCAL_ZONE = 'Europe/Brussels';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * A calendar date typed as 2027-01-05 that exists (no 2027-02-30, no 0000-01-01), or null.
 * `Date.parse` rolls 30 February into March; luxon does not.
 */
export function calendarDate(value: unknown): DateTime | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number);
  if (year < 1900 || year > 2999) return null;
  const dt = DateTime.fromObject({ year, month, day }, { zone: LOCAL_ZONE });
  return dt.isValid && dt.day === day ? dt : null;
}

/**
 * Local date and time in Europe/Brussels → that moment, or null when the date does not exist or
 * the clock skips that time (02:30 on the last Sunday of March: luxon would move it to 03:30).
 */
export function localDateTime(date: unknown, time: unknown): DateTime | null {
  const day = calendarDate(date);
  const t = typeof time === 'string' ? TIME.exec(time) : null;
  if (!day || !t) return null;
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  const dt = day.set({ hour, minute });
  return dt.isValid && dt.hour === hour && dt.minute === minute ? dt : null;
}

/** Is `time` on `date` a time the clock in Brussels shows? (false only in the spring gap) */
export function existsLocally(date: unknown, time: unknown): boolean {
  return !calendarDate(date) || !TIME.test(String(time)) || localDateTime(date, time) !== null;
}

/** A form field with an existing calendar date (2027-01-05); `optional`: empty is allowed too. */
export function IsCalendarDate(
  options: ValidationOptions & { optional?: boolean } = {},
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) =>
          (options.optional === true && value === '') || calendarDate(value) !== null,
      },
    },
    options,
  );
}

/**
 * A clock time that exists on the date in `dateField` (the spring-forward hour does not). Other
 * checks (the time's format, the date) report their own problems, so this one passes them by.
 */
export function ExistsOnDate(
  dateField: string,
  options: ValidationOptions = {},
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'existsOnDate',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          existsLocally((args?.object as Record<string, unknown>)[dateField], value),
      },
    },
    options,
  );
}
