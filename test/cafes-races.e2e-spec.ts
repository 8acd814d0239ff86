import { DateTime } from 'luxon';
import sharp from 'sharp';
import type { EntityManager } from 'typeorm';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import type { Meeting } from '../src/cafes/common/entities/meeting.entity';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { SignupsService, type SignupInput } from '../src/cafes/signups/signups.service';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { StoredFile } from '../src/files/entities/stored-file.entity';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { cafeForm, cafeInput, cafeFixtures } from './support/cafes';
import { csrfIn, formPost, logIn } from './support/csrf';
import { queryAs } from './support/database';
import { createMember, createTenant, type TestMember } from './support/factories';
import { blockedBehind, holdTransaction, type HeldTransaction } from './support/locks';
import { meetingAt, ruleFreeCafe } from './support/reminders';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Races in the café (issue 7, item 2), each with real interleaving: a second connection holds a
 * lock (or plays the other transaction) while a real request runs into it, then lets go. Each
 * test failed before its fix.
 */
type Agent = ReturnType<TestApp['agent']>;

const DAY = 24 * 3600_000;
const alone: SignupInput = {
  companions: 0,
  needsRespite: false,
  needsTransport: false,
  needsOther: null,
};

/** 14:00 in Brussels, `days` days after `now`: a time the meeting form can show exactly. */
const at14From = (now: Date, days: number) =>
  DateTime.fromJSDate(now, { zone: 'Europe/Brussels' })
    .plus({ days })
    .set({ hour: 14, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();

/** The meeting form as a host's browser posts it, with the times the page showed. */
function meetingFields(m: Pick<Meeting, 'startsAt' | 'endsAt' | 'capacity'>, theme = '') {
  const start = DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' });
  return {
    theme,
    speaker: '',
    speakerExpertise: '',
    description: '',
    date: start.toISODate()!,
    startTime: start.toFormat('HH:mm'),
    endTime: DateTime.fromJSDate(m.endsAt, { zone: 'Europe/Brussels' }).toFormat('HH:mm'),
    capacity: String(m.capacity),
  };
}

describe('café races', () => {
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let admin: TestMember;
  let adminAgent: Agent;
  let held: HeldTransaction | null = null;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const asAdmin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    queryAs<T>(t.db.adminUrl, sql, params);
  const at14 = (days: number) => at14From(t.clock.now(), days);
  const hold = async () => (held = await holdTransaction(t.db.adminUrl));
  /** Starts a prepared request now (awaiting supertest's request is what sends it). */
  const send = (prepared: Promise<{ post: PromiseLike<{ status: number }> }>) =>
    prepared.then(async ({ post }) => (await post).status);
  const member = async (name: string) => {
    const m = await createMember(t, { tenant: gent, displayName: name });
    return { ...m, id: m.membership!.id };
  };
  const signupStatus = (meetingId: string, membershipId: string) =>
    tx(
      async (em) =>
        (await em.getRepository(Signup).findOneBy({ tenantId: gentId, meetingId, membershipId }))
          ?.status,
    );

  beforeAll(async () => {
    t = await createTestApp();
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
    admin = await createMember(t, { tenant: gent, role: 'tenant_admin' });
    adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
  });
  afterEach(async () => {
    await held?.close();
    held = null;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('a host edits a meeting that another host just moved', () => {
    let cafe: Cafe;
    beforeAll(async () => {
      cafe = await ruleFreeCafe(t, gent, 'verplaatst');
    });

    it.each([
      ['keeps the time the page showed (changes only the theme)', 0],
      ['moves it to yet another day', 2 * DAY],
    ])(
      'and %s: the reminders for the time really stored are dropped, everyone hears the new time',
      async (_case, shift) => {
        const shown = await meetingAt(t, cafe, at14(10));
        const person = await member('Ingeschreven Persoon');
        await t.get(SignupsService).signUp(gent, shown.id, person.id, alone);
        const page = `/cafes/${cafe.slug}/${shown.key}/bewerken`;
        const posted = { ...shown, startsAt: new Date(shown.startsAt.getTime() + shift) };
        posted.endsAt = new Date(posted.startsAt.getTime() + 2 * 3600_000);
        const prepared = formPost(adminAgent, page, meetingFields(posted, 'Nieuw thema'));
        await prepared; // the edit page as this host loaded it: the old time

        // Another host moves the meeting a day later; the planner already wrote a reminder for
        // that time. Not committed yet when this host's save reads the meeting.
        const movedTo = new Date(shown.startsAt.getTime() + DAY);
        const reminderKey = `reminder:${shown.id}:${movedTo.toISOString()}:${person.id}:1440`;
        await hold();
        await held!.query(
          `update meetings set starts_at = $2, ends_at = $3, sequence = sequence + 1, edited = true
            where id = $1`,
          [shown.id, movedTo, new Date(movedTo.getTime() + 2 * 3600_000)],
        );
        await held!.query(
          `insert into outbox_messages (tenant_id, key, to_address, subject, text, send_after)
           values ($1, $2, $3, 'Herinnering: morgen', 'morgen', $4)`,
          [gentId, reminderKey, person.email, new Date(movedTo.getTime() - DAY)],
        );
        const saving = send(prepared);
        await blockedBehind(t.db.adminUrl, held!, 1);
        await held!.commit();
        expect(await saving).toBe(303);

        const [reminder] = await asAdmin<{ status: string }>(
          'select status from outbox_messages where key = $1',
          [reminderKey],
        );
        expect(reminder.status).toBe('dropped');
        const [row] = await asAdmin<{ starts_at: Date; sequence: number; theme: string }>(
          'select starts_at, sequence, theme from meetings where id = $1',
          [shown.id],
        );
        expect(row).toMatchObject({
          starts_at: posted.startsAt,
          sequence: 2,
          theme: 'Nieuw thema',
        });
        // The person was told the time the meeting has now (their last notice was for none).
        const notices = await asAdmin<{ key: string }>(
          `select key from outbox_messages where starts_with(key, 'meeting-changed:' || $1)`,
          [shown.id],
        );
        expect(notices.map((n) => n.key)).toEqual([`meeting-changed:${shown.id}:2:${person.id}`]);
      },
    );
  });

  it('a host who moves a meeting that another host cancels at that moment is refused: no "Gewijzigd" for a cancelled meeting', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'afgelast');
    const shown = await meetingAt(t, cafe, at14(9));
    const person = await member('Hoort Het Graag');
    await t.get(SignupsService).signUp(gent, shown.id, person.id, alone);
    const later = new Date(shown.startsAt.getTime() + DAY);
    const edit = formPost(
      adminAgent,
      `/cafes/${cafe.slug}/${shown.key}/bewerken`,
      meetingFields({
        ...shown,
        startsAt: later,
        endsAt: new Date(later.getTime() + 2 * 3600_000),
      }),
    );
    await edit;

    await hold();
    await held!.query(
      `update meetings set status = 'cancelled', sequence = sequence + 1 where id = $1`,
      [shown.id],
    );
    const saving = send(edit);
    await blockedBehind(t.db.adminUrl, held!, 1);
    await held!.commit();
    expect(await saving).toBe(409);

    const [row] = await asAdmin<{ starts_at: Date; status: string }>(
      'select starts_at, status from meetings where id = $1',
      [shown.id],
    );
    expect(row).toEqual({ starts_at: shown.startsAt, status: 'cancelled' });
    const changed = await asAdmin(
      `select 1 from outbox_messages where starts_with(key, 'meeting-changed:' || $1)`,
      [shown.id],
    );
    expect(changed).toHaveLength(0);
  });

  it('a raised capacity goes to the waitlist first, not to a newcomer who signs up at that moment', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'capaciteit');
    const meeting = await meetingAt(t, cafe, at14(12), 1);
    const [seated, waiting, newcomer] = [
      await member('Heeft Plaats'),
      await member('Wacht Al Lang'),
      await member('Komt Net Binnen'),
    ];
    const signups = t.get(SignupsService);
    await signups.signUp(gent, meeting.id, seated.id, alone);
    expect(await signups.signUp(gent, meeting.id, waiting.id, alone)).toMatchObject({
      status: 'waitlisted',
    });
    const page = `/cafes/${cafe.slug}/${meeting.key}`;
    const edit = formPost(
      adminAgent,
      `${page}/bewerken`,
      meetingFields({ ...meeting, capacity: 2 }),
    );
    const newcomerAgent = t.agent('gent');
    await logIn(newcomerAgent, newcomer);
    const signUp = formPost(newcomerAgent, page, { companions: '0' }, `${page}/aanmelden`);
    await Promise.all([edit, signUp]);

    // The meeting row is busy (e.g. another sign-up): the host's save queues first, the newcomer next.
    await hold();
    await held!.query('select 1 from meetings where id = $1 for update', [meeting.id]);
    const saving = send(edit);
    await blockedBehind(t.db.adminUrl, held!, 1);
    const signingUp = send(signUp);
    await blockedBehind(t.db.adminUrl, held!, 2);
    await held!.commit();
    expect(await saving).toBe(303);
    expect(await signingUp).toBe(303);

    expect(await signupStatus(meeting.id, waiting.id)).toBe('confirmed');
    expect(await signupStatus(meeting.id, newcomer.id)).toBe('waitlisted');
    const promoted = await asAdmin(
      `select 1 from outbox_messages where starts_with(key, 'waitlist-promoted:') and to_address = $1`,
      [waiting.email],
    );
    expect(promoted).toHaveLength(1);
  });

  it('a rule change keeps a meeting that someone signs up for in the same instant', async () => {
    const cafe = (await cafeFixtures(t).create(
      gentId,
      cafeInput({ slug: 'regelwissel', name: 'Café Regelwissel' }),
    ))!;
    const [, meeting] = await tx((em) => cafeFixtures(t).upcoming(em, gentId, cafe.id, 2));
    const person = await member('Meldt Zich Aan');
    const save = formPost(
      adminAgent,
      `/beheer/cafes/${cafe.slug}`,
      cafeForm({ slug: cafe.slug, name: cafe.name, weekday: 'TH' }),
    );
    await save;

    // A sign-up's transaction, as SignupsService runs it: the meeting locked, the sign-up written;
    // not committed yet when the café's save counts the sign-ups of the meetings it will remove.
    await hold();
    await held!.query('select 1 from meetings where id = $1 for update', [meeting.id]);
    await held!.query(
      `insert into signups (tenant_id, meeting_id, membership_id, status) values ($1, $2, $3, 'confirmed')`,
      [gentId, meeting.id, person.id],
    );
    const saving = send(save);
    await blockedBehind(t.db.adminUrl, held!, 1);
    await held!.commit();
    expect(await saving).toBe(303);

    expect(await signupStatus(meeting.id, person.id)).toBe('confirmed');
    const meetings = await tx((em) => cafeFixtures(t).upcoming(em, gentId, cafe.id, 40));
    expect(meetings.map((m) => m.id)).toContain(meeting.id);
    // The other first Tuesdays made way for first Thursdays.
    const weekdays = new Set(
      meetings
        .filter((m) => m.id !== meeting.id)
        .map((m) => DateTime.fromJSDate(m.startsAt, { zone: 'Europe/Brussels' }).weekday),
    );
    expect([...weekdays]).toEqual([4]);
  });

  it('a café saved while another admin changes its place: the place put back is announced', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'verhuisd');
    const meeting = await meetingAt(t, cafe, at14(15));
    const person = await member('Komt Naar Het Café');
    await t.get(SignupsService).signUp(gent, meeting.id, person.id, alone);
    // This admin's page still shows the old place; they change only the description.
    const fields = cafeForm({
      slug: cafe.slug,
      name: cafe.name,
      schedule: 'none',
      description: 'Een nieuwe beschrijving.',
    });
    expect(fields.venueName).toBe(cafe.venueName);
    const save = formPost(adminAgent, `/beheer/cafes/${cafe.slug}`, fields);
    await save;

    // Another admin's save moves the café to Het Pand, not committed yet.
    await hold();
    await held!.query(`update cafes set venue_name = 'Het Pand' where id = $1`, [cafe.id]);
    const saving = send(save);
    await blockedBehind(t.db.adminUrl, held!, 1);
    await held!.commit();
    expect(await saving).toBe(303);

    const [row] = await asAdmin<{ venue_name: string }>(
      'select venue_name from cafes where id = $1',
      [cafe.id],
    );
    expect(row.venue_name).toBe(cafe.venueName);
    // Those who heard "Het Pand" (from the other save) hear that the place is the old one again.
    const notices = await asAdmin<{ key: string }>(
      `select key from outbox_messages where starts_with(key, 'meeting-changed:' || $1)`,
      [meeting.id],
    );
    expect(notices.map((n) => n.key)).toEqual([`meeting-changed:${meeting.id}:1:${person.id}`]);
  });

  it('two cafés renamed to the same address at once: one is saved, the other hears it is taken', async () => {
    const first = await ruleFreeCafe(t, gent, 'eerste-naam');
    const second = await ruleFreeCafe(t, gent, 'tweede-naam');
    const fields = cafeForm({ slug: 'gedeelde-naam', name: second.name, schedule: 'none' });
    const save = formPost(adminAgent, `/beheer/cafes/${second.slug}`, fields);
    await save;

    // Another admin renames the first café to the same address, not committed yet: the check
    // for a taken address cannot see it, the UPDATE then waits on the unique index.
    await hold();
    await held!.query(`update cafes set slug = 'gedeelde-naam' where id = $1`, [first.id]);
    const saving = save.then(async ({ post }) => post);
    await blockedBehind(t.db.adminUrl, held!, 1);
    await held!.commit();
    const res = await saving;
    expect(res.status).toBe(400);
    expect(res.text).toContain('Er is al een café met dit adres. Kies een ander.');
    expect(res.text).toContain('value="gedeelde-naam"');
    const rows = await asAdmin<{ id: string }>(`select id from cafes where slug = 'gedeelde-naam'`);
    expect(rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('two logo uploads at once leave one logo and no orphan file', async () => {
    const logo = (colour: string) =>
      sharp({ create: { width: 40, height: 20, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const action = async () => {
      const page = await adminAgent.get('/beheer/huisstijl').expect(200);
      return `/beheer/huisstijl/logo?_csrf=${encodeURIComponent(csrfIn(page.text))}`;
    };
    const upload = async (colour: string) =>
      adminAgent.post(await action()).attach('logo', await logo(colour), {
        filename: 'logo.png',
        contentType: 'image/png',
      });
    expect((await upload('#114477')).status).toBe(303);

    // The hub's row is busy (another admin saves the colour: an UPDATE's row lock, which leaves
    // inserts that reference the hub alone): both uploads arrive meanwhile.
    await hold();
    await held!.query('select 1 from tenants where id = $1 for no key update', [gent.id]);
    const uploads = Promise.all([upload('#225588'), upload('#336699')]);
    await blockedBehind(t.db.adminUrl, held!, 2);
    await held!.commit();
    expect((await uploads).map((r) => r.status)).toEqual([303, 303]);

    const files = await tx((em) => em.getRepository(StoredFile).findBy({ tenantId: gentId }));
    const [tenant] = await asAdmin<{ logo_file_id: string }>(
      'select logo_file_id from tenants where id = $1',
      [gent.id],
    );
    expect(files.map((f) => f.id)).toEqual([tenant.logo_file_id]);
  });
});
