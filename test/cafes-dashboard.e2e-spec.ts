import type { EntityManager } from 'typeorm';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { Meeting } from '../src/cafes/common/entities/meeting.entity';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { Wish } from '../src/cafes/wishes/entities/wish.entity';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { cafeInput, cafeFixtures } from './support/cafes';
import { csrfFrom, logIn } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The host dashboard: only the café's own hosts and tenant admins (needs are health-related);
 * sign-ups with needs and waitlist places, the printable list, the CSV (formula injection
 * defused) and attaching a wish to a meeting. Sign-ups are inserted directly.
 */
type Agent = ReturnType<TestApp['agent']>;

describe('host dashboard', () => {
  let t: TestApp;
  let gentId: TenantId;
  let cafe: Cafe;
  let meeting: Meeting;
  let ieperMeetingKey: string;
  let ieperWishId: string;
  let host: TestMember;
  let admin: TestMember;
  let caregiver: TestMember;
  let otherHost: TestMember;
  let waiting: TestMember;
  let hostAgent: Agent;
  let adminAgent: Agent;
  let caregiverAgent: Agent;
  let otherHostAgent: Agent;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    const ieperId = asTenantId(ieper.id);
    admin = await createMember(t, { tenant: gent, role: 'tenant_admin', displayName: 'Beheer' });
    host = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Marleen Host' });
    otherHost = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Els' });
    caregiver = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Jozef' });
    const evil = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: '=HYPERLINK("http://evil.example","klik")',
    });
    waiting = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Wim' });
    const cafes = cafeFixtures(t);
    cafe = (await cafes.create(gentId, cafeInput({ slug: 'babbelhoek' })))!;
    const other = (await cafes.create(gentId, cafeInput({ slug: 'ander', name: 'Ander café' })))!;
    const ieperCafe = (await cafes.create(ieperId, cafeInput({ slug: 'ieper-cafe' })))!;
    await tx(async (em) => {
      await cafes.addHost(em, gentId, cafe.id, host.membership!.id);
      await cafes.addHost(em, gentId, other.id, otherHost.membership!.id);
      [meeting] = await cafes.upcoming(em, gentId, cafe.id, 1);
      await em.getRepository(Meeting).update({ tenantId: gentId, id: meeting.id }, { capacity: 4 });
      const signup = (membershipId: string, extra: Partial<Signup>) =>
        em.getRepository(Signup).insert({
          tenantId: gentId,
          meetingId: meeting.id,
          membershipId,
          companions: 0,
          status: 'confirmed',
          ...extra,
        });
      await signup(caregiver.membership!.id, {
        companions: 1,
        needsRespite: true,
        needsOther: 'Rolstoel; graag een plaats vooraan',
      });
      await signup(evil.membership!.id, { needsTransport: true });
      await signup(waiting.membership!.id, { status: 'waitlisted', companions: 2 });
    });
    await t.get(TenantTransaction).run(ieperId, async (em) => {
      const [m] = await cafes.upcoming(em, ieperId, ieperCafe.id, 1);
      ieperMeetingKey = m.key;
      const w = await em.getRepository(Wish).save(
        em.getRepository(Wish).create({
          tenantId: ieperId,
          cafeId: ieperCafe.id,
          kind: 'theme',
          text: 'Ieper thema',
        }),
      );
      ieperWishId = w.id;
    });
    hostAgent = t.agent('gent');
    adminAgent = t.agent('gent');
    caregiverAgent = t.agent('gent');
    otherHostAgent = t.agent('gent');
    await logIn(hostAgent, host);
    await logIn(adminAgent, admin);
    await logIn(caregiverAgent, caregiver);
    await logIn(otherHostAgent, otherHost);
  });
  afterAll(() => t?.close());

  const pages = () => [
    '/cafes/babbelhoek/beheer/aanmeldingen',
    `/cafes/babbelhoek/beheer/${meeting.key}/aanwezigheidslijst`,
    `/cafes/babbelhoek/beheer/${meeting.key}/aanmeldingen.csv`,
    '/cafes/babbelhoek/beheer/wensen',
  ];

  it('is for the café’s hosts and tenant admins only', async () => {
    for (const path of pages()) {
      await caregiverAgent.get(path).expect(403);
      await otherHostAgent.get(path).expect(403);
      await hostAgent.get(path).expect(200);
      await adminAgent.get(path).expect(200);
      const anon = await t.agent('gent').get(path);
      expect(anon.status).toBe(303);
      expect(anon.headers.location).toMatch(/^\/inloggen/);
    }
  });

  it('lists the sign-ups with companions, needs, waitlist places and totals in people', async () => {
    const res = await hostAgent.get('/cafes/babbelhoek/beheer/aanmeldingen').expect(200);
    expect(res.text).toContain('Jozef');
    expect(res.text).toContain('Opvang voor de naaste');
    expect(res.text).toContain('Rolstoel; graag een plaats vooraan');
    expect(res.text).toContain('Vervoer');
    expect(res.text).toContain('Wachtlijst, plaats 1');
    expect(res.text).toContain('3 van de 4 plaatsen bezet');
    expect(res.text).toContain('HYPERLINK(&quot;http://evil.example&quot;');
    const print = await hostAgent
      .get(`/cafes/babbelhoek/beheer/${meeting.key}/aanwezigheidslijst`)
      .expect(200);
    expect(print.text).toContain('Aanwezigheidslijst');
    expect(print.text).toContain('class="tick-box"');
    expect(print.text).toContain('Wim (+2)');
  });

  it('lists each meeting with its own sign-ups (one query for all meetings on the page)', async () => {
    let second!: Meeting;
    await tx(async (em) => {
      second = (await cafeFixtures(t).upcoming(em, gentId, cafe.id, 2))[1];
      await em.getRepository(Signup).insert({
        tenantId: gentId,
        meetingId: second.id,
        membershipId: waiting.membership!.id,
        companions: 0,
        status: 'confirmed',
      });
    });
    try {
      const res = await hostAgent.get('/cafes/babbelhoek/beheer/aanmeldingen').expect(200);
      const sections = res.text.split('<section ').slice(1);
      const first = sections.find((s) => s.includes(`m-${meeting.key}"`))!;
      const next = sections.find((s) => s.includes(`m-${second.key}"`))!;
      expect(first).toContain('Jozef');
      expect(first).toContain('Wachtlijst, plaats 1');
      expect(next).not.toContain('Jozef');
      expect(next).not.toContain('Wachtlijst');
      expect(next).toContain('Wim');
      expect(next).toContain(`1 van de ${second.capacity} plaatsen bezet`);
    } finally {
      await tx((em) => em.getRepository(Signup).delete({ tenantId: gentId, meetingId: second.id }));
    }
  });

  it('exports a CSV for Excel: BOM, semicolons, formulas defused', async () => {
    const res = await hostAgent
      .get(`/cafes/babbelhoek/beheer/${meeting.key}/aanmeldingen.csv`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('.csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Naam;Komen mee;Mensen;Status;Plaats op wachtlijst;Opvang voor de naaste;Vervoer;Andere noden',
    );
    expect(lines).toContain(
      `"'=HYPERLINK(""http://evil.example"",""klik"")";0;1;Ingeschreven;;;ja;`,
    );
    expect(lines).toContain('Jozef;1;2;Ingeschreven;;ja;;"Rolstoel; graag een plaats vooraan"');
    expect(lines).toContain('Wim;2;3;Wachtlijst;1;;;');
  });

  it('attaches a wish to a meeting: theme set, SEQUENCE grows, wish planned', async () => {
    const wish = await tx((em) =>
      em.getRepository(Wish).save(
        em.getRepository(Wish).create({
          tenantId: gentId,
          cafeId: cafe.id,
          membershipId: caregiver.membership!.id,
          kind: 'theme',
          text: 'Slapen als je zorgt',
        }),
      ),
    );
    const before = await tx((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: meeting.id }),
    );
    const list = await hostAgent.get('/cafes/babbelhoek/beheer/wensen').expect(200);
    expect(list.text).toContain('Slapen als je zorgt');
    const csrf = await csrfFrom(hostAgent, '/cafes/babbelhoek/beheer/wensen');
    const res = await hostAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${wish.id}/koppelen`)
      .type('form')
      .send({ _csrf: csrf, bijeenkomst: meeting.key })
      .expect(303);
    expect(res.headers.location).toBe('/cafes/babbelhoek/beheer/wensen');
    const after = await tx((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: meeting.id }),
    );
    expect(after.theme).toBe('Slapen als je zorgt');
    expect(after.wishId).toBe(wish.id);
    expect(after.sequence).toBe(before.sequence + 1);
    const planned = await tx((em) =>
      em.getRepository(Wish).findOneByOrFail({ tenantId: gentId, id: wish.id }),
    );
    expect(planned).toMatchObject({ status: 'planned', meetingId: meeting.id });
    const page = await t.agent('gent').get(`/cafes/babbelhoek/${meeting.key}`).expect(200);
    expect(page.text).toContain('Slapen als je zorgt');

    // Again: already planned, shown as an error, nothing changes.
    const again = await hostAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${wish.id}/koppelen`)
      .type('form')
      .send({ _csrf: csrf, bijeenkomst: meeting.key });
    expect(again.status).toBe(400);
    const still = await tx((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: meeting.id }),
    );
    expect(still.sequence).toBe(after.sequence);
  });

  it('refuses an unknown meeting with a Dutch message, keeping the theme of a themed meeting', async () => {
    const wish = await tx((em) =>
      em.getRepository(Wish).save(
        em.getRepository(Wish).create({
          tenantId: gentId,
          cafeId: cafe.id,
          kind: 'theme',
          text: 'Rouw',
        }),
      ),
    );
    const csrf = await csrfFrom(hostAgent, '/cafes/babbelhoek/beheer/wensen');
    const res = await hostAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${wish.id}/koppelen`)
      .type('form')
      .send({ _csrf: csrf, bijeenkomst: '1999-01-01' })
      .expect(400);
    expect(res.text).toContain('Kies een van de komende bijeenkomsten.');
    // A meeting key the input guard refuses (given twice): asked again on the same page, not a 400 page.
    const twice = await hostAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${wish.id}/koppelen`)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(csrf)}&bijeenkomst=${meeting.key}&bijeenkomst=${meeting.key}`,
      )
      .expect(400);
    expect(twice.text).toContain('Kies een van de komende bijeenkomsten.');
    expect(twice.text).toContain(`href="#bijeenkomst-${wish.id}"`);
    await hostAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${wish.id}/koppelen`)
      .type('form')
      .send({ _csrf: csrf, bijeenkomst: meeting.key })
      .expect(303);
    const m = await tx((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: meeting.id }),
    );
    expect(m.theme).toBe('Slapen als je zorgt');
    expect(m.wishId).toBe(wish.id);
  });

  it('another municipality’s café, meeting or wish is 404', async () => {
    await adminAgent.get('/cafes/ieper-cafe/beheer/aanmeldingen').expect(404);
    await adminAgent
      .get(`/cafes/ieper-cafe/beheer/${ieperMeetingKey}/aanwezigheidslijst`)
      .expect(404);
    await adminAgent.get('/cafes/babbelhoek/beheer/2001-01-01/aanmeldingen.csv').expect(404);
    const csrf = await csrfFrom(adminAgent, '/uitloggen');
    await adminAgent
      .post(`/cafes/babbelhoek/beheer/wensen/${ieperWishId}/koppelen`)
      .type('form')
      .send({ _csrf: csrf, bijeenkomst: meeting.key })
      .expect(404);
  });
});
