import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import type { Params } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import type { Site } from '../tenancy/request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Long opaque path segments and query values are tokens (login links, invitations): never log them. */
export function redactUrl(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{24,}/g, (m) => (UUID.test(m) ? m : '[redacted]'));
}

function siteName(site: Site | undefined): string | undefined {
  return site ? (site.kind === 'tenant' ? site.tenant.slug : 'platform') : undefined;
}

/**
 * The process's one pino logger. Every line written while a request is handled carries its
 * request id and municipality (read from the request context); cookies, passwords and tokens
 * are redacted and bodies are never logged.
 */
export function createRootLogger(config: AppConfig): Logger {
  return pino({
    level: config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'warn' : 'info'),
    redact: {
      paths: ['password', '*.password', 'token', '*.token', 'headers.cookie'],
      censor: '[redacted]',
    },
    mixin() {
      const cls = ClsServiceManager.getClsService();
      if (!cls.isActive()) return {};
      return { reqId: cls.getId(), tenant: siteName(cls.get<Site>('site')) };
    },
  });
}

/**
 * nestjs-pino routes Nest's own logs to our logger. Its per-request pino-http child logger is
 * switched off (excluded everywhere): it cost ~115 µs per request (docs/benchmarks.md), and
 * `requestLog` below writes the one line per request more cheaply.
 */
export function loggerOptions(logger: Logger): Params {
  return {
    pinoHttp: { logger, autoLogging: false },
    exclude: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

const QUIET_PATHS = /^\/(healthz|readyz|assets\/)/;

/** One line per request (method, redacted URL, host, status, duration), at info level. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!logger.isLevelEnabled('info') || QUIET_PATHS.test(req.path)) return next();
    const started = process.hrtime.bigint();
    const reqId = ClsServiceManager.getClsService().getId();
    res.once('finish', () => {
      logger.info(
        {
          reqId,
          tenant: siteName(res.locals.site as Site | undefined),
          req: { method: req.method, url: redactUrl(req.originalUrl), host: req.headers.host },
          res: { statusCode: res.statusCode },
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request completed',
      );
    });
    next();
  };
}

/** The proxy's X-Request-Id when it sends one (so logs line up), else a new id. */
export function requestId(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Injection token of the root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
