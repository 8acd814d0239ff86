import { DateTime } from 'luxon';
import { planOccurrences, type ExistingOccurrence } from './occurrence-plan';
import { expandRule, horizonEnd, localToInstant, ruleProblem } from './recurrence';

const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Brussels' });
const at = (iso: string) => new Date(iso);

describe('expandRule', () => {
  it('every first Tuesday 14:00–16:00 for six months', () => {
    const now = at('2026-11-23T10:00:00Z');
    const result = expandRule(
      { rule: 'FREQ=MONTHLY;BYDAY=1TU', startTime: '14:00', durationMinutes: 120 },
      now,
      horizonEnd(now),
    );
    expect(result.map((o) => o.localDate)).toEqual([
      '2026-12-01',
      '2027-01-05',
      '2027-02-02',
      '2027-03-02',
      '2027-04-06',
      '2027-05-04',
    ]);
    for (const o of result) {
      expect(local(o.startsAt).toFormat('HH:mm')).toBe('14:00');
      expect(local(o.endsAt).toFormat('HH:mm')).toBe('16:00');
    }
    // Winter time is UTC+1, summer time UTC+2: the instants differ, the wall clock does not.
    expect(result[0].startsAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(result[4].startsAt.toISOString()).toBe('2027-04-06T12:00:00.000Z');
  });

  it.each([
    ['2026-03-29', '2026-03-22', '2026-04-05'], // last Sunday of March 2026: summer time starts
    ['2026-10-25', '2026-10-18', '2026-11-01'], // last Sunday of October 2026: summer time ends
    ['2027-03-28', '2027-03-21', '2027-04-04'],
    ['2027-10-31', '2027-10-24', '2027-11-07'],
  ])('weekly on Sundays keeps 14:00 across the change on %s', (change, before, after) => {
    const result = expandRule(
      { rule: 'FREQ=WEEKLY;BYDAY=SU', startTime: '14:00', durationMinutes: 120 },
      at(`${before}T00:00:00Z`),
      at(`${after}T23:00:00Z`),
    );
    expect(result.map((o) => o.localDate)).toEqual([before, change, after]);
    for (const o of result) {
      expect(local(o.startsAt).toFormat('HH:mm')).toBe('14:00');
      expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(2 * 3600_000);
    }
    const offsets = result.map((o) => local(o.startsAt).offset);
    expect(offsets[0]).not.toBe(offsets[2]);
  });

  it('a meeting that spans the night of the change lasts its real duration', () => {
    // 2026-10-24 23:00 + 4 h of real time = 02:00 winter time (the clock went back at 03:00).
    const [o] = expandRule(
      {
        rule: 'FREQ=DAILY;COUNT=1',
        startTime: '23:00',
        durationMinutes: 240,
        startsOn: '2026-10-24',
      },
      at('2026-10-01T00:00:00Z'),
      at('2026-11-01T00:00:00Z'),
    );
    expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(4 * 3600_000);
  });

  it('respects the start date and the window', () => {
    const result = expandRule(
      {
        rule: 'FREQ=MONTHLY;BYDAY=1TU',
        startTime: '14:00',
        durationMinutes: 120,
        startsOn: '2027-02-01',
      },
      at('2026-11-23T10:00:00Z'),
      at('2027-04-01T00:00:00Z'),
    );
    expect(result.map((o) => o.localDate)).toEqual(['2027-02-02', '2027-03-02']);
  });
});

describe('local times', () => {
  it('reads a local date and time in Brussels', () => {
    expect(localToInstant('2026-07-01', '14:00')?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(localToInstant('2026-12-01', '14:00')?.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(localToInstant('2026-02-30', '14:00')).toBeNull();
    expect(localToInstant('2026-12-01', '25:00')).toBeNull();
  });

  it('checks a rule', () => {
    expect(ruleProblem('FREQ=MONTHLY;BYDAY=1TU')).toBeNull();
    expect(ruleProblem('FREQ=HOURLY')).not.toBeNull();
    expect(ruleProblem('nonsense')).not.toBeNull();
    expect(ruleProblem('DTSTART:20260101T000000Z\nFREQ=DAILY')).not.toBeNull();
  });
});

describe('planOccurrences (regeneration after a rule change)', () => {
  const occ = (iso: string) => ({
    startsAt: at(iso),
    endsAt: new Date(at(iso).getTime() + 7200_000),
    localDate: iso.slice(0, 10),
  });
  const meeting = (
    id: string,
    iso: string,
    extra: Partial<ExistingOccurrence> = {},
  ): ExistingOccurrence => ({
    id,
    occurrenceAt: at(iso),
    generatedFromRule: true,
    touched: false,
    ...extra,
  });

  it('creates only what is missing (running twice changes nothing)', () => {
    const expected = [occ('2026-12-01T13:00:00Z'), occ('2027-01-05T13:00:00Z')];
    const first = planOccurrences(expected, [meeting('a', '2026-12-01T13:00:00Z')]);
    expect(first).toEqual({ create: [expected[1]], remove: [] });
    const again = planOccurrences(expected, [
      meeting('a', '2026-12-01T13:00:00Z'),
      meeting('b', '2027-01-05T13:00:00Z'),
    ]);
    expect(again).toEqual({ create: [], remove: [] });
  });

  it('after a rule change: untouched ones move, touched ones (edited, cancelled, signed up to) stay', () => {
    // Old rule: first Tuesday; new rule: first Thursday.
    const expected = [
      occ('2026-12-03T13:00:00Z'),
      occ('2027-01-07T13:00:00Z'),
      occ('2027-02-04T13:00:00Z'),
      occ('2027-03-04T13:00:00Z'),
    ];
    const plan = planOccurrences(expected, [
      meeting('untouched', '2026-12-01T13:00:00Z'),
      meeting('edited', '2027-01-05T13:00:00Z', { touched: true }),
      meeting('cancelled', '2027-02-02T13:00:00Z', { touched: true }),
      meeting('signed-up', '2027-03-02T13:00:00Z', { touched: true }),
      meeting('one-off', '2027-03-10T13:00:00Z', { generatedFromRule: false, occurrenceAt: null }),
    ]);
    expect(plan.remove).toEqual(['untouched']);
    expect(plan.create).toEqual(expected);
  });

  it('a moved (edited) meeting keeps its occurrence: no second meeting for it', () => {
    const expected = [occ('2026-12-01T13:00:00Z')];
    const plan = planOccurrences(expected, [
      meeting('moved', '2026-12-01T13:00:00Z', { touched: true }),
    ]);
    expect(plan).toEqual({ create: [], remove: [] });
  });
});
