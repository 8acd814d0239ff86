import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What to undo at the end (servers, processes, connections), last added first. */
export const cleanups: Array<() => unknown> = [];

async function cleanup(): Promise<void> {
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (e) {
      console.error('[bench] cleanup:', (e as Error).message);
    }
  }
  cleanups.length = 0;
}

/**
 * Runs a benchmark's `main` and always cleans up: never leave servers behind, also on Ctrl-C, on
 * a kill, and when stdout goes away (a pipe closed early, e.g. `npm run bench | head`).
 */
export function runBench(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(
      signal,
      () => void cleanup().then(() => process.exit(128 + os.constants.signals[signal])),
    );
  }
  process.stdout.on('error', () => void cleanup().then(() => process.exit(1)));
  main()
    .then(cleanup)
    .catch(async (e: unknown) => {
      console.error('[bench] failed:', e instanceof Error ? e.message : e);
      await cleanup();
      process.exitCode = 1;
    });
}

const services = require('../../scripts/lib/services.js');

export interface BenchServices {
  pgPort: number;
  /** PostgreSQL's data directory (its postmaster.pid names the server process). */
  pgDataDir: string;
  /** Superuser URL of a database (RLS does not apply; the users table is global). */
  superuserUrl(database: string): string;
  database: string;
  ownerUrl: string;
  appUrl: string;
  redisUrl: string;
}

/**
 * Embedded PostgreSQL (roles created, migrated as `mzh_owner`) and a `redis-server`, on free
 * loopback ports with fresh passwords, data under `.data/bench-*`; both are stopped and their data
 * removed by the cleanup. `pgLog` receives PostgreSQL's log output.
 */
export async function startBenchServices(
  ROOT: string,
  pgLog: (chunk: unknown) => void = () => {},
): Promise<BenchServices> {
  const secret = () => randomBytes(12).toString('hex');
  const secrets = { superuser: secret(), owner: secret(), app: secret() };
  const pgPort: number = await services.freePort();
  const redisPort: number = await services.freePort();
  const pg = await services.startPostgres({
    dataDir: path.join(ROOT, '.data', `bench-pg-${pgPort}`),
    port: pgPort,
    password: secrets.superuser,
    durable: false, // a throw-away cluster, as in the tests
    log: pgLog,
  });
  cleanups.push(async () => {
    await pg.stop();
    fs.rmSync(pg.dataDir, { recursive: true, force: true });
  });
  const database = 'mzh_bench';
  await services.bootstrapRoles(pg.superuserUrl('postgres'), {
    ownerPassword: secrets.owner,
    appPassword: secrets.app,
    database,
  });
  const ownerUrl = services.roleUrl('mzh_owner', secrets.owner, pgPort, database);
  await services.migrate(ownerUrl);
  const redis = await services.startRedis({
    port: redisPort,
    dir: path.join(ROOT, '.data', `bench-redis-${redisPort}`),
  });
  cleanups.push(() => redis.stop({ removeDir: true }));
  return {
    pgPort,
    pgDataDir: pg.dataDir,
    superuserUrl: (db) => pg.superuserUrl(db),
    database,
    ownerUrl,
    appUrl: services.roleUrl('mzh_app', secrets.app, pgPort, database),
    redisUrl: redis.url,
  };
}
