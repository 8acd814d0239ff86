import { createHash } from 'node:crypto';
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Global,
  HttpException,
  HttpStatus,
  Injectable,
  Module,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { t } from '../i18n/i18n';
import { RedisConnections } from '../redis/redis.module';
import { normalizeEmail } from './users.service';

/**
 * Rate limits, counted in Redis so that every web node agrees. They are built so that nobody can
 * lock another person out: what one client does is counted against that client (its IP, or the
 * pair of its IP and the address it types), and only a daily ceiling is counted per address.
 *
 * - `login`: FAILED password logins (a successful login gives its attempt back) per (address, IP),
 *   per IP, and per address a day. Beyond the daily ceiling password login for that address is
 *   refused until the day is over, while login links keep working. Counted per typed address,
 *   whether an account exists or not, so the answers tell nothing.
 * - `mail`: mails to a typed address (registration, login link, password reset share one budget)
 *   per (address, IP), with a higher daily ceiling per address against mail-bombing from many IPs.
 * - `form`: every submission per IP and per form (also for the mail forms and the login link).
 *
 * Each limit is a fixed window: a counter that starts with the first counted attempt and
 * expires `windowMs` later. The numbers live here and in docs/architecture.md.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RateWindow {
  windowMs: number;
  max: number;
}

export const RATE_LIMITS = {
  login: {
    accountIp: [
      { windowMs: 15 * MINUTE, max: 10 },
      // One IP alone can never reach the address's daily ceiling below.
      { windowMs: DAY, max: 20 },
    ],
    ip: [{ windowMs: 15 * MINUTE, max: 30 }],
    account: [{ windowMs: DAY, max: 50 }],
  },
  mail: {
    addressIp: [
      { windowMs: HOUR, max: 5 },
      { windowMs: DAY, max: 10 },
    ],
    address: [{ windowMs: DAY, max: 30 }],
  },
  form: { windowMs: 15 * MINUTE, max: 30 },
} as const satisfies {
  login: Record<'accountIp' | 'ip' | 'account', readonly RateWindow[]>;
  mail: Record<'addressIp' | 'address', readonly RateWindow[]>;
  form: RateWindow;
};

/** One counter: a Redis key and its window. `scope` says what it counts (for the caller). */
interface Counter {
  scope: string;
  key: string;
  window: RateWindow;
}

/** What `reserve` answers: allowed, or refused by the first full counter (and for how long). */
export type Reservation =
  | { allowed: true; release: () => Promise<void> }
  | { allowed: false; scope: string; retryAfterMs: number };

/**
 * Checks every counter against its maximum and, only if all are below, increments them all: one
 * Lua script, so parallel requests can never overshoot. Answers {0} or {index of the full
 * counter, its remaining ms}.
 */
const RESERVE = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    return {i, redis.call('PTTL', KEYS[i])}
  end
end
for i = 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
  end
end
return {0, 0}`;

/** Gives reserved attempts back (a successful login); a counter that expired meanwhile stays gone. */
const RELEASE = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
    redis.call('DECR', KEYS[i])
  end
end
return 0`;

function hashed(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** The address typed in a form, normalized, or null. */
export function typedEmail(req: Request): string | null {
  const email: unknown = (req.body as Record<string, unknown> | undefined)?.email;
  if (typeof email !== 'string' || email.trim() === '') return null;
  return normalizeEmail(email).slice(0, 254);
}

/** The client address (`trust proxy` decides whether X-Forwarded-For counts). */
function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

@Injectable()
export class RateLimiter {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  /**
   * One hash tag for all rate-limit keys: a multi-key script needs its keys in one Redis Cluster
   * slot. Keys carry hashes only, never an address or IP in clear.
   */
  private counters(scope: string, windows: readonly RateWindow[], ...parts: string[]): Counter[] {
    return windows.map((window) => ({
      scope,
      window,
      key: `{${this.config.redisPrefix}:rl}:${scope}:${window.windowMs}:${hashed(scope, ...parts)}`,
    }));
  }

  /** The counters of a password login attempt for this typed address from this request's IP. */
  loginCounters(req: Request, typed: string): Counter[] {
    const ip = clientIp(req);
    const email = normalizeEmail(typed).slice(0, 254);
    const { accountIp, ip: perIp, account } = RATE_LIMITS.login;
    return [
      ...this.counters('login-account-ip', accountIp, email, ip),
      ...this.counters('login-ip', perIp, ip),
      ...this.counters('login-account', account, email),
    ];
  }

  /** The counters of a form submission: per IP and form, plus the mail budget when it mails. */
  formCounters(req: Request, form: string, limit: RateLimitSpec): Counter[] {
    const ip = clientIp(req);
    const perForm = { windowMs: RATE_LIMITS.form.windowMs, max: limit.max };
    const counters = this.counters('form', [perForm], form, ip);
    const email = limit.kind === 'mail' ? typedEmail(req) : null;
    if (email) {
      counters.push(
        ...this.counters('mail-address-ip', RATE_LIMITS.mail.addressIp, email, ip),
        ...this.counters('mail-address', RATE_LIMITS.mail.address, email),
      );
    }
    return counters;
  }

  async reserve(counters: Counter[]): Promise<Reservation> {
    const keys = counters.map((c) => c.key);
    const args = counters.flatMap((c) => [c.window.max, c.window.windowMs]);
    const [index, ttl] = (await this.redis.command.eval(
      RESERVE,
      keys.length,
      ...keys,
      ...args,
    )) as [number, number];
    if (index === 0) {
      return {
        allowed: true,
        release: async () => {
          await this.redis.command.eval(RELEASE, keys.length, ...keys);
        },
      };
    }
    const full = counters[index - 1];
    return {
      allowed: false,
      scope: full.scope,
      retryAfterMs: ttl > 0 ? ttl : full.window.windowMs,
    };
  }
}

/** "12 minuten", "3 uur": how long until the full counter's window ends (rounded up). */
function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  return minutes <= 90
    ? t('auth.waitMinutes', { n: minutes })
    : t('auth.waitHours', { n: Math.ceil(ms / HOUR) });
}

/**
 * The Dutch 429 page (HtmlExceptionFilter shows a 429's own message), with Retry-After and how
 * long to wait; a full mail budget says so (the typed address had too many mails, not this person).
 */
export function tooManyRequests(
  res: Response,
  refused: { scope: string; retryAfterMs: number },
): HttpException {
  res.setHeader('Retry-After', String(Math.ceil(refused.retryAfterMs / 1000)));
  const key = refused.scope.startsWith('mail-') ? 'auth.tooManyMails' : 'auth.tooManyAttempts';
  return new HttpException(
    t(key, { wait: waitText(refused.retryAfterMs) }),
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

type RateLimitSpec = { kind: 'form' | 'mail'; max: number };
const RATE_LIMIT = 'mzh:rate-limit';

/** Counts every submission of a decorated form before the handler runs. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<RateLimitSpec | undefined>(RATE_LIMIT, context.getHandler());
    if (!spec) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const form = `${context.getClass().name}.${context.getHandler().name}`;
    const reservation = await this.limiter.reserve(this.limiter.formCounters(req, form, spec));
    if (!reservation.allowed)
      throw tooManyRequests(context.switchToHttp().getResponse<Response>(), reservation);
    return true;
  }
}

/** Registered once in AppModule (global): the limiter for the guard and the login controller. */
@Global()
@Module({ providers: [RateLimiter, RateLimitGuard], exports: [RateLimiter, RateLimitGuard] })
export class RateLimitModule {}

/** Forms that send mail to the typed address: per IP and form, and the shared mail budget. */
export const MailFormRateLimit = () =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { kind: 'mail', max: RATE_LIMITS.form.max } satisfies RateLimitSpec),
    UseGuards(RateLimitGuard),
  );

/** Other credential forms (e-mailed tokens, password change, onboarding): per IP and form. */
export const FormRateLimit = (max: number = RATE_LIMITS.form.max) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { kind: 'form', max } satisfies RateLimitSpec),
    UseGuards(RateLimitGuard),
  );
