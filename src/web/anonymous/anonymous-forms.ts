import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { DateTime } from 'luxon';
import { Clock } from '../../common/clock';
import { LOCAL_ZONE } from '../../common/dates';
import { SignedLinks } from '../../common/signed-links';
import { RedisConnections } from '../../redis/redis.module';

/** How long a form's token is accepted: a page left open overnight still works the next morning. */
const TOKEN_HOURS = 36;
/** A day's key is kept a little past its day (a vote at 23:59 is folded at 00:01 of the same day). */
const DAY_KEY_SECONDS = 26 * 3600;

export type AnonymousCheck = 'ok' | 'origin' | 'token';

/**
 * Small forms for readers without an account ("Was dit nuttig?"), without giving them a cookie
 * (DESIGN.md "Decisions"): the page carries a stateless signed token for one purpose, hub and
 * subject instead of the session's CSRF token; the POST is accepted only from a page of the same
 * host (`Origin`); repeated answers of one visitor on one day are folded by `voterHash`, an HMAC
 * of (IP, user agent, subject) under a random key for that day that Redis forgets after it. The
 * routes live under ANONYMOUS_FORMS_PREFIX (`/a/`).
 */
@Injectable()
export class AnonymousForms {
  constructor(
    private readonly links: SignedLinks,
    private readonly redis: RedisConnections,
    private readonly clock: Clock,
  ) {}

  /** The token a page puts in its form about `subject` (e.g. a page's kind and id) on this hub. */
  token(purpose: string, tenantId: string, subject: string): string {
    const expires = new Date(this.clock.now().getTime() + TOKEN_HOURS * 3600_000);
    return this.links.sign(purpose, tenantId, [subject], expires);
  }

  /**
   * Whether a POST may be taken: sent from a page of this host (a browser always sends `Origin`
   * with a form's POST), with a valid token for this purpose, hub and subject.
   */
  check(req: Request, purpose: string, tenantId: string, subject: string): AnonymousCheck {
    const origin = req.get('origin');
    let sameHost = false;
    try {
      sameHost = !!origin && new URL(origin).host === req.get('host');
    } catch {
      sameHost = false;
    }
    if (!sameHost) return 'origin';
    const token = typeof req.body?.token === 'string' ? (req.body.token as string) : '';
    const verified = this.links.verify(token, purpose);
    if (!verified.ok || verified.payload.t !== tenantId || verified.payload.ids[0] !== subject)
      return 'token';
    return 'ok';
  }

  /** Today in Brussels, the day answers are folded by. */
  today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: LOCAL_ZONE }).toISODate()!;
  }

  /** The visitor's fold for `subject` on `day`: the same for the same IP and browser that day only. */
  async voterHash(req: Request, subject: string, day: string): Promise<string> {
    const key = await this.dayKey(day);
    return createHmac('sha256', key)
      .update(`${req.ip ?? ''}\n${req.get('user-agent') ?? ''}\n${subject}`)
      .digest('hex');
  }

  /** The day's random key: made by whoever asks first (SET NX), gone from Redis after the day. */
  private async dayKey(day: string): Promise<Buffer> {
    const name = this.redis.key(`anonymous:day-key:${day}`);
    const fresh = randomBytes(32).toString('hex');
    await this.redis.command.set(name, fresh, 'EX', DAY_KEY_SECONDS, 'NX');
    const stored = await this.redis.command.get(name);
    return Buffer.from(stored ?? fresh, 'hex');
  }
}
