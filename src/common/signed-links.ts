import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { Clock } from './clock';

/** What a signed link carries: what it is for, the municipality, the ids it acts on, until when. */
export interface SignedPayload {
  /** Purpose, e.g. `signup-cancel`: a token for one purpose never works for another. */
  p: string;
  /** Tenant id: a link only works on the host of the municipality that sent it. */
  t: string;
  ids: string[];
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type VerifyResult =
  { ok: true; payload: SignedPayload } | { ok: false; reason: 'invalid' | 'expired' };

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/** The links' own key, derived from the session secret (never the secret itself). */
export function deriveLinkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('mantelzorghub signed links v1').digest();
}

/** `<payload>.<mac>`, both base64url; the MAC is HMAC-SHA256 over the encoded payload. */
export function signPayload(key: Buffer, payload: SignedPayload): string {
  const body = b64url(JSON.stringify(payload));
  return `${body}.${b64url(createHmac('sha256', key).update(body).digest())}`;
}

/** Checks the MAC in constant time, then the purpose and the expiry. */
export function verifyToken(
  key: Buffer,
  token: string,
  purpose: string,
  now = new Date(),
): VerifyResult {
  const parts = String(token ?? '').split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'invalid' };
  const expected = createHmac('sha256', key).update(parts[0]).digest();
  const given = Buffer.from(parts[1], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (
    !payload ||
    payload.p !== purpose ||
    typeof payload.t !== 'string' ||
    !Array.isArray(payload.ids) ||
    typeof payload.exp !== 'number'
  )
    return { ok: false, reason: 'invalid' };
  if (payload.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

/**
 * Signed one-click links for e-mail (cancel a sign-up, later unsubscribe): stateless, so nothing
 * is stored; the link is the proof. See DESIGN.md "Decisions".
 */
@Injectable()
export class SignedLinks {
  private readonly key: Buffer;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = deriveLinkKey(config.SESSION_SECRET);
  }

  sign(purpose: string, tenantId: string, ids: string[], expiresAt: Date): string {
    return signPayload(this.key, {
      p: purpose,
      t: tenantId,
      ids,
      exp: Math.floor(expiresAt.getTime() / 1000),
    });
  }

  /** Expiry is checked against the app's clock (the links' expiries come from it too). */
  verify(token: string, purpose: string, now = this.clock.now()): VerifyResult {
    return verifyToken(this.key, token, purpose, now);
  }
}
