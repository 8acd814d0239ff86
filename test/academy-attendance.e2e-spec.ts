import { SessionAttendance } from '../src/academy/common/entities/session-attendance.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures } from './support/academy';
import { csrfFrom, logIn } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Academy attendance: the trainer and an admin mark a session (one form, one transaction), a
 * caregiver may not, a session of another course is not found; "mijn opleidingen" shows the
 * history with attended N of M and "afgerond" at the course's required share.
 */
type Agent = ReturnType<TestApp['agent']>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('academy attendance', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let admin: TestMember;
  let trainer: TestMember;
  let ann: TestMember;
  let bert: TestMember;
  let adminAgent: Agent;
  let trainerAgent: Agent;
  let annAgent: Agent;

  const past = (daysAgo: number) => ({
    startsAt: new Date(ORDINARY_NOW.getTime() - daysAgo * DAY),
    endsAt: new Date(ORDINARY_NOW.getTime() - daysAgo * DAY + 2 * HOUR),
  });
  const marks = (sessionId: string) =>
    t
      .get(TenantTransaction)
      .run(gentId, (em) =>
        em.getRepository(SessionAttendance).find({ where: { tenantId: gentId, sessionId } }),
      );
  const post = async (agent: Agent, path: string, fields: Record<string, string>) => {
    const token = await csrfFrom(agent, path);
    return agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: token });
  };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Admin Gent',
    });
    trainer = await createMember(t, {
      tenant: gent,
      role: 'professional',
      displayName: 'Tina Trainer',
    });
    ann = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Ann Aerts' });
    bert = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Bert Beke' });
    adminAgent = t.agent('gent');
    trainerAgent = t.agent('gent');
    annAgent = t.agent('gent');
    await logIn(adminAgent, admin);
    await logIn(trainerAgent, trainer);
    await logIn(annAgent, ann);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the trainer and an admin mark a session in one form; a caregiver gets 403; another course’s session 404', async () => {
    const academy = academyFixtures(t);
    const { course, sessions } = await academy.createCourse(gentId, {
      slug: 'tillen-test',
      title: 'Tillen en verplaatsen',
      trainerMembershipId: trainer.membership!.id,
      sessions: [past(10), past(3)],
    });
    const other = await academy.createCourse(gentId, { slug: 'andere', sessions: [past(5)] });
    const a = await academy.addEnrollment(gentId, course.id, ann.membership!.id);
    const b = await academy.addEnrollment(gentId, course.id, bert.membership!.id);
    await academy.addEnrollment(gentId, course.id, admin.membership!.id, 'waitlisted');

    const overview = await trainerAgent
      .get('/beheer/academie/tillen-test/aanwezigheid')
      .expect(200);
    expect(overview.text).toContain('0 van 2 aangeduid');
    const path = `/beheer/academie/tillen-test/aanwezigheid/${sessions[0].id}`;
    const page = await trainerAgent.get(path).expect(200);
    expect(page.text).toContain('Ann Aerts');
    expect(page.text).toContain('Bert Beke');
    expect(page.text).not.toContain('Admin Gent'); // waitlisted: not on the list
    expect(page.text).toContain('Handtekening');
    expect(page.text).toContain(`name="p-${a.id}" value="aanwezig"`);

    const saved = await post(trainerAgent, path, {
      [`p-${a.id}`]: 'aanwezig',
      [`p-${b.id}`]: 'afwezig',
    });
    expect(saved.status).toBe(303);
    let rows = await marks(sessions[0].id);
    expect(rows.map((r) => [r.enrollmentId, r.present, r.markedBy]).sort()).toEqual(
      [
        [a.id, true, trainer.membership!.id],
        [b.id, false, trainer.membership!.id],
      ].sort(),
    );
    expect(rows[0].markedAt.getTime()).toBe(ORDINARY_NOW.getTime());
    const again = await trainerAgent.get(path).expect(200);
    expect(again.text).toMatch(new RegExp(`name="p-${a.id}" value="aanwezig" checked`));

    // The admin changes one mark; the other stays.
    expect((await post(adminAgent, path, { [`p-${b.id}`]: 'aanwezig' })).status).toBe(303);
    rows = await marks(sessions[0].id);
    expect(rows.filter((r) => r.present)).toHaveLength(2);
    expect(rows.find((r) => r.enrollmentId === b.id)!.markedBy).toBe(admin.membership!.id);

    // Bad input: the form again with a Dutch message, nothing written.
    const bad = await post(adminAgent, path, { [`p-${a.id}`]: 'misschien' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies aanwezig of afwezig voor Ann Aerts.');
    expect(bad.text).toContain('Er is een probleem');
    const foreign = await post(adminAgent, path, { [`p-${other.course.id}`]: 'aanwezig' });
    expect(foreign.status).toBe(400);
    expect((await marks(sessions[0].id)).filter((r) => r.present)).toHaveLength(2);

    // A caregiver may not; another course's session under this course is not found.
    await annAgent.get(path).expect(403);
    expect((await post(trainerAgent, path, {})).status).toBe(303);
    await trainerAgent
      .get(`/beheer/academie/tillen-test/aanwezigheid/${other.sessions[0].id}`)
      .expect(404);
    await trainerAgent.get('/beheer/academie/tillen-test/aanwezigheid/geen-uuid').expect(404);
    // The trainer of one course has no rights on another.
    await trainerAgent.get('/beheer/academie/andere/aanwezigheid').expect(403);
    const token = await csrfFrom(annAgent, '/mijn-herinneringen');
    await annAgent
      .post(path)
      .type('form')
      .send({ [`p-${a.id}`]: 'afwezig', _csrf: token })
      .expect(403);
  });

  it('mijn opleidingen: upcoming and history, "afgerond" at the required share (2 of 3: 66 % yes, 100 % no)', async () => {
    const academy = academyFixtures(t);
    const loose = await academy.createCourse(gentId, {
      slug: 'traject-66',
      title: 'Traject zesenzestig',
      requiredAttendancePercent: 66,
      sessions: [past(30), past(20), past(12)],
    });
    const strict = await academy.createCourse(gentId, {
      slug: 'traject-100',
      title: 'Traject honderd',
      sessions: [past(30), past(20), past(12)],
    });
    const soon = await academy.createCourse(gentId, {
      slug: 'binnenkort',
      title: 'Binnenkort bezig',
    });
    const waiting = await academy.createCourse(gentId, { slug: 'vol', title: 'Volle workshop' });
    await academy.addEnrollment(gentId, soon.course.id, ann.membership!.id);
    await academy.addEnrollment(gentId, waiting.course.id, ann.membership!.id, 'waitlisted');
    for (const c of [loose, strict]) {
      const e = await academy.addEnrollment(gentId, c.course.id, ann.membership!.id);
      for (const s of c.sessions.slice(0, 2)) {
        const path = `/beheer/academie/${c.course.slug}/aanwezigheid/${s.id}`;
        expect((await post(adminAgent, path, { [`p-${e.id}`]: 'aanwezig' })).status).toBe(303);
      }
      const last = `/beheer/academie/${c.course.slug}/aanwezigheid/${c.sessions[2].id}`;
      expect((await post(adminAgent, last, { [`p-${e.id}`]: 'afwezig' })).status).toBe(303);
    }

    const page = await annAgent.get('/mijn-opleidingen').expect(200);
    const upcoming = page.text.slice(0, page.text.indexOf('<h2>Gevolgd</h2>'));
    const history = page.text.slice(page.text.indexOf('<h2>Gevolgd</h2>'));
    expect(upcoming).toContain('Binnenkort bezig');
    expect(upcoming).toContain('Ingeschreven');
    expect(upcoming).toContain('Volle workshop');
    expect(upcoming).toContain('Op de wachtlijst');
    expect(upcoming).toContain('href="/academie/vol"');
    expect(history).toContain('Traject zesenzestig');
    expect(history).toContain('Traject honderd');
    expect(history.match(/Aanwezig op 2 van de 3 sessies/g)).toHaveLength(2);
    expect(history).toContain('href="/mijn-opleidingen/traject-66/attest.pdf"');
    expect(history).not.toContain('href="/mijn-opleidingen/traject-100/attest.pdf"');
    expect(history).toContain('Niet afgerond: je moest op minstens 100 % van de sessies zijn.');

    // The certificate of the strict course is refused with a page saying why.
    const refused = await annAgent.get('/mijn-opleidingen/traject-100/attest.pdf').expect(403);
    expect(refused.text).toContain('Je was niet op genoeg sessies voor een attest.');
    await annAgent.get('/mijn-opleidingen/binnenkort/attest.pdf').expect(409);
    await annAgent.get('/mijn-opleidingen/bestaat-niet/attest.pdf').expect(404);
    await t
      .agent('gent')
      .get('/mijn-opleidingen')
      .expect((res) => expect([302, 303, 403]).toContain(res.status));
  });
});
