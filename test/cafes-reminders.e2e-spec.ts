import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { CafesService } from '../src/cafes/cafes.service';
import type { Cafe } from '../src/cafes/entities/cafe.entity';
import { CafeFollow, type FollowReminders } from '../src/cafes/entities/cafe-follow.entity';
import { Meeting } from '../src/cafes/entities/meeting.entity';
import { Signup } from '../src/cafes/entities/signup.entity';
import { ReminderPlannerService } from '../src/cafes/reminders/reminder-planner.service';
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
import { backdate, icsOf, linkIn, meetingAt, ruleFreeCafe } from './support/reminders';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Café reminders (issue 3, slice 3): who gets which reminder when, the mail itself and its
 * one-click links (sign up, stop this café, stop all), and the notices when a meeting moves, its
 * place changes or it is cancelled. Against PostgreSQL, Redis, the worker and the SMTP sink.
 */
const DAY = 24 * 3600_000;

describe('café reminders', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let planner: ReminderPlannerService;
  let mailQueue: Queue;
  let n = 0;

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
      em
        .getRepository(CafeFollow)
        .insert({ tenantId: gentId, cafeId: cafe.id, membershipId: m.id, reminders }),
    );

  const signUp = (meeting: Meeting, m: { id: string }, status: 'confirmed' | 'waitlisted') =>
    tx((em) =>
      em
        .getRepository(Signup)
        .insert({ tenantId: gentId, meetingId: meeting.id, membershipId: m.id, status }),
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
    t = await createTestApp({ smtpUrl: sink.url });
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
    const meeting = await meetingAt(t, cafe, new Date(Date.now() + 3 * DAY));
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
      new Date(Date.now() - 10 * DAY),
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
    const startsAt = new Date(Date.now() + 3 * DAY);
    const meeting = await meetingAt(t, cafe, startsAt);
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    await backdate(t, [ann.id], new Date(Date.now() - 10 * DAY));
    await planner.planTenant(gent);
    await sink.waitFor((x) => recipient(x) === ann.email);
    // Just before the 1-day moment nothing new; just after, the 1-day reminder.
    const prefix = `reminder:${meeting.id}:${startsAt.toISOString()}:${ann.id}:`;
    await planner.planTenant(gent, new Date(startsAt.getTime() - DAY - 60_000));
    expect((await outboxKeys(prefix)).map((r) => r.key)).toEqual([`${prefix}10080`]);
    await planner.planTenant(gent, new Date(startsAt.getTime() - DAY + 60_000));
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

  it("stops this café's reminders with the one-click unsubscribe (RFC 8058), without logging in, and offers to stop all", async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-uit');
    const other = await ruleFreeCafe(t, gent, 'reminder-ander');
    const startsAt = new Date(Date.now() + 3 * DAY);
    const meeting = await meetingAt(t, cafe, startsAt);
    const otherMeeting = await meetingAt(t, other, startsAt);
    const ann = await member('Ann');
    await follow(cafe, ann);
    await follow(other, ann);
    await backdate(t, [ann.id], new Date(Date.now() - 10 * DAY));
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
    await planner.planTenant(gent, new Date(startsAt.getTime() - DAY + 60_000));
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
    const later = await meetingAt(t, other, new Date(Date.now() + 2 * DAY));
    await planner.planTenant(gent);
    expect(await outboxKeys(`reminder:${later.id}:`)).toEqual([]);
  });

  it('signs a follower up with one click from the reminder (GET only asks)', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-klik');
    const meeting = await meetingAt(t, cafe, new Date(Date.now() + 3 * DAY));
    const bert = await member('Bert');
    await follow(cafe, bert);
    await backdate(t, [bert.id], new Date(Date.now() - 10 * DAY));
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
    const oldStart = new Date(Date.now() + 3 * DAY);
    const meeting = await meetingAt(t, cafe, oldStart);
    const ann = await member('Ann');
    const bert = await member('Bert'); // follows only: no notice
    await signUp(meeting, ann, 'confirmed');
    await follow(cafe, bert);
    await backdate(t, [ann.id, bert.id], new Date(Date.now() - 10 * DAY));
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

    const newStart = new Date(Date.now() + 5 * DAY);
    await t.get(CafesService).editMeeting(gent, meeting, {
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
    await planner.planTenant(gent, new Date(newStart.getTime() - DAY + 60_000));
    expect((await outboxKeys(newPrefix)).map((r) => r.key).sort()).toEqual(
      [`${newPrefix}${ann.id}:1440`, `${newPrefix}${bert.id}:1440`].sort(),
    );
  });

  it('sends a cancellation (METHOD:CANCEL) to those signed up and no more reminders', async () => {
    const cafe = await ruleFreeCafe(t, gent, 'reminder-af');
    const meeting = await meetingAt(t, cafe, new Date(Date.now() + 3 * DAY));
    const ann = await member('Ann');
    const eva = await member('Eva');
    await signUp(meeting, ann, 'confirmed');
    await signUp(meeting, eva, 'waitlisted');
    await backdate(t, [ann.id, eva.id], new Date(Date.now() - 10 * DAY));
    await t.get(CafesService).cancelMeeting(gent, meeting);
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
    const meeting = await meetingAt(t, cafe, new Date(Date.now() + 10 * DAY));
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    const { cafeInput } = await import('./support/cafes');
    const result = await t.get(CafesService).update(
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
    const startsAt = new Date(Date.now() + 3 * DAY);
    const meeting = await meetingAt(t, cafe, startsAt);
    const ann = await member('Ann');
    await signUp(meeting, ann, 'confirmed');
    await backdate(t, [ann.id], new Date(Date.now() - 10 * DAY));
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
      `update outbox_messages set discard_after = now() - interval '1 minute', send_after = now() where key = $1`,
      [key],
    );
    await t.get((await import('../src/mail/mail.service')).MailService).dispatch(gentId);
    await eventually(
      async () => (await outboxKeys(key))[0]?.status === 'dropped',
      10_000,
      'the late reminder to be dropped',
    );
    expect(mailsTo(ann)).toHaveLength(0);
  });
});
