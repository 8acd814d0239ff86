import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo cafés', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every demo municipality a café with hosts, meetings ahead and one within a week; once', async () => {
    const first = await seedDemoData(db.appUrl, 'development');
    expect(first.cafesCreated).toBe(4);
    expect(first.meetingsCreated).toBeGreaterThanOrEqual(4 * 7);
    const rows = await queryAs<{
      slug: string;
      hosts: string;
      ahead: string;
      soon: string;
      themed: string;
      past: string;
    }>(
      db.adminUrl,
      `select t.slug,
         (select count(*) from cafe_hosts h where h.cafe_id = c.id) as hosts,
         (select count(*) from meetings m where m.cafe_id = c.id and m.starts_at > now()) as ahead,
         (select count(*) from meetings m where m.cafe_id = c.id and m.starts_at > now()
             and m.starts_at < now() + interval '7 days') as soon,
         (select count(*) from meetings m where m.cafe_id = c.id and m.speaker is not null) as themed,
         (select count(*) from meetings m where m.cafe_id = c.id and m.starts_at < now()) as past
       from cafes c join tenants t on t.id = c.tenant_id order by t.slug`,
    );
    expect(rows.map((r) => r.slug)).toEqual(['gent', 'ieper', 'poperinge', 'veurne']);
    for (const r of rows) {
      expect(Number(r.hosts)).toBe(2);
      expect(Number(r.ahead)).toBeGreaterThanOrEqual(6);
      expect(Number(r.soon)).toBeGreaterThanOrEqual(1);
      expect(Number(r.themed)).toBeGreaterThanOrEqual(2);
      expect(Number(r.past)).toBe(2);
    }
    const count = () => queryAs<{ n: string }>(db.adminUrl, 'select count(*) as n from meetings');
    const before = await count();
    const second = await seedDemoData(db.appUrl, 'development');
    expect([second.cafesCreated, second.meetingsCreated]).toEqual([0, 0]);
    expect(await count()).toEqual(before);
  });
});
