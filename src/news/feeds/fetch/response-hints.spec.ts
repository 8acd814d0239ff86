import {
  expiresAtOnce,
  hintsFrom,
  MAX_HINT_MINUTES,
  maxAgeSeconds,
  retryAfterSeconds,
} from './response-hints';

const NOW = new Date('2026-01-10T09:00:00Z');

describe('feed response hints', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('120', NOW)).toBe(120);
    expect(retryAfterSeconds(' 0 ', NOW)).toBe(0);
    expect(retryAfterSeconds('Sat, 10 Jan 2026 10:30:00 GMT', NOW)).toBe(5400);
    expect(retryAfterSeconds('Sat, 10 Jan 2026 08:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterSeconds('morgen', NOW)).toBeNull();
    expect(retryAfterSeconds(undefined, NOW)).toBeNull();
  });

  it('reads max-age from Cache-Control', () => {
    expect(maxAgeSeconds('public, max-age=3600')).toBe(3600);
    expect(maxAgeSeconds('max-age=60, s-maxage=600')).toBe(600);
    expect(maxAgeSeconds('no-cache')).toBeNull();
    expect(maxAgeSeconds(undefined)).toBeNull();
  });

  it('Expires: 0, junk or a past date means stale at once; a future date does not', () => {
    expect(expiresAtOnce('0', undefined, NOW)).toBe(true);
    expect(expiresAtOnce('-1', undefined, NOW)).toBe(true);
    expect(expiresAtOnce('Thu, 01 Jan 1970 00:00:00 GMT', undefined, NOW)).toBe(true);
    expect(
      expiresAtOnce('Sat, 10 Jan 2026 09:00:00 GMT', 'Sat, 10 Jan 2026 09:00:00 GMT', NOW),
    ).toBe(true);
    expect(
      expiresAtOnce('Sat, 10 Jan 2026 10:00:00 GMT', 'Sat, 10 Jan 2026 09:00:00 GMT', NOW),
    ).toBe(false);
    expect(expiresAtOnce('Sun, 11 Jan 2026 09:00:00 GMT', undefined, NOW)).toBe(false);
    expect(expiresAtOnce(undefined, undefined, NOW)).toBe(false);
  });

  it('takes the longest hint in whole minutes, rounded up, at most a day; none is null', () => {
    expect(hintsFrom(null, 61, 30)).toEqual({ minIntervalMinutes: 2 });
    expect(hintsFrom(7200, 3600)).toEqual({ minIntervalMinutes: 120 });
    expect(hintsFrom(10 * 365 * 86400)).toEqual({ minIntervalMinutes: MAX_HINT_MINUTES });
    expect(hintsFrom(null, 0)).toEqual({ minIntervalMinutes: null });
    expect(hintsFrom()).toEqual({ minIntervalMinutes: null });
  });
});
