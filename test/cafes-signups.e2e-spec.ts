import { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import type { EntityManager } from 'typeorm';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { CafeFollow } from '../src/cafes/follows/entities/cafe-follow.entity';
import { Meeting } from '../src/cafes/common/entities/meeting.entity';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import {
  SIGNUP_CANCEL_PURPOSE,
  SignupsService,
  type SignupInput,
} from '../src/cafes/signups/signups.service';
import { TestClock } from '../src/common/clock';
import { SignedLinks } from '../src/common/signed-links';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { cafeInput, cafeFixtures } from './support/cafes';
import { logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { ORDINARY_NOW } from './support/nows';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Mantelzorgcafés, slice 2a: following a café, signing up (capacity in people, waitlist,
 * no overbooking under parallel sign-ups), cancelling (promotion from the waitlist, signed one-click
 * links from e-mail) and "mijn aanmeldingen".
 */
type Agent = ReturnType<TestApp['agent']>;

const alone: SignupInput = {
  companions: 0,
  needsRespite: false,
  needsTransport: false,
  needsOther: null,
};
const party = (size: number): SignupInput => ({ ...alone, companions: size - 1 });

describe('café sign-ups', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let gent: Tenant;
  let ieper: Tenant;
  let gentId: TenantId;
  let caregiver: TestMember;
  let agent: Agent;
  let cafe: Cafe;
  let ieperCafe: Cafe;
  let meetings: Meeting[];
  let next = 0;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  /** A fresh meeting of the weekly café for each test, with the given capacity. */
  const freshMeeting = async (capacity: number): Promise<Meeting> => {
    const m = meetings[next++];
    await tx((em) =>
      em.getRepository(Meeting).update({ tenantId: gentId, id: m.id }, { capacity }),
    );
    return { ...m, capacity };
  };
  const member = (name = 'Lid') =>
    createMember(t, { tenant: gent, role: 'caregiver', displayName: name });
  const signups = () => t.get(SignupsService);
  const signupOf = (meetingId: string, m: TestMember) =>
    tx((em) =>
      em.getRepository(Signup).findOneByOrFail({
        tenantId: gentId,
        meetingId,
        membershipId: m.membership!.id,
      }),
    );
  const seats = (meetingId: string) => tx((em) => signups().seatsTaken(em, gentId, meetingId));
  const page = (m: Meeting) => `/cafes/${cafe.slug}/${m.key}`;
  const linkIn = (mail: ParsedMail) => {
    const match = /\/e\/afmelden\/[A-Za-z0-9_.-]+/.exec(mail.text ?? '');
    if (!match) throw new Error('no cancel link in the mail');
    return match[0];
  };

  // A fixed "now": which meetings are upcoming or past does not depend on the day the suite runs.
  const clock = new TestClock(ORDINARY_NOW);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    caregiver = await member('Jozef Aanmelder');
    const cafes = cafeFixtures(t);
    cafe = (await cafes.create(
      gentId,
      cafeInput({ slug: 'babbelhoek', recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU' }),
    ))!;
    ieperCafe = (await cafes.create(
      asTenantId(ieper.id),
      cafeInput({ slug: 'ieper-cafe', name: 'Mantelzorgcafé Ieper' }),
    ))!;
    meetings = await tx((em) => cafes.upcoming(em, gentId, cafe.id, 30));
    agent = t.agent('gent');
    await logIn(agent, caregiver);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('signs up with a companion and needs; seats count people; the confirmation mail has the .ics and a cancel link', async () => {
    const m = await freshMeeting(10);
    const anon = await t.agent('gent').get(page(m)).expect(200);
    expect(anon.text).toContain(`/inloggen?terug=${page(m)}`);
    expect(anon.text).not.toContain('name="companions"');

    const form = await agent.get(page(m)).expect(200);
    expect(form.text).toContain('<legend>Heb je hulp nodig om te kunnen komen?');
    expect(form.text).toContain(
      'Alleen de kerngroep van dit café en de gemeente zien je antwoord.',
    );
    const res = await submitForm(
      agent,
      page(m),
      { companions: '2', respite: '1', other: '1', otherNeed: 'Een rolstoelplaats' },
      `${page(m)}/aanmelden`,
    );
    expect(res.status).toBe(303);
    const s = await signupOf(m.id, caregiver);
    expect(s).toMatchObject({
      status: 'confirmed',
      companions: 2,
      needsRespite: true,
      needsTransport: false,
      needsOther: 'Een rolstoelplaats',
    });
    expect(await seats(m.id)).toBe(3);
    const after = await agent.get(page(m)).expect(200);
    expect(after.text).toContain('Je bent aangemeld');
    expect(after.text).toContain('Nog 7 van de 10 plaatsen vrij.');

    const mail = await sink.waitFor(
      (x) => recipient(x) === caregiver.email && x.subject!.startsWith('Je bent aangemeld'),
    );
    expect(mail.text).toContain('Lokaal dienstencentrum De Wegwijzer');
    expect(mail.attachments.map((a) => a.contentType)).toContain('text/calendar');
    expect(mail.attachments[0].content.toString()).toContain(`UID:meeting-${m.id}@`);
    expect(linkIn(mail)).toMatch(/^\/e\/afmelden\//);

    // Signing up twice changes nothing.
    await submitForm(agent, page(m), { companions: '0' }, `${page(m)}/aanmelden`).then((r) =>
      expect(r.status).toBe(303),
    );
    expect((await signupOf(m.id, caregiver)).companions).toBe(2);
  });

  it('answers refused input (a control character) with the meeting page: the error at the field, the choices kept, nothing stored', async () => {
    const m = await freshMeeting(10);
    const res = await submitForm(
      agent,
      page(m),
      { companions: '2', transport: '1', otherNeed: 'Een rolstoel\u0000plaats' },
      `${page(m)}/aanmelden`,
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#otherNeed"');
    expect(res.text).toContain('aria-invalid="true" aria-describedby="otherNeed-error"');
    expect(res.text).toContain('value="Een rolstoelplaats"');
    expect(res.text).toContain('<option value="2" selected>');
    expect(res.text).toContain('id="transport" name="transport" value="1" checked');
    expect(res.text).toContain(`action="${page(m)}/aanmelden"`);
    expect(await seats(m.id)).toBe(0);
  });

  it('puts people on the waitlist when the party does not fit, with their place', async () => {
    const m = await freshMeeting(3);
    const [a, b] = [await member('A'), await member('B')];
    expect(await signups().signUp(gent, m.id, a.membership!.id, party(3))).toMatchObject({
      ok: true,
      status: 'confirmed',
    });
    expect(await signups().signUp(gent, m.id, b.membership!.id, party(1))).toMatchObject({
      ok: true,
      status: 'waitlisted',
      position: 1,
    });
    const res = await submitForm(agent, page(m), { companions: '0' }, `${page(m)}/aanmelden`);
    expect(res.status).toBe(303);
    const shown = await agent.get(page(m)).expect(200);
    expect(shown.text).toContain('Je staat op de wachtlijst op plaats 2');
    expect(shown.text).toContain(
      'Deze bijeenkomst is volzet. Je staat op de wachtlijst op plaats 2.',
    );
    expect((await signupOf(m.id, caregiver)).status).toBe('waitlisted');
    expect(await seats(m.id)).toBe(3);
    // The café page marks the meeting for this member (not for an anonymous reader).
    const cafePage = await agent.get(`/cafes/${cafe.slug}`).expect(200);
    const item = cafePage.text.split('<li>').find((li) => li.includes(`/${m.key}"`))!;
    expect(item).toContain('Je staat op de wachtlijst');
    expect((await t.agent('gent').get(`/cafes/${cafe.slug}`)).text).not.toContain(
      'Je staat op de wachtlijst',
    );
    // Both are told by mail where they stand, without an .ics (no seat yet), with a cancel link.
    for (const [who, place] of [
      [b, 1],
      [caregiver, 2],
    ] as const) {
      const mail = await sink.waitFor(
        (mm) =>
          recipient(mm) === who.email && (mm.subject ?? '').startsWith('Je staat op de wachtlijst'),
      );
      expect(mail.text).toContain(`Je staat op plaats ${place} van de wachtlijst`);
      expect(mail.text).toContain('/e/afmelden/');
      expect(mail.attachments).toHaveLength(0);
    }
  });

  it('never overbooks: 20 parallel sign-ups for the last seat give one confirmed and 19 waitlisted', async () => {
    const m = await freshMeeting(5);
    const first = await member('Eerste');
    await signups().signUp(gent, m.id, first.membership!.id, party(4));
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => member(`P${i}`)));
    const results = await Promise.all(
      people.map((p) => signups().signUp(gent, m.id, p.membership!.id, party(1))),
    );
    const statuses = results.map((r) => (r.ok ? r.status : r.reason));
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
    expect(await seats(m.id)).toBe(5);
    const positions = results
      .map((r) => (r.ok ? r.position : null))
      .filter((p): p is number => p !== null)
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });

  it('cancelling promotes the first person who fits; a bigger party ahead keeps its place; the promoted person gets a mail', async () => {
    const m = await freshMeeting(4);
    const [x, y, big, small] = [
      await member('X'),
      await member('Y'),
      await member('Groot Gezelschap'),
      await member('Klein Gezelschap'),
    ];
    await signups().signUp(gent, m.id, x.membership!.id, party(1));
    await signups().signUp(gent, m.id, y.membership!.id, party(3));
    expect(await signups().signUp(gent, m.id, big.membership!.id, party(3))).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect(await signups().signUp(gent, m.id, small.membership!.id, party(1))).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    const xs = await signupOf(m.id, x);
    expect(await signups().cancel(gent, xs.id)).toMatchObject({ ok: true, promoted: 1 });
    expect((await signupOf(m.id, small)).status).toBe('confirmed');
    const bigNow = await signupOf(m.id, big);
    expect(bigNow.status).toBe('waitlisted');
    expect(await tx((em) => signups().position(em, gentId, bigNow))).toBe(1);
    expect(await seats(m.id)).toBe(4);
    const mail = await sink.waitFor(
      (mm) => recipient(mm) === small.email && mm.subject!.startsWith('Er is een plaats vrij'),
    );
    expect(mail.text).toContain('/e/afmelden/');
    expect(
      sink.messages.some((mm) => recipient(mm) === big.email && /plaats vrij/.test(mm.subject!)),
    ).toBe(false);
  });

  it('when a host raises the capacity, the waitlist moves up and gets a mail', async () => {
    const m = await freshMeeting(2);
    const [first, waiting] = [await member('Eerste'), await member('Wachtend Gezelschap')];
    await signups().signUp(gent, m.id, first.membership!.id, party(2));
    expect(await signups().signUp(gent, m.id, waiting.membership!.id, party(2))).toMatchObject({
      status: 'waitlisted',
    });
    const admin = await createMember(t, { tenant: gent, role: 'tenant_admin' });
    const adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
    const local = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' });
    const res = await submitForm(adminAgent, `${page(m)}/bewerken`, {
      theme: '',
      speaker: '',
      speakerExpertise: '',
      description: '',
      date: local.toISODate()!,
      startTime: local.toFormat('HH:mm'),
      endTime: DateTime.fromJSDate(m.endsAt, { zone: 'Europe/Brussels' }).toFormat('HH:mm'),
      capacity: '4',
    });
    expect(res.status).toBe(303);
    expect((await signupOf(m.id, waiting)).status).toBe('confirmed');
    expect(await seats(m.id)).toBe(4);
    await sink.waitFor(
      (mm) => recipient(mm) === waiting.email && mm.subject!.startsWith('Er is een plaats vrij'),
    );
  });

  it('cancels from the meeting page with one click and from "mijn aanmeldingen"; follows and unfollows', async () => {
    const m = await freshMeeting(10);
    await submitForm(agent, page(m), { companions: '1' }, `${page(m)}/aanmelden`);
    const mine = await agent.get('/mijn-aanmeldingen').expect(200);
    expect(mine.text).toContain('Aangemeld');
    expect(mine.text).toContain(`action="${page(m)}/afmelden"`);
    const res = await submitForm(agent, page(m), {}, `${page(m)}/afmelden`);
    expect(res.status).toBe(303);
    expect((await signupOf(m.id, caregiver)).status).toBe('cancelled');
    // Signing up again reuses the row.
    await submitForm(agent, page(m), { companions: '0' }, `${page(m)}/aanmelden`);
    expect((await signupOf(m.id, caregiver)).status).toBe('confirmed');
    const viaMine = await submitForm(
      agent,
      '/mijn-aanmeldingen',
      { terug: '/mijn-aanmeldingen' },
      `${page(m)}/afmelden`,
    );
    expect(viaMine.headers.location).toBe('/mijn-aanmeldingen');
    expect((await signupOf(m.id, caregiver)).status).toBe('cancelled');

    const follow = await submitForm(
      agent,
      page(m),
      { terug: page(m) },
      `/cafes/${cafe.slug}/volgen`,
    );
    expect(follow.headers.location).toBe(page(m));
    const follows = () =>
      tx((em) =>
        em
          .getRepository(CafeFollow)
          .countBy({ tenantId: gentId, membershipId: caregiver.membership!.id }),
      );
    expect(await follows()).toBe(1);
    const list = await agent.get('/mijn-aanmeldingen').expect(200);
    expect(list.text).toContain('Cafés die je volgt');
    expect(list.text).toContain(`action="/cafes/${cafe.slug}/ontvolgen"`);
    expect((await agent.get(page(m)).expect(200)).text).toContain('Niet meer volgen');
    await submitForm(agent, '/mijn-aanmeldingen', {}, `/cafes/${cafe.slug}/ontvolgen`);
    expect(await follows()).toBe(0);
  });

  it('signed link: GET shows one button and changes nothing, a POST with the token alone cancels', async () => {
    const m = await freshMeeting(10);
    const who = await member('Link Lezer');
    const r = await signups().signUp(gent, m.id, who.membership!.id, party(1));
    const mail = await sink.waitFor((x) => recipient(x) === who.email);
    const link = linkIn(mail);
    const anon = t.agent('gent');
    const shown = await anon.get(link).expect(200);
    expect(shown.text).toContain('Ja, meld me af');
    expect(shown.text).not.toContain('name="_csrf"');
    expect((await signupOf(m.id, who)).status).toBe('confirmed');
    // RFC 8058 one-click: a fresh client, no cookie, no CSRF token.
    const done = await t
      .agent('gent')
      .post(link)
      .type('form')
      .send({ 'List-Unsubscribe': 'One-Click' })
      .expect(200);
    expect(done.text).toContain('Je bent afgemeld');
    expect((await signupOf(m.id, who)).status).toBe('cancelled');
    // Again: nothing to do, said plainly.
    const again = await t.agent('gent').post(link).expect(200);
    expect(again.text).toContain('Je bent niet (meer) aangemeld');
    // An old link does not cancel a new sign-up.
    await signups().signUp(gent, m.id, who.membership!.id, party(1));
    await t.agent('gent').post(link).expect(200);
    expect((await signupOf(m.id, who)).status).toBe('confirmed');
    expect(r.ok).toBe(true);
  });

  it('refuses a tampered, expired or foreign token with a Dutch page and changes nothing', async () => {
    const m = await freshMeeting(10);
    const who = await member('Wantrouwig');
    await signups().signUp(gent, m.id, who.membership!.id, party(1));
    const s = await signupOf(m.id, who);
    const links = t.get(SignedLinks);
    const good = links.sign(
      SIGNUP_CANCEL_PURPOSE,
      gent.id,
      [s.id, String(s.queuedAt.getTime())],
      m.endsAt,
    );
    const [body, mac] = good.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), exp: 9999999999 }),
    ).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${body}.${mac.slice(0, -3)}xyz`, 'onzin']) {
      const res = await t.agent('gent').post(`/e/afmelden/${bad}`).expect(404);
      expect(res.text).toContain('Deze link werkt niet');
    }
    const expired = links.sign(
      SIGNUP_CANCEL_PURPOSE,
      gent.id,
      [s.id, String(s.queuedAt.getTime())],
      new Date(clock.now().getTime() - 1000),
    );
    const res = await t.agent('gent').post(`/e/afmelden/${expired}`).expect(400);
    expect(res.text).toContain('Deze link is verlopen');
    // A token of another municipality: the signature is fine, the host is not.
    const ieperMeeting = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId: ieper.id, cafeId: ieperCafe.id }),
      );
    const ieperMember = await createMember(t, { tenant: ieper, role: 'caregiver' });
    await signups().signUp(ieper, ieperMeeting.id, ieperMember.membership!.id, party(1));
    const ieperSignup = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em
          .getRepository(Signup)
          .findOneByOrFail({ tenantId: ieper.id, meetingId: ieperMeeting.id }),
      );
    const foreign = links.sign(
      SIGNUP_CANCEL_PURPOSE,
      ieper.id,
      [ieperSignup.id, String(ieperSignup.queuedAt.getTime())],
      ieperMeeting.endsAt,
    );
    await t.agent('gent').get(`/e/afmelden/${foreign}`).expect(404);
    await t.agent('gent').post(`/e/afmelden/${foreign}`).expect(404);
    // A gent token naming ieper's sign-up id does not find it either.
    const crossed = links.sign(
      SIGNUP_CANCEL_PURPOSE,
      gent.id,
      [ieperSignup.id, String(ieperSignup.queuedAt.getTime())],
      ieperMeeting.endsAt,
    );
    await t.agent('gent').post(`/e/afmelden/${crossed}`).expect(404);
    const still = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em.getRepository(Signup).findOneByOrFail({ tenantId: ieper.id, id: ieperSignup.id }),
      );
    expect(still.status).toBe('confirmed');
    expect((await signupOf(m.id, who)).status).toBe('confirmed');
    // On its own host the token works.
    await t.agent('ieper').post(`/e/afmelden/${foreign}`).expect(200);
  });

  it('needs a CSRF token everywhere except the /e/ one-click routes', async () => {
    const m = await freshMeeting(10);
    await agent.get(page(m)).expect(200);
    await agent
      .post(`${page(m)}/aanmelden`)
      .type('form')
      .send({ companions: '0' })
      .expect(403);
    await agent.post(`/cafes/${cafe.slug}/volgen`).type('form').send({}).expect(403);
  });

  it('asks anonymous visitors to log in; 404 for another municipality’s meeting', async () => {
    const m = await freshMeeting(10);
    const anon = t.agent('gent');
    await anon.get(page(m)).expect(200);
    const ieperMeeting = await t
      .get(TenantTransaction)
      .run(asTenantId(ieper.id), (em) =>
        em.getRepository(Meeting).findOneByOrFail({ tenantId: ieper.id, cafeId: ieperCafe.id }),
      );
    const res = await submitForm(
      agent,
      page(m),
      { companions: '0' },
      `/cafes/ieper-cafe/${ieperMeeting.key}/aanmelden`,
    );
    expect(res.status).toBe(404);
    const res2 = await submitForm(agent, page(m), {}, `/cafes/ieper-cafe/volgen`);
    expect(res2.status).toBe(404);
    await anon.get('/mijn-aanmeldingen').expect(303);
  });

  it('refuses sign-ups for a cancelled or past meeting, in Dutch', async () => {
    const m = await freshMeeting(10);
    await tx((em) =>
      em.getRepository(Meeting).update({ tenantId: gentId, id: m.id }, { status: 'cancelled' }),
    );
    const who = await member('Te Laat');
    expect(await signups().signUp(gent, m.id, who.membership!.id, alone)).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    const form = await agent.get(`/cafes/${cafe.slug}/${meetings[next].key}`).expect(200);
    expect(form.text).toContain('name="companions"');
    const res = await submitForm(
      agent,
      `/cafes/${cafe.slug}/${meetings[next].key}`,
      { companions: '0' },
      `${page(m)}/aanmelden`,
    );
    expect(res.status).toBe(409);
    expect(res.text).toContain('Deze bijeenkomst gaat niet door');
    const past = await freshMeeting(10);
    await tx((em) =>
      em.getRepository(Meeting).update(
        { tenantId: gentId, id: past.id },
        {
          startsAt: new Date(clock.now().getTime() - 3 * 3600_000),
          endsAt: new Date(clock.now().getTime() - 3600_000),
        },
      ),
    );
    expect(await signups().signUp(gent, past.id, who.membership!.id, alone)).toEqual({
      ok: false,
      reason: 'past',
    });
  });
});
