import { howSoon, reminderKeyPrefix } from './reminder-plan';

const ZONE = 'Europe/Brussels';
const at = (iso: string) => new Date(iso);

describe('reminder planning', () => {
  it('keys reminders by meeting and start time (a moved meeting gets new keys)', () => {
    expect(reminderKeyPrefix('m1', at('2026-12-01T13:00:00Z'))).toBe(
      'reminder:m1:2026-12-01T13:00:00.000Z:',
    );
    expect(reminderKeyPrefix('m1', at('2026-12-08T13:00:00Z'))).not.toBe(
      reminderKeyPrefix('m1', at('2026-12-01T13:00:00Z')),
    );
  });

  it('says how soon in calendar days of the café, also just after midnight and across a change', () => {
    const meeting = at('2026-12-01T13:00:00Z');
    expect(howSoon(meeting, at('2026-12-01T06:00:00Z'), ZONE)).toBe('vandaag');
    expect(howSoon(meeting, at('2026-11-30T22:59:00Z'), ZONE)).toBe('morgen'); // 23:59 local
    expect(howSoon(meeting, at('2026-11-30T23:01:00Z'), ZONE)).toBe('vandaag'); // 00:01 local
    expect(howSoon(meeting, at('2026-11-24T13:00:00Z'), ZONE)).toBe('over een week');
    expect(howSoon(meeting, at('2026-11-28T13:00:00Z'), ZONE)).toBe('over 3 dagen');
    expect(howSoon(at('2026-03-31T12:00:00Z'), at('2026-03-24T13:00:00Z'), ZONE)).toBe(
      'over een week',
    );
  });
});
