import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { CafeFollow, type FollowReminders } from '../src/cafes/follows/entities/cafe-follow.entity';
import { Meeting } from '../src/cafes/common/entities/meeting.entity';
import { FollowsService } from '../src/cafes/follows/follows.service';
import { Signup } from '../src/cafes/signups/entities/signup.entity';
import { ReminderPlannerService } from '../src/cafes/reminders/reminder-planner.service';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { QUEUES } from '../src/jobs/job-defaults';
import { MAIL_JOBS } from '../src/mail/jobs/mail.constants';
import { messageIdFor } from '../src/mail/message-id';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { Membership } from '../src/auth/entities/membership.entity';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createMember, createTenant, type TestMember } from './support/factories';
import { calendarDaysAfter, ORDINARY_NOW, TEST_NOWS } from './support/nows';
import { backdate, icsOf, linkIn, meetingAt, ruleFreeCafe } from './support/reminders';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';
import { cafeFixtures } from './support/cafes';

/**
 * Café reminders (issue 3, slice 3): who gets which reminder when, the mail itself and its
 * one-click links (sign up, stop this café, stop all), and the notices when a meeting moves, its
 * place changes or it is cancelled. Against PostgreSQL, Redis, the worker and the SMTP sink.
 * The app runs at a fixed "now" (a TestClock): the reminders' moments in calendar days are checked
 * at every instant of TEST_NOWS (around the changes of the clocks, 23:30, the first of a month);
 * the rest at an ordinary weekday.
 */

describe('café reminders', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let planner: ReminderPlannerService;
  let mailQueue: Queue;
  let n = 0;
  const clock = new TestClock(ORDINARY_NOW);
  /** `days` calendar days from the clock's now, at the same local time. */
  const daysAhead = (days: number) => calendarDaysAfter(clock.now(), days);
  /** One calendar day before `instant` in local time: when a "1 day before" reminder is due. */
  const dayBefore = (instant: Date) => calendarDaysAfter(instant, -1).getTime();

  const tx = <T>(work: Parameters<TenantTransaction['run']>[1]) =>
    t.get(TenantTransaction).run(gentId, work) as Promise<T>;

  async function member(
    name: string,
    defaultChoice: Membership['cafeReminders'] = 'all',
  ): Promise<TestMember & { id: string }> {
    n++;
    const m = await createMember(t, {
      tenant: gent,
      email: `${name.toLowerCase()}-${n}@example.be`,
      displayName: name,
    });
    await tx((em) =>
      em
        .getRepository(Membership)
        .update({ tenantId: gentId, id: m.membership!.id }, { cafeReminders: defaultChoice }),
    );
    return { ...m, id: m.membership!.id };
  }

  const follow = (cafe: Cafe, m: { id: string }, reminders: FollowReminders = 'default') =>
    tx((em) =>
      em.getRepository(CafeFollow).insert({
        tenantId: gentId,
        cafeId: cafe.id,
        membershipId: m.id,
        reminders,
        createdAt: clock.now(),
      }),
    );

  const signUp = (meeting: Meeting, m: { id: string }, status: 'confirmed' | 'waitlisted') =>
    tx((em) =>
      em.getRepository(Signup).insert({
        tenantId: gentId,
        meetingId: meeting.id,
        membershipId: m.id,
        status,
        queuedAt: clock.now(),
      }),
    );

  /** Every mail in the sink for one person. */
  const mailsTo = (m: { email: string }) => sink.messages.filter((x) => recipient(x) === m.email);

  async function outboxKeys(prefix: string) {
    return queryAs<{ key: string; status: string }>(
      t.db.adminUrl,
      `select key, status from outbox_messages where starts_with(key, $1) order by key`,
      [prefix],
    );
  }

  /** Nothing left to deliver: no deliver job waiting or running. */
  async function quiet(): Promise<void> {
    await eventually(
      async () => {
        const jobs = await mailQueue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
        return jobs.every((job) => job.name !== MAIL_JOBS.deliver);
      },
      15_000,
      'the mail queue to be idle',
    );
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ smtpUrl: sink.url, clock });
    planner = t.get(ReminderPlannerService);
    mailQueue = t.app.get<Queue>(getQueueToken(QUEUES.mail));
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('reminds those signed up and the followers who want every meeting, once, however often the planner runs', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-wie');
    const meeting = await meetingAt(t, cafe, daysAhead(3));
    const ann = await member('Ann'); // signed up
    const bert = await member('Bert'); // follows, wants every meeting
    const carla = await member('Carla', 'signed_up'); // follows, only when signed up
    const dirk = await member('Dirk'); // signed up, but no reminders from this café
    const eva = await member('Eva'); // on the waitlist
    const frank = await member('Frank', 'none'); // follows; none by default, but all for this café
    const gina = await member('Gina'); // signed up only after the 7-day moment
    for (const m of [bert, carla]) await follow(cafe, m);
    await follow(cafe, dirk, 'none');
    await follow(cafe, frank, 'all');
    for (const m of [ann, dirk, gina]) await signUp(meeting, m, 'confirmed');
    await signUp(meeting, eva, 'waitlisted');
    await backdate(
      t,
      [ann, bert, carla, dirk, eva, frank].map((m) => m.id),
      daysAhead(-10),
    );

    // Twice at once and once more: one reminder each.
    await Promise.all([planner.planTenant(gent), planner.planTenant(gent)]);
    const again = await planner.planTenant(gent);
    expect(again.queued).toBe(0);

    const keys = await outboxKeys(`reminder:${meeting.id}:`);
    const prefix = `reminder:${meeting.id}:${meeting.startsAt.toISOString()}:`;
    expect(keys.map((k) => k.key).sort()).toEqual(
      [ann, bert, eva, frank].map((m) => `${prefix}${m.id}:10080`).sort(),
    );
    for (const m of [ann, bert, eva, frank]) await sink.waitFor((x) => recipient(x) === m.email);
    await quiet();
    for (const m of [ann, bert, eva, frank]) expect(mailsTo(m)).toHaveLength(1);
    for (const m of [carla, dirk, gina]) expect(mailsTo(m)).toHaveLength(0);

    const [forAnn] = mailsTo(ann);
    expect(forAnn.subject).toMatch(/^Herinnering: Café reminder-wie over 3 dagen \(/);
    expect(forAnn.messageId).toBe(messageIdFor(gentId, `${prefix}${ann.id}:10080`, 'localhost'));
    expect(forAnn.text).toContain('je bent aangemeld');
    expect(forAnn.text).toContain(
      'Je krijgt deze herinnering omdat je je aanmeldde voor Café reminder-wie op de Mantelzorghub Gent.',
    );
    expect(forAnn.text).toContain('Lokaal dienstencentrum De Wegwijzer');
    expect(forAnn.text).toContain(`/cafes/reminder-wie/${meeting.key}`);
    expect(linkIn(forAnn, '/e/afmelden/')).toBeTruthy();
    const unsubscribe = linkIn(forAnn, '/e/herinneringen/');
    const header = (name: string) =>
      forAnn.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n(?=[ \t])/g, '');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(icsOf(forAnn)).toContain(`UID:meeting-${meeting.id}@localhost`);

    const [forBert] = mailsTo(bert);
    expect(forBert.text).toContain('je volgt dit café');
    expect(linkIn(forBert, '/e/aanmelden/')).toBeTruthy();
    expect(forBert.text).not.toContain('/e/afmelden/');
    expect(mailsTo(eva)[0].text).toContain('je staat op de wachtlijst');
  });

  it('sends the next reminder at its own moment: one day before, in local time', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-dag');
    const startsAt = daysAhead(3);
    const meeting = await meetingAt(t, cafe, startsAt);
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    await backdate(t, [ann.id], daysAhead(-10));
    await planner.planTenant(gent);
    await sink.waitFor((x) => recipient(x) === ann.email);
    // Just before the 1-day moment nothing new; just after, the 1-day reminder.
    const prefix = `reminder:${meeting.id}:${startsAt.toISOString()}:${ann.id}:`;
    await planner.planTenant(gent, new Date(dayBefore(startsAt) - 60_000));
    expect((await outboxKeys(prefix)).map((r) => r.key)).toEqual([`${prefix}10080`]);
    await planner.planTenant(gent, new Date(dayBefore(startsAt) + 60_000));
    expect((await outboxKeys(prefix)).map((r) => r.key)).toEqual([
      `${prefix}10080`,
      `${prefix}1440`,
    ]);
    const reminder = await sink.waitFor(
      (x) => recipient(x) === ann.email && (x.subject ?? '').includes('morgen'),
    );
    expect(reminder.subject).toContain('Café reminder-dag morgen');
    // Once the meeting began, no more.
    await planner.planTenant(gent, new Date(startsAt.getTime() + 60_000));
    expect(await outboxKeys(prefix)).toHaveLength(2);
  });

  it('someone who follows through the app after the 7-day moment waits for the 1-day reminder', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-laatkomer');
    const startsAt = daysAhead(3);
    const meeting = await meetingAt(t, cafe, startsAt);
    const ann = await member('Ann');
    // Followed now (the app's clock), four days after the 7-day moment.
    await tx((em) => t.get(FollowsService).follow(em, gentId, cafe.id, ann.id));
    const prefix = `reminder:${meeting.id}:${startsAt.toISOString()}:${ann.id}:`;
    await planner.planTenant(gent);
    expect(await outboxKeys(prefix)).toEqual([]);
    await planner.planTenant(gent, new Date(dayBefore(startsAt) + 60_000));
    expect((await outboxKeys(prefix)).map((r) => r.key)).toEqual([`${prefix}1440`]);
  });

  it("stops this café's reminders with the one-click unsubscribe (RFC 8058), without logging in, and offers to stop all", async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-uit');
    const other = await ruleFreeCafe(t, gent, 'reminder-ander');
    const startsAt = daysAhead(3);
    const meeting = await meetingAt(t, cafe, startsAt);
    const otherMeeting = await meetingAt(t, other, startsAt);
    const ann = await member('Ann');
    await follow(cafe, ann);
    await follow(other, ann);
    await backdate(t, [ann.id], daysAhead(-10));
    await planner.planTenant(gent);
    const mail = await sink.waitFor(
      (x) => recipient(x) === ann.email && (x.subject ?? '').includes('reminder-uit'),
    );
    const url = new URL(linkIn(mail, '/e/herinneringen/'));

    // A link scanner's GET changes nothing.
    const page = await t.agent('gent').get(url.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ja, stop de herinneringen van dit café');
    const followRow = () =>
      tx((em) =>
        em
          .getRepository(CafeFollow)
          .findOneByOrFail({ tenantId: gentId, cafeId: cafe.id, membershipId: ann.id }),
      ) as Promise<CafeFollow>;
    expect((await followRow()).reminders).toBe('default');

    // The mail client's one-click POST: no cookie, no CSRF token.
    const post = await request(t.app.getHttpServer())
      .post(url.pathname)
      .set('Host', 'gent.localhost')
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(post.status).toBe(200);
    expect(post.headers['set-cookie']).toBeUndefined();
    expect(post.text).toContain('Je krijgt geen herinneringen meer van Café reminder-uit');
    expect((await followRow()).reminders).toBe('none');

    // At the 1-day moment: the other café still reminds, this one not.
    await planner.planTenant(gent, new Date(dayBefore(startsAt) + 60_000));
    expect(
      await outboxKeys(`reminder:${meeting.id}:${startsAt.toISOString()}:${ann.id}:1440`),
    ).toEqual([]);
    expect(
      await outboxKeys(`reminder:${otherMeeting.id}:${startsAt.toISOString()}:${ann.id}:1440`),
    ).toHaveLength(1);

    // The page offers to stop all of them, also with one click.
    const allOff = post.text.match(/action="(\/e\/herinneringen-alle\/[^"]+)"/)![1];
    expect((await t.agent('gent').get(allOff)).text).toContain('Ja, stop alle herinneringen');
    const done = await request(t.app.getHttpServer()).post(allOff).set('Host', 'gent.localhost');
    expect(done.status).toBe(200);
    expect(done.text).toContain('Alle herinneringen zijn uit');
    const membership = await tx((em) =>
      em.getRepository(Membership).findOneByOrFail({ tenantId: gentId, id: ann.id }),
    );
    expect((membership as Membership).cafeReminders).toBe('none');
    const later = await meetingAt(t, other, daysAhead(2));
    await planner.planTenant(gent);
    expect(await outboxKeys(`reminder:${later.id}:`)).toEqual([]);
  });

  it('signs a follower up with one click from the reminder (GET only asks)', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-klik');
    const meeting = await meetingAt(t, cafe, daysAhead(3));
    const bert = await member('Bert');
    await follow(cafe, bert);
    await backdate(t, [bert.id], daysAhead(-10));
    await planner.planTenant(gent);
    const mail = await sink.waitFor(
      (x) => recipient(x) === bert.email && (x.subject ?? '').includes('reminder-klik'),
    );
    const path = new URL(linkIn(mail, '/e/aanmelden/')).pathname;
    const signupRow = () =>
      tx((em) =>
        em
          .getRepository(Signup)
          .findOneBy({ tenantId: gentId, meetingId: meeting.id, membershipId: bert.id }),
      ) as Promise<Signup | null>;

    const page = await t.agent('gent').get(path);
    expect(page.text).toContain('Ja, meld mij aan');
    expect(await signupRow()).toBeNull();

    const post = await request(t.app.getHttpServer()).post(path).set('Host', 'gent.localhost');
    expect(post.status).toBe(200);
    expect(post.text).toContain('Je bent aangemeld');
    expect((await signupRow())!.status).toBe('confirmed');
    await sink.waitFor(
      (x) => recipient(x) === bert.email && (x.subject ?? '').startsWith('Je bent aangemeld'),
    );
    const twice = await request(t.app.getHttpServer()).post(path).set('Host', 'gent.localhost');
    expect(twice.text).toContain('Je bent al aangemeld');

    // Another municipality's host, a tampered token: the link does not work.
    await createTenant(t, { slug: 'ieper-r' });
    expect(
      (await request(t.app.getHttpServer()).get(path).set('Host', 'ieper-r.localhost')).status,
    ).toBe(404);
    expect((await t.agent('gent').get(`${path.slice(0, -3)}abc`)).status).toBe(404);
  });

  it('tells those signed up at once when a meeting moves, drops the reminders for the old time and reminds again before the new time', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-verzet');
    const oldStart = daysAhead(3);
    const meeting = await meetingAt(t, cafe, oldStart);
    const ann = await member('Ann');
    const bert = await member('Bert'); // follows only: no notice
    await signUp(meeting, ann, 'confirmed');
    await follow(cafe, bert);
    await backdate(t, [ann.id, bert.id], daysAhead(-10));
    // The first try fails (the reminder stays pending, to be retried in a minute).
    sink.failNext(2);
    await planner.planTenant(gent);
    const oldPrefix = `reminder:${meeting.id}:${oldStart.toISOString()}:`;
    await eventually(
      async () =>
        (
          await queryAs<{ attempts: number }>(
            t.db.adminUrl,
            `select attempts from outbox_messages where starts_with(key, $1) and last_error is not null`,
            [oldPrefix],
          )
        ).length === 2,
      10_000,
      'both reminders to have failed once',
    );

    const newStart = daysAhead(5);
    await cafeFixtures(t).editMeeting(gent, meeting, {
      theme: null,
      speaker: null,
      speakerExpertise: null,
      description: '',
      startsAt: newStart,
      endsAt: new Date(newStart.getTime() + 2 * 3600_000),
      capacity: 20,
    });
    expect((await outboxKeys(oldPrefix)).map((r) => r.status)).toEqual(['dropped', 'dropped']);
    const notice = await sink.waitFor(
      (x) => recipient(x) === ann.email && (x.subject ?? '').startsWith('Gewijzigd'),
    );
    expect(notice.text).toContain('is veranderd');
    const ics = icsOf(notice);
    expect(ics).toContain(`UID:meeting-${meeting.id}@localhost`);
    expect(ics).toContain('SEQUENCE:1');
    expect(notice.attachments[0].contentType).toContain('text/calendar');
    expect(mailsTo(bert).filter((x) => (x.subject ?? '').startsWith('Gewijzigd'))).toHaveLength(0);

    // Its 7-day moment (two days ago) passed before the move: people already heard; nothing now.
    const newPrefix = `reminder:${meeting.id}:${newStart.toISOString()}:`;
    expect((await planner.planTenant(gent)).queued).toBe(0);
    // One day before the new time: both get the 1-day reminder.
    await planner.planTenant(gent, new Date(dayBefore(newStart) + 60_000));
    expect((await outboxKeys(newPrefix)).map((r) => r.key).sort()).toEqual(
      [`${newPrefix}${ann.id}:1440`, `${newPrefix}${bert.id}:1440`].sort(),
    );
  });

  it('sends a cancellation (METHOD:CANCEL) to those signed up and no more reminders', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-af');
    const meeting = await meetingAt(t, cafe, daysAhead(3));
    const ann = await member('Ann');
    const eva = await member('Eva');
    await signUp(meeting, ann, 'confirmed');
    await signUp(meeting, eva, 'waitlisted');
    await backdate(t, [ann.id, eva.id], daysAhead(-10));
    await cafeFixtures(t).cancelMeeting(gent, meeting);
    for (const m of [ann, eva]) {
      const mail = await sink.waitFor(
        (x) => recipient(x) === m.email && (x.subject ?? '').startsWith('Afgelast'),
      );
      const ics = icsOf(mail);
      expect(mail.text).toContain(
        'Je krijgt deze e-mail omdat je je aanmeldde voor Café reminder-af op de Mantelzorghub Gent.',
      );
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics).toContain('STATUS:CANCELLED');
      expect(ics).toContain('SEQUENCE:1');
    }
    expect((await planner.planTenant(gent)).queued).toBe(0);
    expect(await outboxKeys(`reminder:${meeting.id}:`)).toEqual([]);
  });

  it('tells those signed up for upcoming meetings when the place of the café changes', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-plek');
    const meeting = await meetingAt(t, cafe, daysAhead(10));
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    const { cafeInput } = await import('./support/cafes');
    const result = await cafeFixtures(t).update(
      gent,
      cafe.id,
      cafeInput({
        slug: cafe.slug,
        name: cafe.name,
        recurrenceRule: null,
        venueName: 'Het Pand',
        venueAddress: 'Onderbergen 1, 9000 Gent',
      }),
    );
    expect(result.ok).toBe(true);
    const notice = await sink.waitFor(
      (x) => recipient(x) === ann.email && (x.subject ?? '').startsWith('Gewijzigd'),
    );
    expect(notice.text).toContain('Het Pand');
    expect(icsOf(notice)).toContain('LOCATION:Het Pand\\, Onderbergen 1\\, 9000 Gent');
    const saved = await tx((em) =>
      em.getRepository(Meeting).findOneByOrFail({ tenantId: gentId, id: meeting.id }),
    );
    expect((saved as Meeting).sequence).toBe(1);
  });

  it('drops a reminder that could not go out before its meeting began', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-laat');
    const startsAt = daysAhead(3);
    const meeting = await meetingAt(t, cafe, startsAt);
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    await backdate(t, [ann.id], daysAhead(-10));
    sink.failNext(1);
    await planner.planTenant(gent);
    const key = `reminder:${meeting.id}:${startsAt.toISOString()}:${ann.id}:10080`;
    await eventually(
      async () =>
        (
          await queryAs<{ last_error: string | null }>(
            t.db.adminUrl,
            'select last_error from outbox_messages where key = $1',
            [key],
          )
        )[0]?.last_error,
      10_000,
      'the first attempt to fail (and its failure to be recorded)',
    );
    // As if the meeting had begun meanwhile: due again now, but past its discard moment.
    await queryAs(
      t.db.adminUrl,
      `update outbox_messages set discard_after = $2, send_after = now() where key = $1`,
      [key, new Date(clock.now().getTime() - 60_000)],
    );
    await t.get((await import('../src/mail/mail.service')).MailService).dispatch(gentId);
    await eventually(
      async () => (await outboxKeys(key))[0]?.status === 'dropped',
      10_000,
      'the late reminder to be dropped',
    );
    expect(mailsTo(ann)).toHaveLength(0);
  });

  it('writes no reminder for a meeting cancelled or moved between the planner reading it and writing the reminders', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-race');
    const cancelled = await meetingAt(t, cafe, daysAhead(3));
    const moved = await meetingAt(t, cafe, daysAhead(3));
    const kept = await meetingAt(t, cafe, daysAhead(3));
    const ann = await member('Ann');
    for (const m of [cancelled, moved, kept]) await signUp(m, ann, 'confirmed');
    await backdate(t, [ann.id], daysAhead(-10));

    // A host cancels one meeting and moves another, statement by statement as MeetingsService does
    // (the meeting first, then its waiting reminders dropped), on a second connection that has
    // not committed yet: the planner still reads both as scheduled at the old time.
    const host = new Client({ connectionString: t.db.adminUrl });
    await host.connect();
    try {
      await host.query('begin');
      await host.query(
        `update meetings set status = 'cancelled', cancelled_at = $2, sequence = sequence + 1
          where id = $1`,
        [cancelled.id, clock.now()],
      );
      await host.query(
        `update meetings set starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day',
                rescheduled_at = $2, sequence = sequence + 1, edited = true
          where id = $1`,
        [moved.id, clock.now()],
      );
      await host.query(
        `update outbox_messages set status = 'dropped', last_error = 'the meeting changed'
          where status = 'pending' and (starts_with(key, $1) or starts_with(key, $2))`,
        [`reminder:${cancelled.id}:`, `reminder:${moved.id}:`],
      );
      let planned = false;
      const planning = planner.planTenant(gent).finally(() => (planned = true));
      // The planner either waits for the host's row locks (it re-checks the meetings before
      // writing) or, without that check, has already written its reminders.
      await eventually(
        async () =>
          planned ||
          (
            await queryAs<{ n: number }>(
              t.db.adminUrl,
              `select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
            )
          )[0].n > 0,
        15_000,
        'the planner to wait for the meetings or to finish',
      );
      await host.query('commit');
      await planning;
    } finally {
      await host.end();
    }

    const pending = async (meeting: Meeting) =>
      (await outboxKeys(`reminder:${meeting.id}:`)).filter((r) => r.status !== 'dropped');
    expect(await pending(cancelled)).toEqual([]);
    expect(await pending(moved)).toEqual([]);
    expect((await pending(kept)).map((r) => r.key)).toEqual([
      `reminder:${kept.id}:${kept.startsAt.toISOString()}:${ann.id}:10080`,
    ]);
  });

  describe.each(TEST_NOWS)('at $label', ({ at, hoursToTomorrow }) => {
    beforeAll(() => clock.set(at));
    afterAll(() => clock.set(ORDINARY_NOW));

    const reminderRows = (meeting: Meeting) =>
      queryAs<{ key: string; subject: string }>(
        t.db.adminUrl,
        `select key, subject from outbox_messages where starts_with(key, $1) order by key`,
        [`reminder:${meeting.id}:`],
      );

    it('says "over 3 dagen" three calendar days ahead, and reminds one calendar day and one week before, in local time', async () => {
      const cafe = await ruleFreeCafe(t, gent, `reminder-nu-${++n}`);
      const ann = await member('Ann');
      // The "1 day" and "7 days" moments of these two meetings are one hour from now.
      const moment = new Date(clock.now().getTime() + 3600_000);
      const inThree = await meetingAt(t, cafe, daysAhead(3));
      const tomorrow = await meetingAt(t, cafe, calendarDaysAfter(moment, 1));
      const nextWeek = await meetingAt(t, cafe, calendarDaysAfter(moment, 7));
      // What this "now" is for: a day of 23 or 25 hours, also within the week.
      const hoursBefore = (m: Meeting) => (m.startsAt.getTime() - moment.getTime()) / 3600_000;
      expect(hoursBefore(tomorrow)).toBe(hoursToTomorrow);
      expect(hoursBefore(nextWeek)).toBe(6 * 24 + hoursToTomorrow);
      for (const m of [inThree, tomorrow, nextWeek]) await signUp(m, ann, 'confirmed');
      await backdate(t, [ann.id], daysAhead(-10));
      const key = (m: Meeting, offset: number) =>
        `reminder:${m.id}:${m.startsAt.toISOString()}:${ann.id}:${offset}`;

      await planner.planTenant(gent);
      expect(await reminderRows(inThree)).toEqual([
        {
          key: key(inThree, 10080),
          subject: expect.stringMatching(/^Herinnering: Café reminder-nu-\d+ over 3 dagen \(/),
        },
      ]);
      expect((await reminderRows(tomorrow)).map((r) => r.key)).toEqual([key(tomorrow, 10080)]);
      expect(await reminderRows(nextWeek)).toEqual([]);

      // A minute before the moment nothing new; a minute after, the 1-day and 7-day reminders.
      await planner.planTenant(gent, new Date(moment.getTime() - 60_000));
      expect(await reminderRows(nextWeek)).toEqual([]);
      expect(await reminderRows(tomorrow)).toHaveLength(1);
      await planner.planTenant(gent, new Date(moment.getTime() + 60_000));
      expect((await reminderRows(tomorrow)).find((r) => r.key === key(tomorrow, 1440))).toEqual({
        key: key(tomorrow, 1440),
        subject: expect.stringMatching(/ morgen \(/),
      });
      expect(await reminderRows(nextWeek)).toEqual([
        { key: key(nextWeek, 10080), subject: expect.stringMatching(/ over een week \(/) },
      ]);
    });
  });
});
