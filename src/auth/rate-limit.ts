import { createHash } from 'node:crypto';
import { applyDecorators, ExecutionContext, UseGuards } from '@nestjs/common';
import {
  SkipThrottle,
  Throttle,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Request } from 'express';
import { AppConfig } from '../config/app-config';
import { RedisConnections } from '../redis/redis.module';
import { normalizeEmail } from './users.service';

/**
 * Rate limits, counted in Redis so that every web node agrees (@nest-lab/throttler-storage-redis,
 * keys under `<REDIS_PREFIX>:throttle:`). Three named throttlers:
 * - `ip`: per client address and per form (login: 30 per 15 minutes);
 * - `account`: per e-mail address typed in the login form, whether an account exists or not
 *   (10 per 15 minutes), so guessing one person's password from many addresses fails too;
 * - `mail`: per e-mail address, shared by every form that sends mail (registration, login link,
 *   password reset): at most 5 such mails per address per hour, no mail-bombing.
 * The guard is not global: a form opts in with one of the decorators below. A limited request
 * gets the Dutch 429 page (HtmlExceptionFilter).
 */
const MINUTE = 60_000;
export const RATE_LIMITS = {
  ip: { ttl: 15 * MINUTE, limit: 30 },
  account: { ttl: 15 * MINUTE, limit: 10 },
  mail: { ttl: 60 * MINUTE, limit: 5 },
} as const;

function emailOf(req: Request): string | null {
  const email: unknown = (req.body as Record<string, unknown> | undefined)?.email;
  if (typeof email !== 'string' || email.trim() === '') return null;
  return normalizeEmail(email).slice(0, 254);
}

function hashed(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function throttlerOptions(config: AppConfig, redis: RedisConnections) {
  const prefix = `${config.redisPrefix}:throttle`;
  const perRoute = (context: ExecutionContext, tracker: string, name: string) =>
    `${prefix}:${name}:${hashed(context.getClass().name, context.getHandler().name, tracker)}`;
  const throttlers: ThrottlerOptions[] = [
    { name: 'ip', ...RATE_LIMITS.ip, generateKey: perRoute },
    {
      name: 'account',
      ...RATE_LIMITS.account,
      skipIf: (context) => emailOf(context.switchToHttp().getRequest<Request>()) === null,
      getTracker: (req) => emailOf(req as Request) ?? '',
      generateKey: perRoute,
    },
    {
      name: 'mail',
      ...RATE_LIMITS.mail,
      skipIf: (context) => emailOf(context.switchToHttp().getRequest<Request>()) === null,
      getTracker: (req) => emailOf(req as Request) ?? '',
      // One budget per address across all mail-sending forms.
      generateKey: (_context, tracker, name) => `${prefix}:${name}:${hashed(tracker)}`,
    },
  ];
  return {
    throttlers,
    storage: new ThrottlerStorageRedisService(redis.command),
    setHeaders: false,
  };
}

/** Registered once in AppModule (global): the throttler options and the shared Redis storage. */
export const RateLimitModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig, RedisConnections],
  useFactory: throttlerOptions,
});

/** Password login: per IP and per typed e-mail address. */
export const LoginRateLimit = () =>
  applyDecorators(SkipThrottle({ mail: true }), UseGuards(ThrottlerGuard));

/** Forms that send mail to the typed address: per IP and per address (shared mail budget). */
export const MailFormRateLimit = () =>
  applyDecorators(SkipThrottle({ account: true }), UseGuards(ThrottlerGuard));

/** Other credential forms (e-mailed tokens, password change): per IP only. */
export const FormRateLimit = (limit: number = RATE_LIMITS.ip.limit) =>
  applyDecorators(
    SkipThrottle({ account: true, mail: true }),
    Throttle({ ip: { limit, ttl: RATE_LIMITS.ip.ttl } }),
    UseGuards(ThrottlerGuard),
  );
