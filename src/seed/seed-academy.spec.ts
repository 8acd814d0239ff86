import { createTestDatabase, queryAs, TestDatabase } from '../../test/support/database';
import { seedDemoData } from './seed';

// Against the real database (a clone of the migrated template), as the app role.
describe('demo academy', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives every hub published courses from several templates, a full one with a waitlist, and a completed one every caregiver attended; once', async () => {
    await seedDemoData(db.appUrl, 'development');
    const read = () =>
      queryAs<{
        slug: string;
        published: string;
        templates: string;
        audiences: string;
        full: string;
        caregivers: string;
        completed: string;
      }>(
        db.adminUrl,
        `select t.slug,
                (select count(*) from courses c where c.tenant_id = t.id and c.status = 'published') as published,
                (select count(distinct c.template_id) from courses c
                  where c.tenant_id = t.id and c.status = 'published') as templates,
                (select count(distinct a) from courses c, unnest(c.audiences) a
                  where c.tenant_id = t.id and c.status = 'published') as audiences,
                (select count(*) from courses c where c.tenant_id = t.id
                   and (select count(*) from enrollments e where e.course_id = c.id and e.status = 'confirmed') = c.capacity
                   and exists (select 1 from enrollments e where e.course_id = c.id and e.status = 'waitlisted')) as full,
                (select count(*) from memberships m where m.tenant_id = t.id and m.role = 'caregiver') as caregivers,
                (select count(*) from enrollments e
                   join courses c on c.id = e.course_id and c.slug = 'zorgen-zonder-jezelf-te-vergeten-najaar'
                   join memberships m on m.id = e.membership_id and m.role = 'caregiver'
                  where e.tenant_id = t.id and e.status = 'confirmed'
                    and (select count(*) from session_attendance a where a.enrollment_id = e.id and a.present)
                      = (select count(*) from course_sessions s where s.course_id = c.id and s.status = 'scheduled')
                    and (select max(s.ends_at) from course_sessions s where s.course_id = c.id) < now()) as completed
           from tenants t order by t.slug`,
      );
    const first = await read();
    expect(first.length).toBe(4);
    for (const hub of first) {
      expect(Number(hub.published)).toBeGreaterThanOrEqual(3);
      expect(Number(hub.templates)).toBeGreaterThanOrEqual(2);
      expect(Number(hub.audiences)).toBe(3);
      expect(Number(hub.full)).toBe(1);
      expect(Number(hub.completed)).toBe(Number(hub.caregivers));
    }
    const templates = await queryAs<{ n: string }>(
      db.adminUrl,
      'select count(*) as n from academy_templates',
    );
    expect(Number(templates[0].n)).toBe(6);
    await seedDemoData(db.appUrl, 'development');
    expect(await read()).toEqual(first);
  });
});
