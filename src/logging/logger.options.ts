import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import type { Params } from 'nestjs-pino';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import type { Site } from '../tenancy/request-context';
import { UUID } from '../common/uuid';

/** Long opaque path segments and query values are tokens (login links, invitations): never log them. */
export function redactUrl(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{24,}/g, (m) => (UUID.test(m) ? m : '[redacted]'));
}

/**
 * Query parameters whose values may appear in the access log: page numbers, months, cache
 * busters, a return path. Any other parameter can carry what a person typed (the host search's
 * `?zoek=` holds names and e-mail addresses), so only its name is logged.
 */
const LOGGED_QUERY_PARAMS = new Set(['pagina', 'maand', 'v', 'overal', 'aanvraag', 'terug']);
/** A value or name short and plain enough to be no one's name or address. */
const PLAIN = /^[\w./:-]{0,64}$/;

/**
 * The URL as the access log writes it: tokens redacted (redactUrl), and of the query only the
 * allowlisted parameters' values; other parameters become `name=[redacted]` (a name that is not a
 * plain word is dropped too: someone could type an address as a parameter name).
 */
export function logSafeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return redactUrl(url);
  const parts: string[] = [];
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    if (!/^[\w-]{1,32}$/.test(name)) continue;
    const shown = LOGGED_QUERY_PARAMS.has(name) && PLAIN.test(value) ? value : '[redacted]';
    parts.push(`${name}=${shown}`);
  }
  const path = url.slice(0, q);
  return redactUrl(parts.length ? `${path}?${parts.join('&')}` : path);
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

const QUIET_PATHS = /^\/(healthz|readyz|favicon\.ico|assets\/)/;

/** One line per request (method, URL as logSafeUrl gives it, host, status, duration), at info level. */
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
          req: { method: req.method, url: logSafeUrl(req.originalUrl), host: req.headers.host },
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
