import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CafesHorizonService } from '../src/cafes/jobs/cafes-horizon.service';
import { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { Meeting } from '../src/cafes/common/entities/meeting.entity';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { cafeForm, cafeInput, cafeFixtures } from './support/cafes';
import { createMember, createTenant, type TestMember } from './support/factories';
import { logIn, submitForm } from './support/csrf';
import { ORDINARY_NOW, TEST_NOWS, ZONE } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Mantelzorgcafés, slice 1: cafés and their meetings (pages, .ics, management by hosts and tenant
 * admins, regeneration after a rule change, the daily horizon job's work). The app runs at a
 * fixed "now" (a TestClock): an ordinary weekday, and the generated meetings are also checked at
 * every instant of TEST_NOWS.
 */
type Agent = ReturnType<TestApp['agent']>;

/**
 * The first `weekday` (1 = Monday) of every month at 14:00 Brussels time from `from` through six
 * months later, as local ISO times: what "every first Tuesday" must generate. Counted here from
 * the calendar, independently of the rule expansion (5, 6 or 7 depending on the day).
 */
function firstWeekdaysAt14(weekday: number, from: Date): string[] {
  const start = DateTime.fromJSDate(from, { zone: ZONE });
  const until = start.plus({ months: 6 });
  const found: string[] = [];
  for (let month = start.startOf('month'); month <= until; month = month.plus({ months: 1 })) {
    const first = month.plus({ days: (weekday - month.weekday + 7) % 7 }).set({ hour: 14 });
    if (first >= start && first <= until) found.push(first.toISO()!);
  }
  return found;
}

const localStarts = (list: Meeting[]) =>
  list.map((m) => DateTime.fromJSDate(m.startsAt, { zone: ZONE }).toISO()!);

describe('cafés and meetings', () => {
  let t: TestApp;
  let gent: Tenant;
  let ieper: Tenant;
  let gentId: TenantId;
  let admin: TestMember;
  let host: TestMember;
  let caregiver: TestMember;
  let adminAgent: Agent;
  let hostAgent: Agent;
  let caregiverAgent: Agent;
  let cafe: Cafe;
  let other: Cafe;
  let ieperCafe: Cafe;
  const clock = new TestClock(ORDINARY_NOW);

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const meetings = (cafeId: string) =>
    tx((em) =>
      em
        .getRepository(Meeting)
        .find({ where: { tenantId: gentId, cafeId }, order: { startsAt: 'ASC' } }),
    );
  const firstMeeting = async (cafeId: string) => (await meetings(cafeId))[0];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Beheerder Gent',
    });
    host = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Marleen Host' });
    caregiver = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Jozef Gewoon',
    });
    const cafes = cafeFixtures(t);
    cafe = (await cafes.create(gentId, cafeInput({ slug: 'babbelhoek' })))!;
    other = (await cafes.create(gentId, cafeInput({ slug: 'ander-cafe', name: 'Ander café' })))!;
    ieperCafe = (await cafes.create(
      asTenantId(ieper.id),
      cafeInput({ slug: 'ieper-cafe', name: 'Mantelzorgcafé Ieper' }),
    ))!;
    await tx((em) => cafes.addHost(em, gentId, cafe.id, host.membership!.id));
    adminAgent = t.agent('gent');
    hostAgent = t.agent('gent');
    caregiverAgent = t.agent('gent');
    await logIn(adminAgent, admin);
    await logIn(hostAgent, host);
    await logIn(caregiverAgent, caregiver);
  });
  afterAll(() => t?.close());

  it('generates the meetings of "every first Tuesday" six months ahead, at 14:00 Brussels time', async () => {
    const list = await meetings(cafe.id);
    expect(localStarts(list)).toEqual(firstWeekdaysAt14(2, clock.now()));
    for (const m of list) {
      const local = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' });
      expect(local.weekday).toBe(2);
      expect(local.day).toBeLessThanOrEqual(7);
      expect(local.toFormat('HH:mm')).toBe('14:00');
      expect(m.key).toBe(local.toISODate());
      expect(m.generatedFromRule).toBe(true);
    }
  });

  it('shows the list, the café and a meeting; anonymous visitors do not see the hosts’ names', async () => {
    const anon = t.agent('gent');
    const list = await anon.get('/cafes').expect(200);
    expect(list.text).toContain('Mantelzorgcafé De Babbelhoek');
    expect(list.text).toContain('Volgende bijeenkomst:');
    const page = await anon.get('/cafes/babbelhoek').expect(200);
    expect(page.text).toContain('Lokaal dienstencentrum De Wegwijzer');
    expect(page.text).toContain('Zonder trappen of drempels bereikbaar');
    expect(page.text).not.toContain('Marleen Host');
    const member = await caregiverAgent.get('/cafes/babbelhoek').expect(200);
    expect(member.text).toContain('Marleen Host');
    expect(member.text).not.toContain('Bijeenkomsten beheren');

    const m = await firstMeeting(cafe.id);
    const meeting = await anon.get(`/cafes/babbelhoek/${m.key}`).expect(200);
    const words = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' })
      .setLocale('nl-BE')
      .toFormat('cccc d LLLL yyyy');
    expect(meeting.text).toContain(`${words}, 14.00 uur`);
    expect(meeting.text).toContain('tot 16.00 uur');
    expect(meeting.text).toContain('Nog 20 van de 20 plaatsen vrij.');
    expect(meeting.text).not.toMatch(/inschrijven/i);
  });

  it('counts seats as people: a sign-up with a companion takes two', async () => {
    const m = await firstMeeting(cafe.id);
    await tx((em) =>
      em.getRepository(Signup).insert({
        tenantId: gentId,
        meetingId: m.id,
        membershipId: caregiver.membership!.id,
        companions: 1,
        status: 'confirmed',
      }),
    );
    const res = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}`).expect(200);
    expect(res.text).toContain('Nog 18 van de 20 plaatsen vrij.');
  });

  it('answers 404 for a café or meeting of another municipality, and for unknown keys', async () => {
    const anon = t.agent('gent');
    await anon.get('/cafes/ieper-cafe').expect(404);
    const ieperMeeting = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId: ieper.id, cafeId: ieperCafe.id }),
      );
    await anon.get(`/cafes/ieper-cafe/${ieperMeeting.key}`).expect(404);
    await anon.get(`/cafes/babbelhoek/2020-01-01`).expect(404);
    await anon.get(`/cafes/babbelhoek/geen-datum`).expect(404);
    await adminAgent.get(`/cafes/ieper-cafe/beheer`).expect(404);
    await adminAgent.get(`/beheer/cafes/ieper-cafe`).expect(404);
  });

  it('serves the .ics with a stable UID, PUBLISH and the meeting’s SEQUENCE', async () => {
    const m = await firstMeeting(cafe.id);
    const res = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const body = res.text;
    expect(body).toContain('METHOD:PUBLISH');
    expect(body).toContain(`UID:meeting-${m.id}@localhost`);
    expect(body).toContain('SEQUENCE:0');
    expect(body).toContain('STATUS:CONFIRMED');
    expect(body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  describe('management', () => {
    it('a caregiver who is no host gets 403; an anonymous visitor is sent to the login', async () => {
      const m = await firstMeeting(cafe.id);
      await caregiverAgent.get('/cafes/babbelhoek/beheer').expect(403);
      await caregiverAgent.get(`/cafes/babbelhoek/${m.key}/bewerken`).expect(403);
      await caregiverAgent.get('/beheer/cafes').expect(403);
      const anon = await t.agent('gent').get('/cafes/babbelhoek/beheer');
      expect(anon.status).toBe(303);
      expect(anon.headers.location).toMatch(/^\/inloggen/);
    });

    it('a host edits a meeting of their own café: marked edited, SEQUENCE grows; not another café', async () => {
      const m = await firstMeeting(cafe.id);
      const local = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' });
      const res = await submitForm(hostAgent, `/cafes/babbelhoek/${m.key}/bewerken`, {
        theme: 'Dementie: omgaan met veranderend gedrag',
        speaker: 'An Peeters',
        speakerExpertise: 'dementiedeskundige',
        description: 'Een avond vol vragen.',
        date: local.toISODate()!,
        startTime: '14:30',
        endTime: '16:30',
        capacity: '25',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/cafes/babbelhoek/${m.key}`);
      const saved = await tx((em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: m.id }),
      );
      expect(saved).toMatchObject({
        edited: true,
        sequence: 1,
        capacity: 25,
        speaker: 'An Peeters',
      });
      expect(
        DateTime.fromJSDate(saved.startsAt, { zone: 'Europe/Brussels' }).toFormat('HH:mm'),
      ).toBe('14:30');
      const ics = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}.ics`).expect(200);
      expect(ics.text).toContain('SEQUENCE:1');
      expect(ics.text).toContain(`UID:meeting-${m.id}@localhost`);
      const page = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}`).expect(200);
      expect(page.text).toContain('Dementie: omgaan met veranderend gedrag');
      expect(page.text).toContain('An Peeters, dementiedeskundige');

      const elsewhere = await firstMeeting(other.id);
      await hostAgent.get(`/cafes/ander-cafe/${elsewhere.key}/bewerken`).expect(403);
      await hostAgent.get('/cafes/ander-cafe/beheer').expect(403);
      await hostAgent.get('/beheer/cafes/babbelhoek').expect(403);
    });

    it('keeps the input and names the field when the meeting form is wrong', async () => {
      const m = (await meetings(cafe.id))[1];
      const res = await submitForm(hostAgent, `/cafes/babbelhoek/${m.key}/bewerken`, {
        theme: 'Rouw en verlies',
        speaker: '',
        speakerExpertise: '',
        description: '',
        date: 'morgen',
        startTime: '14:00',
        endTime: '13:00',
        capacity: 'twintig',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Fout: ');
      expect(res.text).toContain('Vul de datum in zoals 2026-12-01.');
      expect(res.text).toContain('Vul het aantal plaatsen in als getal');
      expect(res.text).toContain('value="Rouw en verlies"');
      expect(res.text).toContain('value="morgen"');
      const end = await submitForm(hostAgent, `/cafes/babbelhoek/${m.key}/bewerken`, {
        theme: 'Rouw en verlies',
        speaker: '',
        speakerExpertise: '',
        description: '',
        date: DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' }).toISODate()!,
        startTime: '14:00',
        endTime: '13:00',
        capacity: '20',
      });
      expect(end.status).toBe(400);
      expect(end.text).toContain('Het einduur moet na het beginuur liggen.');
      const unchanged = await tx((em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: m.id }),
      );
      expect(unchanged.edited).toBe(false);
    });

    it('cancels a meeting after a confirm step: STATUS:CANCELLED and a higher SEQUENCE', async () => {
      const m = (await meetings(cafe.id))[2];
      const confirm = await hostAgent.get(`/cafes/babbelhoek/${m.key}/annuleren`).expect(200);
      expect(confirm.text).toContain('Ja, zeg de bijeenkomst af');
      const res = await submitForm(hostAgent, `/cafes/babbelhoek/${m.key}/annuleren`, {});
      expect(res.status).toBe(303);
      const next = await hostAgent.get(res.headers.location).expect(200);
      expect(next.text).toContain('is afgezegd.');
      const ics = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}.ics`).expect(200);
      expect(ics.text).toContain('STATUS:CANCELLED');
      expect(ics.text).toContain('SEQUENCE:1');
      const page = await t.agent('gent').get(`/cafes/babbelhoek/${m.key}`).expect(200);
      expect(page.text).toContain('Deze bijeenkomst gaat niet door.');
    });

    it('adds a one-off meeting; a second one that day gets the -2 key', async () => {
      const m = (await meetings(cafe.id))[3];
      const day = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' }).toISODate()!;
      const res = await submitForm(hostAgent, '/cafes/babbelhoek/beheer/nieuwe-bijeenkomst', {
        theme: 'Zorgen voor jezelf als mantelzorger',
        speaker: '',
        speakerExpertise: '',
        description: '',
        date: day,
        startTime: '19:00',
        endTime: '21:00',
        capacity: '15',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/cafes/babbelhoek/${day}-2`);
      await t.agent('gent').get(`/cafes/babbelhoek/${day}-2`).expect(200);
    });

    it('an admin creates a café (meetings generated) and appoints a host', async () => {
      const res = await submitForm(
        adminAgent,
        '/beheer/cafes/nieuw',
        cafeForm({ name: 'Mantelzorgcafé Ledeberg', slug: '', weekday: 'TH', week: '-1' }),
      );
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/cafes/mantelzorgcafe-ledeberg/kerngroep');
      const created = await tx((em) =>
        em
          .getRepository(Cafe)
          .findOneByOrFail({ tenantId: gentId, slug: 'mantelzorgcafe-ledeberg' }),
      );
      expect(created.recurrenceRule).toBe('FREQ=MONTHLY;BYDAY=-1TH');
      expect(created.reminderOffsets).toEqual([10080, 1440]);
      expect((await meetings(created.id)).length).toBeGreaterThanOrEqual(5);

      // The admin searches for the person, then appoints them from the results.
      const add = await submitForm(
        adminAgent,
        '/beheer/cafes/mantelzorgcafe-ledeberg/kerngroep?zoek=Jozef',
        { membershipId: caregiver.membership!.id },
        '/beheer/cafes/mantelzorgcafe-ledeberg/kerngroep',
      );
      expect(add.status).toBe(303);
      const hosts = await tx((em) => cafeFixtures(t).hosts(em, gentId, created.id));
      expect(hosts.map((h) => h.displayName)).toEqual(['Jozef Gewoon']);
      await caregiverAgent.get('/cafes/mantelzorgcafe-ledeberg/beheer').expect(200);

      const bad = await submitForm(
        adminAgent,
        '/beheer/cafes/nieuw',
        cafeForm({ name: 'X', slug: 'babbelhoek', startTime: '25:00' }),
      );
      expect(bad.status).toBe(400);
      // The form's title is the café's own string (registered at start, looked up when shown).
      expect(bad.text).toMatch(/<title>[^<]*Nieuw café – /);
      expect(bad.text).toContain('Vul de naam van het café in (minstens 3 tekens).');
      expect(bad.text).toContain('Vul het beginuur in zoals 14:00.');
      expect(bad.text).toContain('value="25:00"');
      const taken = await submitForm(
        adminAgent,
        '/beheer/cafes/nieuw',
        cafeForm({ slug: 'babbelhoek' }),
      );
      expect(taken.status).toBe(400);
      expect(taken.text).toContain('Er is al een café met dit adres.');
    });
  });

  it('a rule change regenerates only untouched future meetings', async () => {
    const before = await meetings(cafe.id);
    // [0] edited by the host, [1] has a sign-up (below), [2] cancelled, [3] untouched (+ a one-off that day), ...
    await tx((em) =>
      em.getRepository(Signup).insert({
        tenantId: gentId,
        meetingId: before[1].id,
        membershipId: admin.membership!.id,
        status: 'confirmed',
      }),
    );
    const kept = [before[0].id, before[1].id, before[2].id];
    const oneOff = before.find((m) => !m.generatedFromRule)!;
    const res = await submitForm(
      adminAgent,
      '/beheer/cafes/babbelhoek',
      cafeForm({ slug: 'babbelhoek', weekday: 'TH' }),
    );
    expect(res.status).toBe(303);
    const after = await meetings(cafe.id);
    const ids = new Set(after.map((m) => m.id));
    for (const id of [...kept, oneOff.id]) expect(ids.has(id)).toBe(true);
    const untouched = before.filter((m) => m.generatedFromRule && !kept.includes(m.id));
    expect(untouched.length).toBeGreaterThan(0);
    for (const m of untouched) expect(ids.has(m.id)).toBe(false);
    const generated = after.filter((m) => m.generatedFromRule && !kept.includes(m.id));
    for (const m of generated) {
      const local = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' });
      expect(local.weekday).toBe(4);
      expect(local.toFormat('HH:mm')).toBe('14:00');
    }
    expect(localStarts(generated)).toEqual(firstWeekdaysAt14(4, clock.now()));
  });

  it('the daily horizon job fills every active municipality and is idempotent', async () => {
    const horizon = t.get(CafesHorizonService);
    await horizon.fillAll();
    const again = await horizon.fillAll();
    expect(again.created).toBe(0);
    expect(again.removed).toBe(0);
    // Three months later, the window has moved: new meetings appear, the past ones stay.
    const later = await horizon.fillAll(
      DateTime.fromJSDate(clock.now(), { zone: ZONE }).plus({ months: 3 }).toJSDate(),
    );
    expect(later.created).toBeGreaterThan(0);
  });

  it('shows the next meetings on the home page', async () => {
    const res = await t.agent('gent').get('/').expect(200);
    expect(res.text).toContain('Volgende bijeenkomsten van het Mantelzorgcafé');
    expect(res.text).toMatch(/href="\/cafes\/[a-z-]+\/\d{4}-\d{2}-\d{2}/);
  });

  describe.each(TEST_NOWS)('at $label', ({ at }) => {
    beforeAll(() => clock.set(at));
    afterAll(() => clock.set(ORDINARY_NOW));

    it('generates every first Tuesday of the next six months, after a rule change every first Thursday, and the horizon job adds nothing more', async () => {
      const cafes = cafeFixtures(t);
      const slug = `eerste-dinsdag-${at.getTime()}`;
      const made = (await cafes.create(gentId, cafeInput({ slug })))!;
      expect(localStarts(await meetings(made.id))).toEqual(firstWeekdaysAt14(2, at));
      const changed = await cafes.update(
        gent,
        made.id,
        cafeInput({ slug, recurrenceRule: 'FREQ=MONTHLY;BYDAY=1TH' }),
      );
      expect(changed.ok).toBe(true);
      expect(localStarts(await meetings(made.id))).toEqual(firstWeekdaysAt14(4, at));
      const thursdays = await meetings(made.id);
      await t.get(CafesHorizonService).fillAll();
      expect(await meetings(made.id)).toEqual(thursdays);
    });
  });
});
