import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import type { Site } from '../tenancy/request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Long opaque path segments and query values are tokens (login links, invitations): never log them. */
export function redactUrl(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{24,}/g, (m) => (UUID.test(m) ? m : '[redacted]'));
}

/**
 * Structured logs (pino): one line per request with its id and host, never cookies, passwords,
 * tokens or bodies (bodies are not logged at all).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'warn' : 'info'),
      genReqId: (req: IncomingMessage) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz' || (req.url ?? '').startsWith('/assets/') },
      // Which municipality a request was for (set by the host resolver).
      customProps: (_req: IncomingMessage, res: ServerResponse) => {
        const site = (res as ServerResponse & { locals?: { site?: Site } }).locals?.site;
        return { tenant: site?.kind === 'tenant' ? site.tenant.slug : site ? 'platform' : undefined };
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; headers: Record<string, string> }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          host: req.headers?.host,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password', 'token', '*.token'], censor: '[redacted]' },
    },
  };
}
