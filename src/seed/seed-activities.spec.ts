import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo activities', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("give every hub a month of varied activities with their dates and one professional's proposal awaiting review; once", async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = () =>
      queryAs<{
        slug: string;
        published: number;
        waiting: number;
        proposer: string | null;
        kinds: number;
        recurring: number;
        online: number;
        dates: number;
        soon: number;
      }>(
        db.adminUrl,
        `select t.slug,
                count(*) filter (where a.status = 'published')::int as published,
                count(*) filter (where a.status = 'submitted')::int as waiting,
                max(m.role) as proposer,
                count(distinct a.category)::int as kinds,
                count(*) filter (where a.recurrence_rule is not null)::int as recurring,
                count(*) filter (where a.online)::int as online,
                (select count(*) from activity_occurrences o where o.tenant_id = t.id)::int as dates,
                (select count(*) from activity_occurrences o where o.tenant_id = t.id
                   and o.starts_at < now() + interval '31 days')::int as soon
           from tenants t join activities a on a.tenant_id = t.id
           left join memberships m on m.tenant_id = a.tenant_id and m.id = a.submitted_by
          group by t.id, t.slug order by t.slug`,
      );
    const first = await read();
    expect(first.map((h) => h.slug)).toEqual(['gent', 'ieper', 'poperinge', 'veurne']);
    for (const hub of first) {
      expect(hub).toMatchObject({ published: 7, waiting: 1, proposer: 'professional', online: 1 });
      expect(hub.kinds).toBeGreaterThanOrEqual(6);
      expect(hub.recurring).toBe(3);
      // The coming month is full: weekly, fortnightly and monthly dates and the one-offs.
      expect(hub.soon).toBeGreaterThanOrEqual(12);
      expect(hub.dates).toBeGreaterThan(hub.soon);
    }
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
