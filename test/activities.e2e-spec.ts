import * as ical from 'node-ical';
import { ActivitiesService } from '../src/calendar/activities/activities.service';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { activityForm } from './support/features/calendar';
import { ORDINARY_NOW } from './support/nows';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The calendar's activities (issue 12): an admin's activity with its dates from the rule, on the
 * calendar and its own page and .ics; the form's checks; a professional's proposal, returned with
 * a comment and approved (a mail each time, once); a cancelled date; a rule change; the horizon;
 * who sees what. "Now" is Wednesday 12 May 2027, 10:00 in Brussels.
 */
describe('activities', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let sink: SmtpSink;
  let gentId: TenantId;
  let admin: ReturnType<TestApp['agent']>;
  let professional: ReturnType<TestApp['agent']>;
  let otherProfessional: ReturnType<TestApp['agent']>;
  let caregiver: ReturnType<TestApp['agent']>;
  let paula: TestMember;
  const anonymous = () => t.agent('gent');
  const query = <T>(sql: string, params: unknown[]) =>
    t.get(TenantTransaction).run(gentId, (em) => em.query<T[]>(sql, params));
  const activityBySlug = async (slug: string) =>
    (
      await query<{ id: string; status: string }>(
        'select id, status from activities where tenant_id = $1 and slug = $2',
        [gentId, slug],
      )
    )[0];
  const dates = (activityId: string) =>
    query<{ id: string; status: string; starts_at: Date; sequence: number }>(
      `select id, status, starts_at, sequence from activity_occurrences
        where tenant_id = $1 and activity_id = $2 order by starts_at`,
      [gentId, activityId],
    );

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
    await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    const agentOf = async (member: TestMember) => {
      const agent = t.agent('gent');
      await logIn(agent, member);
      return agent;
    };
    admin = await agentOf(await createMember(t, { tenant: gent, role: 'tenant_admin' }));
    paula = await createMember(t, {
      tenant: gent,
      role: 'professional',
      displayName: 'Paula Zorg',
    });
    professional = await agentOf(paula);
    otherProfessional = await agentOf(
      await createMember(t, { tenant: gent, role: 'professional' }),
    );
    caregiver = await agentOf(await createMember(t, { tenant: gent, role: 'caregiver' }));
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it("an admin's weekly activity gets its dates six months ahead and shows on the calendar, its page and its .ics", async () => {
    const res = await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({
        title: 'Wandelen aan de Watersportbaan',
        startsOn: '2027-05-18',
        schedule: 'weekly',
        stepFree: '1',
        cost: '2,50',
      }),
    );
    expect(res.status).toBe(303);
    const activity = await activityBySlug('wandelen-aan-de-watersportbaan');
    expect(activity.status).toBe('published');
    const made = await dates(activity.id);
    // Every Tuesday from 18 May 2027 up to six months after now (12 November).
    expect(made).toHaveLength(26);
    expect(made[0].starts_at.toISOString()).toBe('2027-05-18T08:00:00.000Z');

    const calendar = await anonymous().get('/kalender');
    expect(calendar.text).toContain(
      '<a href="/kalender/wandelen-aan-de-watersportbaan">Wandelen aan de Watersportbaan</a>',
    );
    const page = await anonymous().get('/kalender/wandelen-aan-de-watersportbaan');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Elke dinsdag, van 10.00 tot 11.30 uur.');
    expect(page.text).toContain('dinsdag 18 mei 2027, 10.00 tot 11.30 uur');
    expect(page.text).toContain('Toegankelijk zonder trappen (rolstoel)');
    expect(page.text).toContain('€ 2,50');
    expect(page.text).toContain('Vrij binnenlopen');

    const file = await anonymous().get('/kalender/wandelen-aan-de-watersportbaan.ics');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    const events = Object.values(ical.sync.parseICS(file.text)).filter((c) => c?.type === 'VEVENT');
    expect(events).toHaveLength(26);
    expect(events.map((e) => (e as ical.VEvent).uid)).toContain(
      `activity-occurrence-${made[0].id}@localhost`,
    );
  });

  it('a whole-day activity needs no hours, shows "de hele dag" and is a date in its .ics', async () => {
    const res = await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({
        title: 'Daguitstap naar zee',
        schedule: 'once',
        startsOn: '2027-05-22',
        allDay: '1',
        startTime: '',
        endTime: '',
      }),
    );
    expect(res.status).toBe(303);
    const page = await anonymous().get('/kalender/daguitstap-naar-zee');
    expect(page.text).toContain('zaterdag 22 mei 2027, de hele dag');
    const calendar = await anonymous().get('/kalender');
    expect(calendar.text).toContain('De hele dag');
    const file = await anonymous().get('/kalender/daguitstap-naar-zee.ics');
    expect(file.text).toContain('DTSTART;VALUE=DATE:20270522');
    expect(file.text).toContain('DTEND;VALUE=DATE:20270523');
    const [event] = Object.values(ical.sync.parseICS(file.text)).filter(
      (c) => c?.type === 'VEVENT',
    ) as ical.VEvent[];
    expect(event.datetype).toBe('date');
  });

  it('refuses bad input with Dutch messages on the fields, keeps what was typed and writes nothing', async () => {
    const before = await query<{ n: number }>(
      'select count(*)::int as n from activities where tenant_id = $1',
      [gentId],
    );
    const res = await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({
        title: 'Infoavond premie',
        startsOn: '2027-02-30',
        where: 'online',
        onlineUrl: '',
        registration: 'link',
        registrationDetail: 'javascript:alert(1)',
        audienceCaregiver: '',
        cost: 'gratis',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('Vul een bestaande datum in, zoals 2027-03-14.');
    expect(res.text).toContain('Vul de prijs in euro in');
    expect(res.text).toContain('value="Infoavond premie"');
    // The fields that depend on others are checked once the form's own checks pass.
    const second = await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({
        title: 'Infoavond premie',
        where: 'online',
        onlineUrl: '',
        registration: 'link',
        registrationDetail: 'javascript:alert(1)',
        audienceCaregiver: '',
        endTime: '09:00',
      }),
    );
    expect(second.status).toBe(400);
    for (const message of [
      'Vul de link naar de online activiteit in.',
      'Vul de link naar het inschrijvingsformulier in, die begint met https://.',
      'Kies minstens één doelgroep.',
      'Het einduur moet na het beginuur liggen.',
    ])
      expect(second.text).toContain(message);
    const reserved = await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({ slug: 'voorstellen' }),
    );
    expect(reserved.status).toBe(400);
    expect(reserved.text).toContain('&quot;voorstellen&quot; kan niet als adres van de pagina.');
    const after = await query<{ n: number }>(
      'select count(*)::int as n from activities where tenant_id = $1',
      [gentId],
    );
    expect(after).toEqual(before);
  });

  it("a professional's proposal waits, is sent back with a comment, changed, and published: a mail each time, once", async () => {
    const proposed = await submitForm(
      professional,
      '/kalender/voorstellen/nieuw',
      activityForm({
        title: 'Kookworkshop voor mantelzorgers',
        schedule: 'once',
        startsOn: '2027-06-03',
        status: 'published',
      }),
    );
    expect(proposed.status).toBe(303);
    const activity = await activityBySlug('kookworkshop-voor-mantelzorgers');
    // A professional cannot publish: the status field of the form is ignored.
    expect(activity.status).toBe('submitted');
    expect((await anonymous().get('/kalender/kookworkshop-voor-mantelzorgers')).status).toBe(404);
    expect((await anonymous().get('/kalender?van=2027-06-01')).text).not.toContain('Kookworkshop');
    const list = await admin.get('/beheer/activiteiten');
    expect(list.text).toMatch(
      /Voorstellen die op jou wachten[\s\S]*Kookworkshop voor mantelzorgers/,
    );
    const review = await admin.get(`/beheer/activiteiten/${activity.id}`);
    expect(review.text).toContain('Paula Zorg stelde deze activiteit voor.');

    // Sent back: the comment is required, then goes to the professional.
    const empty = await submitForm(
      admin,
      `/beheer/activiteiten/${activity.id}`,
      { comment: '' },
      `/beheer/activiteiten/${activity.id}/terugsturen`,
    );
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Schrijf wat de organisator moet aanpassen.');
    const returned = await submitForm(
      admin,
      `/beheer/activiteiten/${activity.id}`,
      { comment: 'Vermeld nog de prijs, a.u.b.' },
      `/beheer/activiteiten/${activity.id}/terugsturen`,
    );
    expect(returned.status).toBe(303);
    const mail = await sink.waitFor(
      (m) => recipient(m) === paula.email && /aanpassing/.test(m.subject ?? ''),
    );
    expect(mail.text).toContain('Vermeld nog de prijs, a.u.b.');
    expect(mail.text).toContain(`/kalender/voorstellen/${activity.id}`);

    // Another professional does not see it; Paula changes it and sends it again.
    expect((await otherProfessional.get(`/kalender/voorstellen/${activity.id}`)).status).toBe(404);
    const own = await professional.get(`/kalender/voorstellen/${activity.id}`);
    expect(own.text).toContain('Vermeld nog de prijs, a.u.b.');
    const resent = await submitForm(
      professional,
      `/kalender/voorstellen/${activity.id}`,
      activityForm({
        title: 'Kookworkshop voor mantelzorgers',
        schedule: 'once',
        startsOn: '2027-06-03',
        cost: '8',
      }),
    );
    expect(resent.status).toBe(303);
    expect((await activityBySlug('kookworkshop-voor-mantelzorgers')).status).toBe('submitted');

    const approve = () =>
      submitForm(
        admin,
        `/beheer/activiteiten/${activity.id}`,
        {},
        `/beheer/activiteiten/${activity.id}/goedkeuren`,
      );
    const [first, second] = await Promise.all([approve(), approve()]);
    expect([first.status, second.status]).toEqual([303, 303]);
    const published = await sink.waitFor(
      (m) => recipient(m) === paula.email && /staat op de kalender/.test(m.subject ?? ''),
    );
    expect(published.text).toContain('/kalender/kookworkshop-voor-mantelzorgers');
    const page = await anonymous().get('/kalender/kookworkshop-voor-mantelzorgers');
    expect(page.status).toBe(200);
    expect(page.text).toContain('€ 8');
    // Published, it is no longer Paula's to change.
    expect((await professional.get(`/kalender/voorstellen/${activity.id}`)).status).toBe(404);
    const mails = await query<{ n: number }>(
      `select count(*)::int as n from outbox_messages where tenant_id = $1 and key like 'activity-%'`,
      [gentId],
    );
    expect(mails[0].n).toBe(2);
  });

  it('a cancelled date stays, marked, on the page and in the .ics; a rule change leaves it alone', async () => {
    const { id } = await activityBySlug('wandelen-aan-de-watersportbaan');
    const [, second] = await dates(id);
    const cancel = await submitForm(
      admin,
      `/beheer/activiteiten/${id}`,
      {},
      `/beheer/activiteiten/${id}/data/${second.id}/annuleren`,
    );
    expect(cancel.status).toBe(303);
    const page = await anonymous().get('/kalender/wandelen-aan-de-watersportbaan');
    expect(page.text).toMatch(
      /dinsdag 25 mei 2027, 10.00 tot 11.30 uur <strong>\(gaat niet door\)/,
    );
    const events = ical.sync.parseICS(
      (await anonymous().get('/kalender/wandelen-aan-de-watersportbaan.ics')).text,
    );
    const cancelled = Object.values(events).find(
      (e) => (e as ical.VEvent).uid === `activity-occurrence-${second.id}@localhost`,
    ) as ical.VEvent;
    expect(cancelled.status).toBe('CANCELLED');
    expect(Number(cancelled.sequence)).toBe(1);

    // Monthly on the first date's week and day (the third Tuesday): the untouched weekly dates go.
    const changed = await submitForm(
      admin,
      `/beheer/activiteiten/${id}`,
      activityForm({
        title: 'Wandelen aan de Watersportbaan',
        slug: 'wandelen-aan-de-watersportbaan',
        startsOn: '2027-05-18',
        schedule: 'monthly',
      }),
    );
    expect(changed.status).toBe(303);
    const after = await dates(id);
    expect(after.map((d) => d.status)).toContain('cancelled');
    expect(after.filter((d) => d.status === 'scheduled')).toHaveLength(6);
    expect((await anonymous().get('/kalender/wandelen-aan-de-watersportbaan')).text).toContain(
      'Elke derde dinsdag van de maand, van 10.00 tot 11.30 uur.',
    );
  });

  it('the daily horizon adds the dates that came within six months, once', async () => {
    const { id } = await activityBySlug('wandelen-aan-de-watersportbaan');
    const before = (await dates(id)).length;
    const later = new Date(ORDINARY_NOW.getTime() + 62 * 24 * 3600_000);
    const service = t.get(ActivitiesService);
    expect((await service.fillHorizon(gentId, later)).created).toBeGreaterThanOrEqual(2);
    expect((await dates(id)).length).toBeGreaterThanOrEqual(before + 2);
    expect((await service.fillHorizon(gentId, later)).created).toBe(0);
  });

  it('shows an activity for professionals only to them, and the proposals only to professionals', async () => {
    await submitForm(
      admin,
      '/beheer/activiteiten/nieuw',
      activityForm({
        title: 'Intervisie voor hulpverleners',
        audienceCaregiver: '',
        audienceProfessional: '1',
      }),
    );
    expect((await anonymous().get('/kalender/intervisie-voor-hulpverleners')).status).toBe(404);
    expect((await caregiver.get('/kalender/intervisie-voor-hulpverleners')).status).toBe(404);
    expect((await professional.get('/kalender/intervisie-voor-hulpverleners')).status).toBe(200);
    expect((await anonymous().get('/kalender/intervisie-voor-hulpverleners.ics')).status).toBe(404);
    expect([302, 303, 403]).toContain((await caregiver.get('/kalender/voorstellen')).status);
    const mine = await professional.get('/kalender/voorstellen');
    expect(mine.text).toContain('Kookworkshop voor mantelzorgers');
    expect((await otherProfessional.get('/kalender/voorstellen')).text).not.toContain(
      'Kookworkshop',
    );
    // The header leads professionals to their proposals.
    expect(mine.text).toContain('href="/kalender/voorstellen"');
    expect((await caregiver.get('/kalender')).text).not.toContain('href="/kalender/voorstellen"');
  });
});
