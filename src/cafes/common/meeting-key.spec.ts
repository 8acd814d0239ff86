import { meetingKey, MEETING_KEY } from './meeting-key';

describe('meeting keys', () => {
  it('uses the date, then -2, -3 for more meetings that day', () => {
    expect(meetingKey('2026-12-01', new Set())).toBe('2026-12-01');
    expect(meetingKey('2026-12-01', new Set(['2026-12-01']))).toBe('2026-12-01-2');
    expect(meetingKey('2026-12-01', new Set(['2026-12-01', '2026-12-01-2']))).toBe('2026-12-01-3');
    expect(MEETING_KEY.test('2026-12-01-2')).toBe(true);
    expect(MEETING_KEY.test('beheer')).toBe(false);
  });
});
