import type { ParsedMail } from 'mailparser';
import type { EntityManager } from 'typeorm';
import { sessionUid } from '../src/academy/common/course-ics';
import type { Audience } from '../src/academy/common/entities/academy-template.entity';
import { Enrollment } from '../src/academy/common/entities/enrollment.entity';
import { EnrolmentsService } from '../src/academy/enrolments/enrolments.service';
import { Membership } from '../src/auth/entities/membership.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures, type CourseFixture } from './support/academy';
import { csrfFrom, logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The academy's enrolments: the catalogue and course pages per audience, enrolling with answers,
 * capacity and waitlist under concurrency, promotion in order, the deadline, cancelling by the
 * person (page, signed link) and by an admin (notice), and the confirmation's one .ics.
 */
type Agent = ReturnType<TestApp['agent']>;
const DAY = 24 * 3600_000;

describe('academy enrolments', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let ieper: Tenant;
  const clock = new TestClock(ORDINARY_NOW);
  const people: Record<string, TestMember> = {};
  const agents: Record<string, Agent> = {};

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const course = (input: CourseFixture = {}) => academyFixtures(t).createCourse(gentId, input);
  const inDays = (d: number, hours = 0) =>
    new Date(Math.ceil(clock.now().getTime() / 3600_000) * 3600_000 + d * DAY + hours * 3600_000);
  const member = (role: Membership['role'], name: string) =>
    createMember(t, { tenant: gent, role, displayName: name });
  const statusOf = (courseId: string, m: TestMember) =>
    tx((em) =>
      em.getRepository(Enrollment).findOneBy({
        tenantId: gentId,
        courseId,
        membershipId: m.membership!.id,
      }),
    );
  const confirmedCount = async (courseId: string) =>
    Number(
      (
        await tx((em) =>
          em.query<{ n: string }[]>(
            `select count(*) as n from enrollments where tenant_id = $1 and course_id = $2 and status = 'confirmed'`,
            [gentId, courseId],
          ),
        )
      )[0].n,
    );
  const mailTo = (m: TestMember, subject: RegExp) =>
    sink.waitFor((mail) => recipient(mail) === m.email && subject.test(mail.subject ?? ''));
  const linkIn = (mail: ParsedMail) => {
    const match = /\/e\/opleiding-afmelden\/[A-Za-z0-9_.-]+/.exec(mail.text ?? '');
    if (!match) throw new Error('no cancel link in the mail');
    return match[0];
  };
  /** A CSRF token of the member's session (the caregiver course's page always has a form). */
  const tokenOf = (who: string) => csrfFrom(agents[who], '/academie/voor-caregiver');
  const enrolVia = async (who: string, slug: string, fields: Record<string, string> = {}) =>
    submitForm(agents[who], `/academie/${slug}`, fields, `/academie/${slug}/inschrijven`);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    people.caregiver = await member('caregiver', 'Jozef Mantelzorger');
    people.professional = await member('professional', 'Paula Zorg');
    people.staff = await member('caregiver', 'Stijn Stad');
    people.admin = await member('tenant_admin', 'Anja Beheer');
    await tx((em) =>
      em
        .getRepository(Membership)
        .update({ tenantId: gentId, id: people.staff.membership!.id }, { staff: true }),
    );
    for (const [who, m] of Object.entries(people)) {
      agents[who] = t.agent('gent');
      await logIn(agents[who], m);
    }
    agents.anonymous = t.agent('gent');
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  describe('audience visibility per role', () => {
    const courses: Record<Audience, string> = { caregiver: '', professional: '', staff: '' };
    beforeAll(async () => {
      for (const audience of ['caregiver', 'professional', 'staff'] as const) {
        const { course: c } = await course({
          slug: `voor-${audience}`,
          title: `Vorming voor ${audience}`,
          audiences: [audience],
          sessions: [{ startsAt: inDays(10) }],
        });
        courses[audience] = c.slug;
      }
    });

    // who × course audience → seen on the list and the page, may enrol
    const table: [string, Audience, boolean][] = [
      ['anonymous', 'caregiver', true],
      ['anonymous', 'professional', false],
      ['anonymous', 'staff', false],
      ['caregiver', 'caregiver', true],
      ['caregiver', 'professional', false],
      ['caregiver', 'staff', false],
      ['professional', 'caregiver', true],
      ['professional', 'professional', true],
      ['professional', 'staff', false],
      ['staff', 'caregiver', true],
      ['staff', 'professional', false],
      ['staff', 'staff', true],
      ['admin', 'caregiver', true],
      ['admin', 'professional', true],
      ['admin', 'staff', true],
    ];
    it.each(table)('%s and a %s course: seen %s', async (who, audience, seen) => {
      const slug = courses[audience];
      const list = await agents[who].get('/academie').expect(200);
      expect(list.text.includes(`href="/academie/${slug}"`)).toBe(seen);
      await agents[who].get(`/academie/${slug}`).expect(seen ? 200 : 404);
      // The public .ics is built for nobody signed in, whoever asks.
      await agents[who].get(`/academie/${slug}.ics`).expect(audience === 'caregiver' ? 200 : 404);
      if (who === 'anonymous') {
        if (seen) {
          const page = await agents[who].get(`/academie/${slug}`);
          expect(page.text).toContain(`/inloggen?terug=/academie/${slug}`);
        }
        return;
      }
      if (seen) {
        const res = await enrolVia(who, slug);
        expect(res.status).toBe(303);
      } else {
        // No form to take a token from: post with one from another page.
        const token = await tokenOf(who);
        await agents[who]
          .post(`/academie/${slug}/inschrijven`)
          .type('form')
          .send({ _csrf: token })
          .expect(404);
      }
    });

    it.each([
      ['anonymous', ['caregiver']],
      ['caregiver', ['caregiver']],
      ['professional', ['caregiver', 'professional']],
      ['staff', ['caregiver', 'staff']],
      ['admin', ['caregiver', 'professional', 'staff']],
    ] as const)('the home page shows %s the next courses for %j', async (who, audiences) => {
      const home = await agents[who].get('/').expect(200);
      expect(home.text).toContain('Volgende vormingen');
      const shown = [...home.text.matchAll(/href="\/academie\/(voor-[a-z]+)"/g)].map((m) => m[1]);
      expect(shown.sort()).toEqual(audiences.map((a) => `voor-${a}`).sort());
    });

    it('no section on the home page of a municipality without courses', async () => {
      const home = await t.agent('ieper').get('/').expect(200);
      expect(home.text).not.toContain('Volgende vormingen');
    });

    it("another municipality's course and a draft are not found", async () => {
      await academyFixtures(t).createCourse(asTenantId(ieper.id), { slug: 'in-ieper' });
      await agents.caregiver.get('/academie/in-ieper').expect(404);
      await course({ slug: 'nog-een-ontwerp', status: 'draft' });
      await agents.admin.get('/academie/nog-een-ontwerp').expect(404);
      await agents.caregiver.get('/academie/nog-een-ontwerp.ics').expect(404);
    });

    it('filters the catalogue by audience, kind and month', async () => {
      const byAudience = await agents.admin.get('/academie?doelgroep=staff').expect(200);
      expect(byAudience.text).toContain('href="/academie/voor-staff"');
      expect(byAudience.text).not.toContain('href="/academie/voor-caregiver"');
      const byKind = await agents.admin.get('/academie?soort=track').expect(200);
      expect(byKind.text).not.toContain('href="/academie/voor-staff"');
      const far = await agents.admin.get('/academie?maand=2099-01').expect(200);
      expect(far.text).not.toContain('href="/academie/voor-staff"');
      await agents.admin.get('/academie?maand=bla&soort=%3Cx%3E').expect(200);
    });
  });

  it('checks the answers: a required one, a choice from the list, the input kept', async () => {
    const { course: c, questions } = await course({
      slug: 'met-vragen',
      questions: [
        { kind: 'text', label: 'Voor wie zorg je?', required: true },
        { kind: 'choice', label: 'Wat eet je?', choices: ['Alles', 'Vegetarisch'] },
        { kind: 'yes_no', label: 'Ik heb opvang nodig voor mijn naaste', required: true },
      ],
    });
    const [who, food, respite] = questions;
    const bad = await enrolVia('caregiver', c.slug, {
      [`answers[${who.id}]`]: '',
      [`answers[${food.id}]`]: 'Vlees',
      [`answers[${respite.id}]`]: 'ja',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Beantwoord de vraag &quot;Voor wie zorg je?&quot;.');
    expect(bad.text).toContain('Kies een van de antwoorden bij &quot;Wat eet je?&quot;.');
    expect(bad.text).toMatch(/value="ja" checked/);
    expect(await statusOf(c.id, people.caregiver)).toBeNull();

    const long = await enrolVia('caregiver', c.slug, {
      [`answers[${who.id}]`]: 'x'.repeat(501),
      [`answers[${respite.id}]`]: 'nee',
    });
    expect(long.status).toBe(400);
    expect(long.text).toContain('te lang');

    const good = await enrolVia('caregiver', c.slug, {
      [`answers[${who.id}]`]: 'Mijn moeder',
      [`answers[${food.id}]`]: 'Vegetarisch',
      [`answers[${respite.id}]`]: 'ja',
    });
    expect(good.status).toBe(303);
    const e = await statusOf(c.id, people.caregiver);
    expect(e).toMatchObject({
      status: 'confirmed',
      answers: { [who.id]: 'Mijn moeder', [food.id]: 'Vegetarisch', [respite.id]: 'ja' },
    });
    // Only the course's admins and trainer see the answers.
    await agents.caregiver.get(`/beheer/academie/${c.slug}/deelnemers`).expect(403);
    const list = await agents.admin.get(`/beheer/academie/${c.slug}/deelnemers`).expect(200);
    expect(list.text).toContain('Mijn moeder');
    expect(list.text).toContain(people.caregiver.email);
    const csv = await agents.admin.get(`/beheer/academie/${c.slug}/deelnemers.csv`).expect(200);
    expect(csv.text).toContain('Mijn moeder');
  });

  it('the confirmation mail has ONE .ics with every session (stable UIDs) and a cancel link', async () => {
    const { course: c, sessions } = await course({
      slug: 'een-traject',
      title: 'Een traject',
      kind: 'track',
      sessions: [{ startsAt: inDays(8) }, { startsAt: inDays(15) }, { startsAt: inDays(22) }],
    });
    expect((await enrolVia('professional', c.slug)).status).toBe(303);
    const mail = await mailTo(people.professional, /Je bent ingeschreven: Een traject/);
    const ics = mail.attachments.filter((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toHaveLength(1);
    const text = ics[0].content.toString('utf8');
    for (const s of sessions) expect(text).toContain(`UID:${sessionUid(s, 'localhost')}`);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    const publicIcs = await agents.anonymous.get(`/academie/${c.slug}.ics`).expect(200);
    for (const s of sessions) expect(publicIcs.text).toContain(`UID:${sessionUid(s, 'localhost')}`);
    expect(linkIn(mail)).toMatch(/^\/e\/opleiding-afmelden\//);
  });

  it('20 parallel enrolments for the last place: exactly one confirmed, never over capacity', async () => {
    const { course: c } = await course({ slug: 'laatste-plaats', capacity: 3 });
    const first = await Promise.all([0, 1].map((i) => member('caregiver', `Eerder ${i}`)));
    for (const m of first)
      await academyFixtures(t).addEnrollment(gentId, c.id, m.membership!.id, 'confirmed');
    const racers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => member('caregiver', `Racer ${i}`)),
    );
    const service = t.get(EnrolmentsService);
    const results = await Promise.all(
      racers.map((m) =>
        service.enrol(gent, c.id, { id: m.membership!.id, role: 'caregiver', staff: false }, {}),
      ),
    );
    const statuses = results.map((r) => (r.ok ? r.status : r.reason));
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
    expect(await confirmedCount(c.id)).toBe(3);
    const positions = results
      .map((r) => (r.ok ? r.position : null))
      .filter((p): p is number => p !== null)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('a cancel promotes the waitlist in order, with a mail to the one who moved up', async () => {
    const { course: c } = await course({ slug: 'volzet', capacity: 1 });
    const [a, b, d] = await Promise.all(
      ['Eerste', 'Tweede', 'Derde'].map((n) => member('caregiver', n)),
    );
    const service = t.get(EnrolmentsService);
    for (const m of [a, b, d])
      await service.enrol(
        gent,
        c.id,
        { id: m.membership!.id, role: 'caregiver', staff: false },
        {},
      );
    expect((await statusOf(c.id, b))!.status).toBe('waitlisted');
    const ea = await statusOf(c.id, a);
    const cancelled = await service.cancel(gent, ea!.id, { membershipId: a.membership!.id });
    expect(cancelled).toMatchObject({ ok: true, promoted: 1 });
    expect(await statusOf(c.id, b)).toMatchObject({ status: 'confirmed', promotions: 1 });
    expect((await statusOf(c.id, d))!.status).toBe('waitlisted');
    expect(await confirmedCount(c.id)).toBe(1);
    const promoted = await mailTo(b, /Er is een plaats vrij/);
    expect(promoted.attachments.some((x) => x.contentType.startsWith('text/calendar'))).toBe(true);
    // Raising nothing, cancelling the waitlisted one frees no place: nobody moves.
    const ed = await statusOf(c.id, d);
    expect(await service.cancel(gent, ed!.id)).toMatchObject({ ok: true, promoted: 0 });
  });

  it('closes at the deadline, and at the first session without one', async () => {
    const { course: c } = await course({
      slug: 'deadline-voorbij',
      registrationDeadline: new Date(clock.now().getTime() - 60_000),
    });
    const page = await agents.caregiver.get(`/academie/${c.slug}`).expect(200);
    expect(page.text).toContain('Inschrijven is niet meer mogelijk.');
    const token = await tokenOf('caregiver');
    const res = await agents.caregiver
      .post(`/academie/${c.slug}/inschrijven`)
      .type('form')
      .send({ _csrf: token })
      .expect(409);
    expect(res.text).toContain('De inschrijvingen voor deze vorming zijn afgesloten.');
    const { course: begun } = await course({
      slug: 'al-begonnen',
      sessions: [{ startsAt: new Date(clock.now().getTime() - 3600_000), endsAt: inDays(0, 3) }],
    });
    const service = t.get(EnrolmentsService);
    expect(
      await service.enrol(
        gent,
        begun.id,
        { id: people.caregiver.membership!.id, role: 'caregiver', staff: false },
        {},
      ),
    ).toEqual({ ok: false, reason: 'closed' });
  });

  it('cancels from the page, through the signed link (GET asks, POST acts), and by an admin with a notice', async () => {
    const { course: c } = await course({
      slug: 'uitschrijven',
      title: 'Uitschrijven oefenen',
      capacity: 5,
    });
    expect((await enrolVia('staff', c.slug)).status).toBe(303);
    const res = await submitForm(
      agents.staff,
      `/academie/${c.slug}`,
      {},
      `/academie/${c.slug}/uitschrijven`,
    );
    expect(res.status).toBe(303);
    expect((await statusOf(c.id, people.staff))!.status).toBe('cancelled');

    // Enrol again: the new confirmation's link acts; the old one no longer does.
    const oldLink = linkIn(
      await mailTo(people.staff, /Je bent ingeschreven: Uitschrijven oefenen/),
    );
    expect((await enrolVia('staff', c.slug)).status).toBe(303);
    const again = await statusOf(c.id, people.staff);
    const newLink = `/e/opleiding-afmelden/${t.get(EnrolmentsService).cancelToken(gent.id, again!, null)}`;
    const stale = await agents.anonymous.get(oldLink).expect(200);
    expect(stale.text).toContain('werkt daarom niet meer');
    const ask = await agents.anonymous.get(newLink).expect(200);
    expect(ask.text).toContain('Ja, schrijf me uit');
    expect((await statusOf(c.id, people.staff))!.status).toBe('confirmed');
    const done = await agents.anonymous.post(newLink).expect(200);
    expect(done.text).toContain('Je bent uitgeschreven');
    expect((await statusOf(c.id, people.staff))!.status).toBe('cancelled');
    // A damaged link, or one used on another municipality's host.
    await agents.anonymous.get('/e/opleiding-afmelden/bla.bla').expect(404);
    await t.agent('ieper').get(newLink).expect(404);

    // The admin cancels someone's enrolment: a notice to the person.
    expect((await enrolVia('professional', c.slug)).status).toBe(303);
    const e = await statusOf(c.id, people.professional);
    await submitForm(
      agents.professional,
      `/academie/${c.slug}`,
      {},
      `/beheer/academie/${c.slug}/deelnemers/${e!.id}/uitschrijven`,
    ).then((r) => expect(r.status).toBe(403));
    const byAdmin = await submitForm(
      agents.admin,
      `/beheer/academie/${c.slug}/deelnemers`,
      {},
      `/beheer/academie/${c.slug}/deelnemers/${e!.id}/uitschrijven`,
    );
    expect(byAdmin.status).toBe(303);
    expect(await statusOf(c.id, people.professional)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'admin',
    });
    await mailTo(people.professional, /Je inschrijving is geannuleerd/);
    const unknown = await submitForm(
      agents.admin,
      '/academie/voor-caregiver',
      {},
      `/beheer/academie/${c.slug}/deelnemers/niet-een-id/uitschrijven`,
    );
    expect(unknown.status).toBe(404);
  });
});
