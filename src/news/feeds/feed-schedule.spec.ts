import { DAY_MINUTES, isFlagged, minutesAfterFailure, minutesAfterSuccess } from './feed-schedule';

describe('feed schedule', () => {
  it('after a success: the interval, or the longer time the server asked for', () => {
    expect(minutesAfterSuccess(60, null)).toBe(60);
    expect(minutesAfterSuccess(60, 30)).toBe(60); // a hint never makes it more often
    expect(minutesAfterSuccess(60, 180)).toBe(180);
    expect(minutesAfterSuccess(15, 5000)).toBe(DAY_MINUTES);
  });

  it('after failures: the interval × 2^failures, at most a day; a day once flagged', () => {
    expect([1, 2, 3, 4].map((n) => minutesAfterFailure(60, n, null))).toEqual([120, 240, 480, 960]);
    expect(minutesAfterFailure(60, 5, null)).toBe(DAY_MINUTES);
    expect(minutesAfterFailure(60, 12, null)).toBe(DAY_MINUTES);
    expect(minutesAfterFailure(600, 2, null)).toBe(DAY_MINUTES);
    expect(minutesAfterFailure(15, 1, null)).toBe(30);
  });

  it('a Retry-After longer than the backoff is honoured', () => {
    expect(minutesAfterFailure(15, 1, 120)).toBe(120);
    expect(minutesAfterFailure(60, 1, 30)).toBe(120);
  });

  it('flags a feed from the fifth failure in a row', () => {
    expect(isFlagged(4)).toBe(false);
    expect(isFlagged(5)).toBe(true);
  });
});
