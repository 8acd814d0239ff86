import type { EntityManager } from 'typeorm';
import { CourseSession } from '../src/academy/common/entities/course-session.entity';
import { Course } from '../src/academy/common/entities/course.entity';
import { CourseQuestion } from '../src/academy/common/entities/course-question.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures } from './support/academy';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The municipality's courses (/beheer/academie): new from scratch and from a template, edit with
 * sessions, questions, publish, cancel, and the notices of changes in the outbox.
 */
type Agent = ReturnType<TestApp['agent']>;

/** A complete course form; `over` replaces fields. */
export function courseBody(over: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Rugsparend werken',
    slug: '',
    kind: 'workshop',
    audCaregiver: '1',
    summary: 'Hoe til je zonder je rug te bezeren?',
    learningGoals: '',
    trainerName: 'Kristof De Smet',
    trainerOrganisation: 'Familiehulp',
    trainerMembershipId: '',
    venueName: 'Dienstencentrum De Linde',
    venueAddress: 'Kerkstraat 1, 9000 Gent',
    venueDirections: '',
    onlineUrl: '',
    price: '12,50',
    capacity: '10',
    deadlineDate: '',
    deadlineTime: '',
    requiredAttendancePercent: '100',
    remind2880: '1',
    s1Id: '',
    s1Title: 'De workshop',
    s1Date: '2027-06-10',
    s1Start: '14:00',
    s1End: '16:00',
    ...over,
  };
}

describe('academy courses (admin)', () => {
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let admin: TestMember;
  let professional: TestMember;
  let caregiver: TestMember;
  let agent: Agent;
  const clock = new TestClock(ORDINARY_NOW);

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const course = (slug: string) =>
    tx((em) => em.getRepository(Course).findOneBy({ tenantId: gentId, slug }));
  const sessions = (courseId: string) =>
    tx((em) =>
      em
        .getRepository(CourseSession)
        .find({ where: { tenantId: gentId, courseId }, order: { position: 'ASC' } }),
    );
  const outbox = (prefix: string) =>
    tx((em) =>
      em.query<{ key: string; subject: string; attachments: { content: string }[] }[]>(
        'select key, subject, attachments from outbox_messages where tenant_id = $1 and key like $2 order by key',
        [gentId, `${prefix}%`],
      ),
    );
  const ics = (row: { attachments: { content: string }[] }) =>
    Buffer.from(row.attachments[0].content, 'base64').toString('utf8');
  const local = (d: Date) => d.toISOString();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, { tenant: gent, role: 'tenant_admin', displayName: 'Beheerder' });
    professional = await createMember(t, {
      tenant: gent,
      role: 'professional',
      displayName: 'Sofie Sociaal',
    });
    caregiver = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Jozef' });
    agent = t.agent('gent');
    await logIn(agent, admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a draft from scratch: price in cents, slug from the title, the session in Brussels time', async () => {
    const res = await submitForm(agent, '/beheer/academie/nieuw', courseBody());
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/beheer/academie/rugsparend-werken');
    const c = (await course('rugsparend-werken'))!;
    expect(c).toMatchObject({
      status: 'draft',
      priceCents: 1250,
      capacity: 10,
      templateId: null,
      reminderOffsets: [2880],
    });
    const [s] = await sessions(c.id);
    expect(local(s.startsAt)).toBe('2027-06-10T12:00:00.000Z');
    const list = await agent.get('/beheer/academie').expect(200);
    expect(list.text).toContain('Rugsparend werken');
    expect(list.text).toContain('Ontwerp');
  });

  it('starts from a template: fields copied, one row per template session, the link kept', async () => {
    const template = await academyFixtures(t).createTemplate({
      slug: 'omgaan-met-dementie-test',
      title: 'Omgaan met dementie',
      kind: 'track',
      audiences: ['professional'],
      suggestedCapacity: 16,
      sessions: [
        { title: 'Wat is dementie?', programme: 'Uitleg en vragen', durationMinutes: 150 },
        { title: 'Communiceren', durationMinutes: 120 },
      ],
    });
    const form = await agent
      .get('/beheer/academie/nieuw?sjabloon=omgaan-met-dementie-test')
      .expect(200);
    expect(form.text).toContain('value="Omgaan met dementie"');
    expect(form.text).toContain('value="Wat is dementie?"');
    expect(form.text).toContain('value="16:30"'); // 14:00 + 150 minutes
    expect(form.text).toContain('id="audProfessional" name="audProfessional" value="1" checked');
    const res = await submitForm(
      agent,
      '/beheer/academie/nieuw?sjabloon=omgaan-met-dementie-test',
      courseBody({
        template: 'omgaan-met-dementie-test',
        title: 'Omgaan met dementie',
        slug: 'omgaan-met-dementie',
        kind: 'track',
        audCaregiver: '',
        audProfessional: '1',
        s1Title: 'Wat is dementie?',
        s2Title: 'Communiceren',
        s2Date: '2027-06-17',
        s2Start: '14:00',
        s2End: '16:00',
      }),
      '/beheer/academie/nieuw',
    );
    expect(res.status).toBe(303);
    const c = (await course('omgaan-met-dementie'))!;
    expect(c.templateId).toBe(template.id);
    expect(c.audiences).toEqual(['professional']);
    const s = await sessions(c.id);
    expect(s.map((x) => [x.title, x.programme])).toEqual([
      ['Wat is dementie?', 'Uitleg en vragen'],
      ['Communiceren', ''],
    ]);
  });

  it.each([
    [
      'a workshop with two sessions',
      { s2Date: '2027-06-11', s2Start: '14:00', s2End: '16:00' },
      's2Date',
      'Een workshop heeft één sessie',
    ],
    [
      'an end before the start',
      { s1End: '13:00' },
      's1End',
      'het einduur moet na het beginuur liggen',
    ],
    [
      'a deadline after the first session',
      { deadlineDate: '2027-06-11', deadlineTime: '12:00' },
      'deadlineDate',
      'De inschrijving moet sluiten voor de eerste sessie begint',
    ],
    ['no audience', { audCaregiver: '' }, 'audCaregiver', 'Kies voor wie de opleiding is'],
    [
      'a link that is not https',
      { onlineUrl: 'http://meet.example.be/x' },
      'onlineUrl',
      'https://',
    ],
    ['a reserved slug', { slug: 'sjablonen' }, 'slug', 'kan niet als adres'],
    ['a capacity of 501', { capacity: '501' }, 'capacity', 'hoogstens 500'],
    ['a price in words', { price: 'tien euro' }, 'price', 'Vul de prijs in euro in'],
  ])(
    'refuses %s: a Dutch message at the field, the input kept, nothing written',
    async (_name, over, field, message) => {
      const res = await submitForm(
        agent,
        '/beheer/academie/nieuw',
        courseBody({ title: 'Foutje in het formulier', ...over }),
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain(`id="${field}-error"`);
      expect(res.text).toContain(message);
      expect(res.text).toContain('value="Foutje in het formulier"');
      expect(await course('foutje-in-het-formulier')).toBeNull();
    },
  );

  it('asks questions: add, edit and remove', async () => {
    const path = '/beheer/academie/rugsparend-werken/vragen';
    expect(
      (
        await submitForm(agent, path, {
          kind: 'choice',
          label: 'Voor wie zorg je?',
          choices: 'Partner\nOuder\nKind',
          required: '1',
        })
      ).status,
    ).toBe(303);
    const bad = await submitForm(agent, path, {
      kind: 'choice',
      label: 'Dieet',
      choices: 'Vegetarisch',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Vul minstens twee keuzes in');
    const [q] = await tx((em) => em.getRepository(CourseQuestion).findBy({ tenantId: gentId }));
    expect(q).toMatchObject({
      kind: 'choice',
      choices: ['Partner', 'Ouder', 'Kind'],
      required: true,
    });
    expect(
      (
        await submitForm(agent, `${path}/${q.id}`, {
          kind: 'yes_no',
          label: 'Ik heb opvang nodig voor mijn naaste',
          choices: '',
        })
      ).status,
    ).toBe(303);
    const edited = await tx((em) =>
      em.getRepository(CourseQuestion).findOneByOrFail({ tenantId: gentId, id: q.id }),
    );
    expect(edited).toMatchObject({ kind: 'yes_no', choices: [], required: false });
    expect((await submitForm(agent, path, {}, `${path}/${q.id}/verwijderen`)).status).toBe(303);
    expect(
      await tx((em) => em.getRepository(CourseQuestion).countBy({ tenantId: gentId, id: q.id })),
    ).toBe(0);
  });

  it('publishes only with a session still to come', async () => {
    await submitForm(
      agent,
      '/beheer/academie/nieuw',
      courseBody({ title: 'Voorbij', s1Date: '2027-01-10' }),
    );
    const refused = await submitForm(
      agent,
      '/beheer/academie/voorbij',
      {},
      '/beheer/academie/voorbij/publiceren',
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('minstens één sessie in de toekomst');
    expect((await course('voorbij'))!.status).toBe('draft');
    const ok = await submitForm(
      agent,
      '/beheer/academie/rugsparend-werken',
      {},
      '/beheer/academie/rugsparend-werken/publiceren',
    );
    expect(ok.status).toBe(303);
    expect((await course('rugsparend-werken'))!.status).toBe('published');
  });

  it('an unchanged save sends nothing; a moved session gets SEQUENCE + 1 and a notice to the confirmed', async () => {
    const c = (await course('rugsparend-werken'))!;
    const [s] = await sessions(c.id);
    await academyFixtures(t).addEnrollment(gentId, c.id, caregiver.membership!.id, 'confirmed');
    const path = '/beheer/academie/rugsparend-werken';
    const same = courseBody({ s1Id: s.id, slug: 'rugsparend-werken' });
    expect((await submitForm(agent, path, same)).status).toBe(303);
    expect(await outbox('course-changed:')).toEqual([]);
    expect((await sessions(c.id))[0].sequence).toBe(0);

    expect(
      (await submitForm(agent, path, { ...same, s1Start: '15:00', s1End: '17:00' })).status,
    ).toBe(303);
    const [moved] = await sessions(c.id);
    expect(moved.sequence).toBe(1);
    expect(moved.rescheduledAt).not.toBeNull();
    const mails = await outbox('course-changed:');
    expect(mails.map((m) => m.key)).toEqual([
      `course-changed:${s.id}:1:${caregiver.membership!.id}`,
    ]);
    const file = ics(mails[0]);
    expect(file).toContain('METHOD:PUBLISH');
    expect(file).toContain('SEQUENCE:1');
    expect(file).toContain('DTSTART:20270610T130000Z');
  });

  it('cancels: everyone enrolled or waitlisted gets a METHOD:CANCEL; the course is not editable after', async () => {
    const c = (await course('rugsparend-werken'))!;
    await academyFixtures(t).addEnrollment(gentId, c.id, professional.membership!.id, 'waitlisted');
    const page = await agent.get('/beheer/academie/rugsparend-werken/annuleren').expect(200);
    expect(page.text).toContain('Ja, afgelasten');
    expect(
      (await submitForm(agent, '/beheer/academie/rugsparend-werken/annuleren', {})).status,
    ).toBe(303);
    expect((await course('rugsparend-werken'))!.status).toBe('cancelled');
    const mails = await outbox('course-cancelled:');
    expect(mails).toHaveLength(2);
    const file = ics(mails[0]);
    expect(file).toContain('METHOD:CANCEL');
    expect(file).toContain('SEQUENCE:2');
    expect(file).toContain('STATUS:CANCELLED');
    const edit = await agent.get('/beheer/academie/rugsparend-werken').expect(200);
    expect(edit.text).toContain('Deze opleiding is afgelast');
    // The page offers no form; a POST sent anyway (an old tab) is refused.
    const again = await submitForm(
      agent,
      '/beheer/academie/nieuw',
      courseBody({ slug: 'rugsparend-werken' }),
      '/beheer/academie/rugsparend-werken',
    );
    expect(again.status).toBe(409);
  });

  it('caregivers and professionals get 403; the linked trainer cannot edit the course', async () => {
    const { course: trained } = await academyFixtures(t).createCourse(gentId, {
      slug: 'getraind',
      trainerMembershipId: professional.membership!.id,
    });
    for (const member of [caregiver, professional]) {
      const a = t.agent('gent');
      await logIn(a, member);
      await a.get('/beheer/academie').expect(403);
      await a.get('/beheer/academie/nieuw').expect(403);
      await a.get(`/beheer/academie/${trained.slug}`).expect(403);
      await a.get(`/beheer/academie/${trained.slug}/vragen`).expect(403);
    }
    await agent.get('/beheer/academie/bestaat-niet').expect(404);
  });
});
