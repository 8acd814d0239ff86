import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';
import { DEMO_WISHES } from '../cafes/seed/seed-wishes';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo wishes', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every demo café wishes with votes, one planned into a meeting; once', async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = () =>
      queryAs<{ wishes: string; votes: string; planned: string; themed: string }>(
        db.adminUrl,
        `select (select count(*) from wishes w where w.cafe_id = c.id) as wishes,
                (select count(*) from wish_votes v join wishes w on w.id = v.wish_id
                  where w.cafe_id = c.id) as votes,
                (select count(*) from wishes w where w.cafe_id = c.id and w.status = 'planned') as planned,
                (select count(*) from meetings m join wishes w on w.id = m.wish_id
                  where m.cafe_id = c.id and w.meeting_id = m.id and m.theme is not null) as themed
           from cafes c order by c.slug`,
      );
    const first = await read();
    expect(first.length).toBe(4);
    for (const r of first) {
      expect(Number(r.wishes)).toBe(DEMO_WISHES.length);
      expect(Number(r.votes)).toBeGreaterThanOrEqual(DEMO_WISHES.length);
      expect([Number(r.planned), Number(r.themed)]).toEqual([1, 1]);
    }
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
