import { currentReminder, reminderDueAt } from './reminder-timing';

const ZONE = 'Europe/Brussels';
const at = (iso: string) => new Date(iso);
const HOUR = 3600_000;

describe('reminder planning', () => {
  describe('reminderDueAt: whole days are calendar days in the café’s time zone', () => {
    it('puts "7 days before" a meeting just after the spring change at the same local time (13:00 UTC, not 12:00)', () => {
      // Tuesday 31 March 2026 14:00 CEST; the clocks went forward on Sunday 29 March.
      const meeting = at('2026-03-31T12:00:00Z');
      expect(reminderDueAt(meeting, 7 * 1440, ZONE).toISOString()).toBe('2026-03-24T13:00:00.000Z');
      expect(reminderDueAt(meeting, 1440, ZONE).toISOString()).toBe('2026-03-30T12:00:00.000Z');
    });

    it('makes "1 day before" 23 hours across the spring change and 25 hours across the autumn one', () => {
      const spring = at('2026-03-29T12:00:00Z'); // Sunday 14:00 CEST
      expect(spring.getTime() - reminderDueAt(spring, 1440, ZONE).getTime()).toBe(23 * HOUR);
      const autumn = at('2026-10-25T13:00:00Z'); // Sunday 14:00 CET
      expect(autumn.getTime() - reminderDueAt(autumn, 1440, ZONE).getTime()).toBe(25 * HOUR);
      // 2027: 28 March and 31 October.
      const spring27 = at('2027-03-30T12:00:00Z'); // Tuesday 14:00 CEST
      expect(reminderDueAt(spring27, 7 * 1440, ZONE).toISOString()).toBe(
        '2027-03-23T13:00:00.000Z',
      );
      const autumn27 = at('2027-11-02T13:00:00Z'); // Tuesday 14:00 CET
      expect(reminderDueAt(autumn27, 7 * 1440, ZONE).toISOString()).toBe(
        '2027-10-26T12:00:00.000Z',
      );
    });

    it('keeps other offsets as plain durations, also across the change', () => {
      const spring = at('2026-03-29T12:00:00Z');
      expect(reminderDueAt(spring, 90, ZONE).toISOString()).toBe('2026-03-29T10:30:00.000Z');
      expect(reminderDueAt(spring, 12 * 60, ZONE).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    });
  });

  describe('currentReminder: the one reminder due now', () => {
    const meeting = at('2026-12-01T13:00:00Z'); // Tuesday 14:00 CET
    const offsets = [10080, 1440];

    it('is none before the first moment and after the meeting began', () => {
      expect(currentReminder(meeting, offsets, ZONE, at('2026-11-24T12:59:00Z'))).toBeNull();
      expect(currentReminder(meeting, offsets, ZONE, at('2026-12-01T13:00:00Z'))).toBeNull();
    });

    it('is the 7-day reminder from its moment until the 1-day moment, then the 1-day one', () => {
      expect(currentReminder(meeting, offsets, ZONE, at('2026-11-24T13:00:00Z'))).toEqual({
        offset: 10080,
        dueAt: at('2026-11-24T13:00:00Z'),
      });
      expect(currentReminder(meeting, offsets, ZONE, at('2026-11-30T12:59:59Z'))?.offset).toBe(
        10080,
      );
      expect(currentReminder(meeting, offsets, ZONE, at('2026-11-30T13:00:00Z'))).toEqual({
        offset: 1440,
        dueAt: at('2026-11-30T13:00:00Z'),
      });
    });

    it('skips a missed earlier reminder: after a long outage only the latest one is due', () => {
      expect(currentReminder(meeting, offsets, ZONE, at('2026-12-01T08:00:00Z'))?.offset).toBe(
        1440,
      );
    });

    it('ignores offsets that are not whole positive minutes, whatever their order', () => {
      expect(
        currentReminder(meeting, [0, -5, 1.5, 1440, 10080], ZONE, at('2026-11-30T14:00:00Z'))
          ?.offset,
      ).toBe(1440);
      expect(currentReminder(meeting, [], ZONE, at('2026-11-30T14:00:00Z'))).toBeNull();
    });

    it('follows local time across the autumn change: the 1-day reminder of Sunday 25 October 2026 14:00 is due on Saturday 14:00 CEST', () => {
      const sunday = at('2026-10-25T13:00:00Z');
      expect(currentReminder(sunday, offsets, ZONE, at('2026-10-24T11:59:00Z'))?.offset).toBe(
        10080,
      );
      expect(currentReminder(sunday, offsets, ZONE, at('2026-10-24T12:00:00Z'))?.offset).toBe(1440);
    });
  });
});
