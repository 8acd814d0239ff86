import { Client } from 'pg';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

/** The readiness check against a PostgreSQL that really stops answering (not a mock). */
describe('health: /readyz when PostgreSQL is down', () => {
  let t: TestApp;
  let admin: Client;

  /** Refuse new connections to the app's database and cut the open ones (the pool's too). */
  async function databaseDown(): Promise<void> {
    await admin.query(`ALTER DATABASE ${t.db.name} ALLOW_CONNECTIONS false`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [t.db.name],
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    admin = new Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${t.db.name} ALLOW_CONNECTIONS true`);
    await admin.end();
    await t.close();
  });

  it('answers 503 naming the database, within the check timeout, and 200 again once it is back', async () => {
    const ready = await t.agent(null).get('/readyz').expect(200);
    expect(ready.body.info.database.status).toBe('up');

    await databaseDown();
    const started = Date.now();
    const res = await t.agent('gent').get('/readyz');
    const tookMs = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.body.status).toBe('error');
    expect(res.body.error.database.status).toBe('down');
    expect(res.body.info.redis.status).toBe('up');
    // A load balancer must hear it quickly: the check gives up after a second (the bound is
    // loose for a busy machine; a hanging check would take the pool's connect timeout or forever).
    expect(tookMs).toBeLessThan(5000);
    // Liveness does not depend on the database: the process is fine.
    await t.agent(null).get('/healthz').expect(200, { status: 'ok' });

    await admin.query(`ALTER DATABASE ${t.db.name} ALLOW_CONNECTIONS true`);
    await eventually(
      async () => (await t.agent(null).get('/readyz')).status === 200,
      10_000,
      '/readyz to answer 200 after PostgreSQL is back',
    );
  });
});
