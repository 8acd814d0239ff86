import { deriveLinkKey, signPayload, verifyToken } from './signed-links';

describe('signed links', () => {
  const key = deriveLinkKey('x'.repeat(40));
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const payload = { p: 'signup-cancel', t: 'tenant-a', ids: ['s1', '42'], exp };

  it('verifies its own token and returns the payload', () => {
    const token = signPayload(key, payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyToken(key, token, 'signup-cancel')).toEqual({ ok: true, payload });
  });

  it('refuses a changed payload, a changed signature and garbage', () => {
    const token = signPayload(key, payload);
    const [body, mac] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...payload, ids: ['s2', '42'] })).toString(
      'base64url',
    );
    expect(verifyToken(key, `${other}.${mac}`, 'signup-cancel')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifyToken(key, flipped, 'signup-cancel').ok).toBe(false);
    for (const bad of ['', 'abc', 'a.b.c', `${body}.`, '.x'])
      expect(verifyToken(key, bad, 'signup-cancel').ok).toBe(false);
  });

  it('refuses another key and another purpose', () => {
    const token = signPayload(key, payload);
    expect(verifyToken(deriveLinkKey('y'.repeat(40)), token, 'signup-cancel').ok).toBe(false);
    expect(verifyToken(key, token, 'unsubscribe').ok).toBe(false);
  });

  it('says when a token expired', () => {
    const token = signPayload(key, { ...payload, exp: Math.floor(Date.now() / 1000) - 1 });
    expect(verifyToken(key, token, 'signup-cancel')).toEqual({ ok: false, reason: 'expired' });
  });
});
