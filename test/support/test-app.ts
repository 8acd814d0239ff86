import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createWebApp } from '../../src/app';
import { Clock } from '../../src/common/clock';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createTestDatabase, type TestDatabase } from './database';

export const BASE_DOMAIN = 'localhost';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  /** Port the app listens on (for the browser and for raw HTTP). */
  port: number;
  /** A supertest agent for one host: 'gent' → gent.localhost, null → the platform site. */
  agent(slug: string | null): ReturnType<typeof request.agent>;
  url(slug: string | null, path?: string): string;
  get<T>(token: new (...args: never[]) => T): T;
  /** The app's clock: the one given as `createTestApp({ clock })`, else the system clock. */
  clock: Clock;
  close(): Promise<void>;
}

export function hostFor(slug: string | null): string {
  return slug ? `${slug}.${BASE_DOMAIN}` : BASE_DOMAIN;
}

/**
 * Builds the real application against a fresh database (cloned from the template), the shared
 * test Redis (its own key prefix) and, when given, an SMTP sink; listens on a free port.
 */
export async function createTestApp(
  options: {
    smtpUrl?: string;
    worker?: boolean;
    env?: Record<string, string>;
    /** Another node of the same deployment: same database, Redis prefix and session secret. */
    sameDeploymentAs?: TestApp;
    /**
     * "Now" for the whole app (a `TestClock` from src/common/clock.ts, set between groups of
     * tests); a second node of the same deployment shares its peer's clock.
     */
    clock?: Clock;
  } = {},
): Promise<TestApp> {
  const peer = options.sameDeploymentAs;
  const db = peer ? peer.db : await createTestDatabase();
  const prefix = peer ? peer.config.redisPrefix : `t${randomBytes(4).toString('hex')}`;
  // Without an SMTP sink mail becomes .eml files: in a directory of this app's own, never in the
  // developer's .data/mail (their development mailbox).
  const mailDir = options.env?.MAIL_DIR ?? (await mkdtemp(join(tmpdir(), 'mzh-test-mail-')));
  const config = loadConfig({
    DATABASE_URL: db.appUrl,
    DATABASE_OWNER_URL: db.ownerUrl,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: prefix,
    SMTP_URL: options.smtpUrl,
    MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.test>',
    BASE_DOMAIN,
    PORT: '3000',
    SESSION_SECRET: peer ? peer.config.SESSION_SECRET : randomBytes(32).toString('hex'),
    MAIL_DIR: mailDir,
    NODE_ENV: 'test',
    ...options.env,
  });
  const app = await createWebApp(config, {
    worker: options.worker ?? true,
    clock: options.clock ?? peer?.clock,
  });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  // Links in e-mails must point at the port the test app really listens on.
  (config as { PORT: number }).PORT = port;
  const server = app.getHttpServer();
  return {
    app,
    config,
    db,
    port,
    agent: (slug) => request.agent(server).host(hostFor(slug)),
    url: (slug, path = '/') => `http://${hostFor(slug)}:${port}${path}`,
    get: (token) => app.get(token),
    clock: app.get(Clock),
    async close() {
      await app.close();
      if (!options.env?.MAIL_DIR) await rm(mailDir, { recursive: true, force: true });
      if (!peer) await db.drop();
    },
  };
}
