import { calendarDate, existsLocally, localDateTime } from './dates';

describe('calendar dates and local times (Europe/Brussels)', () => {
  it.each(['2027-02-30', '2027-04-31', '0000-01-01', '27-1-2027', '2027-13-01', '2027-1-05', ''])(
    'refuses %p',
    (value) => expect(calendarDate(value)).toBeNull(),
  );

  it.each(['2027-01-05', '2028-02-29', '2027-12-31'])('accepts %p', (value) =>
    expect(calendarDate(value)?.toISODate()).toBe(value),
  );

  it('refuses a time the clock skips (last Sunday of March) and keeps the ones around it', () => {
    expect(localDateTime('2027-03-28', '02:30')).toBeNull();
    expect(existsLocally('2027-03-28', '02:30')).toBe(false);
    expect(localDateTime('2027-03-28', '01:59')?.toISO()).toBe('2027-03-28T01:59:00.000+01:00');
    expect(localDateTime('2027-03-28', '03:00')?.toISO()).toBe('2027-03-28T03:00:00.000+02:00');
    // The autumn hour happens twice: it exists (the first one is meant).
    expect(localDateTime('2027-10-31', '02:30')?.toISO()).toBe('2027-10-31T02:30:00.000+02:00');
  });
});
