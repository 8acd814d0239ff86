import * as argon2 from 'argon2';
import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { DEMO_MUNICIPALITIES, DEMO_PASSWORD } from './demo-data';
import { SeedRefused, seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('seedDemoData', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const snapshot = () =>
    queryAs(
      db.adminUrl,
      `select (select string_agg(t::text, '|' order by slug) from tenants t) as tenants,
              (select string_agg(u::text, '|' order by email) from users u) as users,
              (select string_agg(m::text, '|' order by tenant_id, user_id) from memberships m) as memberships`,
    );

  it('creates the demo municipalities and people once; a second run changes nothing', async () => {
    const first = await seedDemoData(db.appUrl, 'development');
    const people = new Set(DEMO_MUNICIPALITIES.flatMap((m) => m.members.map((p) => p.email)));
    expect(first.tenantsCreated).toBe(4);
    expect(first.usersCreated).toBe(people.size + 1);
    expect(first.membershipsCreated).toBe(
      DEMO_MUNICIPALITIES.reduce((n, m) => n + m.members.length, 0),
    );

    const before = await snapshot();
    const second = await seedDemoData(db.appUrl, 'development');
    expect([second.tenantsCreated, second.usersCreated, second.membershipsCreated]).toEqual([
      0, 0, 0,
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('makes verified accounts with the demo password and a platform admin', async () => {
    const users = await queryAs<{
      email: string;
      password_hash: string;
      email_verified_at: Date | null;
      platform_admin: boolean;
    }>(
      db.adminUrl,
      'select email, password_hash, email_verified_at, platform_admin from users order by email',
    );
    expect(users.every((u) => u.email_verified_at !== null)).toBe(true);
    expect(users.filter((u) => u.platform_admin).map((u) => u.email)).toEqual([
      'platform@mantelzorghub.test',
    ]);
    expect(await argon2.verify(users[0].password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('wrote memberships through row-level security: each tenant sees only its own', async () => {
    const [gent] = await queryAs<{ id: string }>(
      db.adminUrl,
      "select id from tenants where slug = 'gent'",
    );
    const rows = await queryAs<{ n: string }>(
      db.appUrl,
      "select set_config('app.tenant_id', $1, false), (select count(*) from memberships) as n",
      [gent.id],
    );
    expect(Number(rows[0].n)).toBe(4);
    const none = await queryAs<{ n: string }>(db.appUrl, 'select count(*) as n from memberships');
    expect(Number(none[0].n)).toBe(0);
  });

  it('refuses production before touching the database', async () => {
    await expect(seedDemoData('postgres://nobody@127.0.0.1:1/none', 'production')).rejects.toThrow(
      SeedRefused,
    );
  });
});
