import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo sign-ups', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every demo café sign-ups with companions and needs and one full meeting with a waitlist; once', async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = () =>
      queryAs<{ slug: string; confirmed: string; waitlisted: string; needs: string; over: string }>(
        db.adminUrl,
        `select c.slug,
                (select count(*) from signups s join meetings m on m.id = s.meeting_id
                  where m.cafe_id = c.id and s.status = 'confirmed') as confirmed,
                (select count(*) from signups s join meetings m on m.id = s.meeting_id
                  where m.cafe_id = c.id and s.status = 'waitlisted') as waitlisted,
                (select count(*) from signups s join meetings m on m.id = s.meeting_id
                  where m.cafe_id = c.id and s.companions > 0
                    and (s.needs_respite or s.needs_transport or s.needs_other is not null)) as needs,
                (select count(*) from meetings m where m.cafe_id = c.id and m.capacity <
                  (select coalesce(sum(1 + s.companions), 0) from signups s
                    where s.meeting_id = m.id and s.status = 'confirmed')) as over
           from cafes c order by c.slug`,
      );
    const first = await read();
    expect(first.length).toBe(4);
    for (const r of first) {
      expect(Number(r.confirmed)).toBe(4);
      expect(Number(r.waitlisted)).toBe(1);
      expect(Number(r.needs)).toBe(2);
      expect(Number(r.over)).toBe(0);
    }
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
