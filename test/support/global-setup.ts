import path from 'node:path';
import { Client } from 'pg';
const services = require('../../scripts/lib/services.js');

const ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATE_DB = 'mzh_template';

/**
 * Starts PostgreSQL (embedded) and Redis for the whole run, unless TEST_DATABASE_ADMIN_URL
 * (a superuser URL) and REDIS_URL are given; migrates a template database once; every test file
 * then clones it (test/support/database.ts). Connection facts reach the workers through env.
 */
export default async function globalSetup(): Promise<void> {
  const started: { stop: () => unknown }[] = [];
  (globalThis as { __services?: unknown }).__services = started;
  const secrets = { superuser: 'test-superuser', owner: 'test-owner', app: 'test-app' };

  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    const port = await services.freePort();
    const pg = await services.startPostgres({
      dataDir: path.join(ROOT, '.data', `test-pg-${port}`),
      port,
      password: secrets.superuser,
      durable: false, // a throw-away cluster: no fsync, no waiting for commits to reach the disk
    });
    started.push({
      stop: async () => {
        await pg.stop();
        const fs = require('node:fs');
        fs.rmSync(pg.dataDir, { recursive: true, force: true });
        // The /var/tmp fallback of a checkout in a private folder (services.js): its folder too.
        if (!pg.dataDir.startsWith(ROOT))
          fs.rmSync(path.dirname(pg.dataDir), { force: true, recursive: true });
      },
    });
    adminUrl = pg.superuserUrl('postgres');
  }
  const admin = new URL(adminUrl!);
  await services.bootstrapRoles(adminUrl, {
    ownerPassword: secrets.owner,
    appPassword: secrets.app,
    database: 'postgres',
  });

  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
    TEMPLATE_DB,
  ]);
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`).catch(async () => {
    await client.query(`ALTER DATABASE ${TEMPLATE_DB} IS_TEMPLATE false`);
    await client.query(`DROP DATABASE ${TEMPLATE_DB}`);
  });
  await client.query(`CREATE DATABASE ${TEMPLATE_DB} OWNER mzh_owner`);
  const ownerUrl = services
    .roleUrl('mzh_owner', secrets.owner, Number(admin.port), TEMPLATE_DB)
    .replace('127.0.0.1', admin.hostname);
  await services.migrate(ownerUrl);
  await client.query(`ALTER DATABASE ${TEMPLATE_DB} IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  await client.end();

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const port = await services.freePort();
    const redis = await services.startRedis({
      port,
      dir: path.join(ROOT, '.data', `test-redis-${port}`),
    });
    started.push({ stop: () => redis.stop({ removeDir: true }) });
    redisUrl = redis.url;
  }

  Object.assign(process.env, {
    TEST_DATABASE_ADMIN_URL: adminUrl,
    TEST_PG_HOST: admin.hostname,
    TEST_PG_PORT: admin.port,
    TEST_OWNER_PASSWORD: secrets.owner,
    TEST_APP_PASSWORD: secrets.app,
    REDIS_URL: redisUrl,
    NODE_ENV: 'test',
  });
}
