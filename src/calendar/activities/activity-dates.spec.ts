import { describeRule } from '../../events/schedule';
import { instantToLocal } from '../../events/recurrence';
import { expectedDates, ruleFor, type ActivityTiming } from './activity-dates';

const timing = (over: Partial<ActivityTiming>): ActivityTiming => ({
  recurrenceRule: null,
  startsOn: '2027-03-04',
  endsOn: null,
  allDay: false,
  startTime: '14:00',
  durationMinutes: 90,
  ...over,
});
const NOW = new Date('2027-03-01T09:00:00Z');

describe("an activity's dates", () => {
  it("take the rule's weekday and week from the first date", () => {
    // 2027-03-04 is the first Thursday of March; 2027-03-30 the fifth Tuesday (the last).
    expect(ruleFor('weekly', '2027-03-04')).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(ruleFor('biweekly', '2027-03-04')).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    expect(ruleFor('monthly', '2027-03-09')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(ruleFor('monthly', '2027-03-30')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
  });

  it('are one date for a one-off, none once it has begun', () => {
    const once = expectedDates(timing({}), NOW);
    expect(once).toHaveLength(1);
    expect(instantToLocal(once[0].startsAt)).toEqual({ date: '2027-03-04', time: '14:00' });
    expect(once[0].endsAt.getTime() - once[0].startsAt.getTime()).toBe(90 * 60_000);
    expect(expectedDates(timing({}), new Date('2027-03-04T13:30:00Z'))).toEqual([]);
  });

  it('follow the rule from the first date up to the last one, at the local hour across DST', () => {
    const dates = expectedDates(
      timing({ recurrenceRule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', endsOn: '2027-04-15' }),
      NOW,
    );
    // Summer time starts on 28 March: the hour stays 14:00 in Brussels.
    expect(dates.map((d) => instantToLocal(d.startsAt))).toEqual([
      { date: '2027-03-04', time: '14:00' },
      { date: '2027-03-18', time: '14:00' },
      { date: '2027-04-01', time: '14:00' },
      { date: '2027-04-15', time: '14:00' },
    ]);
  });

  it('run from midnight to midnight for a whole day, also the day the clocks change', () => {
    const [spring] = expectedDates(
      timing({ startsOn: '2027-03-28', allDay: true, startTime: '00:00', durationMinutes: 1440 }),
      NOW,
    );
    expect(instantToLocal(spring.startsAt)).toEqual({ date: '2027-03-28', time: '00:00' });
    expect(instantToLocal(spring.endsAt)).toEqual({ date: '2027-03-29', time: '00:00' });
    expect(spring.endsAt.getTime() - spring.startsAt.getTime()).toBe(23 * 3600_000);
  });

  it('are described in plain Dutch', () => {
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '14:00', 90)).toBe(
      'Om de twee weken op donderdag, van 14.00 tot 15.30 uur.',
    );
    expect(describeRule('FREQ=MONTHLY;BYDAY=-1TU', '19:00', 120)).toBe(
      'Elke laatste dinsdag van de maand, van 19.00 tot 21.00 uur.',
    );
    expect(describeRule('FREQ=WEEKLY;BYDAY=SA', '00:00', 1440, true)).toBe(
      'Elke zaterdag, de hele dag.',
    );
    expect(describeRule(null, '14:00', 60)).toBeNull();
  });
});
