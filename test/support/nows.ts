import { DateTime } from 'luxon';

export const ZONE = 'Europe/Brussels';

/** An instant the date-dependent tests run at (`TestClock.set`), with what makes it special. */
export interface TestNow {
  label: string;
  at: Date;
  /**
   * Hours from this local time of day today to the same time tomorrow: 23 on the eve of the
   * spring change (the night loses an hour), 25 on the eve of the autumn change, else 24.
   */
  hoursToTomorrow: number;
}

/** A local Brussels time `YYYY-MM-DDTHH:mm` as an instant. */
export function brussels(local: string): Date {
  const dt = DateTime.fromISO(local, { zone: ZONE });
  if (!dt.isValid) throw new Error(`not a Brussels time: ${local}`);
  return dt.toJSDate();
}

function testNow(label: string, local: string): TestNow {
  const at = DateTime.fromISO(local, { zone: ZONE });
  return {
    label: `${label} (${local})`,
    at: at.toJSDate(),
    hoursToTomorrow: at.plus({ days: 1 }).diff(at, 'hours').hours,
  };
}

/**
 * The "nows" every date-dependent test runs at (issue 7, item 5), so the suite is green on every
 * day of the year: the day before each change of the clocks in 2027 and 2028, the first of a
 * month (a "first Tuesday" may or may not still be ahead) and 23:30 (the next calendar day is
 * 30 minutes away, and on this night one of its hours is missing).
 */
export const TEST_NOWS: readonly TestNow[] = [
  testNow('the day before the spring change of 2027', '2027-03-27T12:00'),
  testNow('the day before the autumn change of 2027', '2027-10-30T12:00'),
  testNow('the day before the spring change of 2028', '2028-03-25T12:00'),
  testNow('the day before the autumn change of 2028', '2028-10-28T12:00'),
  // Six months from here hold 7 first Thursdays (7 January to 1 July 14:00) ...
  testNow('the first of a month', '2027-01-01T15:00'),
  // ... and from here 5 first Tuesdays (the one of 1 June has passed, 7 December is too far).
  testNow('the first of a month, after its first Tuesday', '2027-06-01T15:00'),
  testNow('23:30 local time', '2027-03-27T23:30'),
];

/** Where the tests that are not repeated for every "now" run: an ordinary weekday. */
export const ORDINARY_NOW = brussels('2027-05-12T10:00');

/** `days` calendar days after `instant` at the same local time (23, 24 or 25 hours a day). */
export function calendarDaysAfter(instant: Date, days: number): Date {
  return DateTime.fromJSDate(instant, { zone: ZONE }).plus({ days }).toJSDate();
}
