import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { ParsedMail } from 'mailparser';
import { CourseSession } from '../src/academy/common/entities/course-session.entity';
import { CourseReminderPlannerService } from '../src/academy/enrolments/course-reminder-planner.service';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { QUEUES } from '../src/jobs/job-defaults';
import { CLAIM_BATCH_SIZE, MAIL_JOBS, SMTP_POOL } from '../src/mail/jobs/mail.constants';
import { MailDeliveryService } from '../src/mail/jobs/mail-delivery.service';
import { MailService } from '../src/mail/mail.service';
import { messageIdFor } from '../src/mail/message-id';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { academyFixtures } from './support/academy';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createMember, createTenant } from './support/factories';
import { calendarDaysAfter, ORDINARY_NOW, TEST_NOWS } from './support/nows';
import { recipient, startSmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

/**
 * Course reminders (the academy, issue 9): one reminder per session and confirmed person at the
 * course's offsets (default 2 days, counted in calendar days in Brussels), however often the
 * planner runs; none for the waitlist or the cancelled; none for a session's old time once it
 * moved; and the delivery promise of the outbox (the worker killed mid-batch: none lost, only the
 * messages in flight doubled, with the same Message-ID). One web node at a fixed "now" (a
 * TestClock): the planner writes to the outbox and nothing sends, so every row stays to be looked
 * at; the last case starts a worker process of its own (the system clock) to send.
 */

const TWO_DAYS = 2880;

interface Row {
  key: string;
  status: string;
  subject: string;
  to_address: string;
  attempts: number;
  send_after: Date;
}

describe('course reminders', () => {
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let planner: CourseReminderPlannerService;
  let academy: ReturnType<typeof academyFixtures>;
  let n = 0;
  const clock = new TestClock(ORDINARY_NOW);
  const daysAhead = (days: number) => calendarDaysAfter(clock.now(), days);
  /** A minute after (or before, negative) the 2-day moment of `startsAt`, in local calendar days. */
  const aroundMoment = (startsAt: Date, minutes: number) =>
    new Date(calendarDaysAfter(startsAt, -2).getTime() + minutes * 60_000);

  async function member(tenant: Tenant, name: string) {
    n++;
    const m = await createMember(t, {
      tenant,
      email: `${name.toLowerCase()}-${n}@example.be`,
      displayName: name,
    });
    return { id: m.membership!.id, email: m.email };
  }

  const rows = (prefix: string) =>
    queryAs<Row>(
      t.db.adminUrl,
      `select key, status, subject, to_address, attempts, send_after from outbox_messages
        where starts_with(key, $1) order by key`,
      [prefix],
    );
  const keyOf = (s: CourseSession, membershipId: string, offset = TWO_DAYS) =>
    `course-reminder:${s.id}:${s.startsAt.toISOString()}:${membershipId}:${offset}`;

  beforeAll(async () => {
    t = await createTestApp({ clock, worker: false });
    planner = t.get(CourseReminderPlannerService);
    academy = academyFixtures(t);
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gent.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reminds each confirmed person once per session, at that session’s own moment, however often the planner runs', async () => {
    const first = daysAhead(3);
    const second = daysAhead(10);
    const { course, sessions } = await academy.createCourse(gentId, {
      title: 'Zorgen zonder jezelf te vergeten',
      sessions: [{ startsAt: first }, { startsAt: second, title: 'Grenzen stellen' }],
    });
    const [s1, s2] = sessions;
    const ann = await member(gent, 'Ann');
    const bert = await member(gent, 'Bert');
    const carla = await member(gent, 'Carla'); // on the waitlist
    const dirk = await member(gent, 'Dirk'); // cancelled
    for (const m of [ann, bert]) await academy.addEnrollment(gentId, course.id, m.id, 'confirmed');
    await academy.addEnrollment(gentId, course.id, carla.id, 'waitlisted');
    await academy.addEnrollment(gentId, course.id, dirk.id, 'cancelled');
    const prefix = (s: CourseSession) => `course-reminder:${s.id}:`;

    // Just before the first session's moment: nothing.
    expect((await planner.planTenant(gent, aroundMoment(first, -1))).queued).toBe(0);
    expect(await rows(prefix(s1))).toEqual([]);

    // At the moment, twice at once and once more: one row per confirmed person.
    const at = aroundMoment(first, 1);
    await Promise.all([planner.planTenant(gent, at), planner.planTenant(gent, at)]);
    expect((await planner.planTenant(gent, at)).queued).toBe(0);
    const firstRows = await rows(prefix(s1));
    expect(firstRows.map((r) => r.key)).toEqual([keyOf(s1, ann.id), keyOf(s1, bert.id)].sort());
    expect(firstRows.map((r) => r.to_address).sort()).toEqual([ann.email, bert.email].sort());
    expect(firstRows[0].subject).toMatch(
      /^Herinnering: Zorgen zonder jezelf te vergeten over 2 dagen \(/,
    );
    // The second session is not due yet.
    expect(await rows(prefix(s2))).toEqual([]);

    // The day after, and just before the second session's moment: still nothing new.
    expect((await planner.planTenant(gent, aroundMoment(second, -1))).queued).toBe(0);
    expect(await rows(prefix(s2))).toEqual([]);
    // At the second session's moment: its own reminders, the first session's stay as they were.
    const later = aroundMoment(second, 1);
    await Promise.all([planner.planTenant(gent, later), planner.planTenant(gent, later)]);
    expect((await planner.planTenant(gent, later)).queued).toBe(0);
    expect((await rows(prefix(s2))).map((r) => r.key)).toEqual(
      [keyOf(s2, ann.id), keyOf(s2, bert.id)].sort(),
    );
    expect(await rows(prefix(s1))).toHaveLength(2);

    // Nobody on the waitlist or cancelled got anything for this course.
    const all = await rows('course-reminder:');
    for (const m of [carla, dirk]) expect(all.filter((r) => r.to_address === m.email)).toEqual([]);

    // Once a session began, no reminder any more.
    expect((await planner.planTenant(gent, new Date(second.getTime() + 60_000))).queued).toBe(0);
  });

  it('the text of the reminder: the session, its number, the place and the cancel link', async () => {
    const startsAt = daysAhead(4);
    const { course, sessions } = await academy.createCourse(gentId, {
      title: 'Tillen en verplaatsen',
      sessions: [{ startsAt }, { startsAt: daysAhead(11) }],
    });
    const ann = await member(gent, 'Ann');
    await academy.addEnrollment(gentId, course.id, ann.id, 'confirmed');
    await planner.planTenant(gent, aroundMoment(startsAt, 1));
    const [row] = await queryAs<{ text: string; attachments: { filename: string }[] }>(
      t.db.adminUrl,
      `select text, attachments from outbox_messages where key = $1`,
      [keyOf(sessions[0], ann.id)],
    );
    expect(row.text).toContain('Hallo Ann, je bent ingeschreven.');
    expect(row.text).toContain('Bijeenkomst 1/2');
    expect(row.text).toContain('Dienstencentrum De Linde');
    expect(row.text).toContain('/e/opleiding-afmelden/');
    expect(row.attachments.map((a) => a.filename)).toEqual([`${course.slug}.ics`]);
  });

  it('a session moved before its moment gets no reminder for the old time, only for the new one', async () => {
    const oldStart = daysAhead(5);
    const newStart = daysAhead(9);
    const { course, sessions } = await academy.createCourse(gentId, {
      sessions: [{ startsAt: oldStart }],
    });
    const [session] = sessions;
    const ann = await member(gent, 'Ann');
    await academy.addEnrollment(gentId, course.id, ann.id, 'confirmed');

    // Moved now, three days before the old moment (as CoursesAdminService.update and
    // CourseNoticesService.sessionsChanged do it: new time, SEQUENCE + 1, pending dropped).
    await moveSession(session, newStart);
    await planner.planTenant(gent, aroundMoment(oldStart, 1));
    expect(await rows(`course-reminder:${session.id}:`)).toEqual([]);
    await planner.planTenant(gent, aroundMoment(newStart, 1));
    expect((await rows(`course-reminder:${session.id}:`)).map((r) => r.key)).toEqual([
      keyOf({ ...session, startsAt: newStart }, ann.id),
    ]);
  });

  it('a session moved after its reminder was written: the waiting one is dropped, none is written again for the old time', async () => {
    const oldStart = daysAhead(5);
    const { course, sessions } = await academy.createCourse(gentId, {
      sessions: [{ startsAt: oldStart }],
    });
    const [session] = sessions;
    const ann = await member(gent, 'Ann');
    await academy.addEnrollment(gentId, course.id, ann.id, 'confirmed');
    const at = aroundMoment(oldStart, 1);
    await planner.planTenant(gent, at);
    expect((await rows(`course-reminder:${session.id}:`)).map((r) => r.status)).toEqual([
      'pending',
    ]);

    // Moved at the moment itself, to a day whose 2-day moment is still ahead.
    clock.set(at);
    try {
      const newStart = calendarDaysAfter(oldStart, 7);
      await moveSession(session, newStart);
      await planner.planTenant(gent, new Date(at.getTime() + 60_000));
      const after = await rows(`course-reminder:${session.id}:`);
      expect(after.map((r) => [r.key, r.status])).toEqual([[keyOf(session, ann.id), 'dropped']]);
      await planner.planTenant(gent, aroundMoment(newStart, 1));
      const moved = { ...session, startsAt: newStart };
      expect((await rows(`course-reminder:${session.id}:`)).map((r) => [r.key, r.status])).toEqual(
        [
          [keyOf(session, ann.id), 'dropped'],
          [keyOf(moved, ann.id), 'pending'],
        ].sort((a, b) => a[0].localeCompare(b[0])),
      );
    } finally {
      clock.set(ORDINARY_NOW);
    }
  });

  /** The session at `startsAt` (two hours), as a save of the course form does it. */
  async function moveSession(session: CourseSession, startsAt: Date): Promise<void> {
    await t.get(TenantTransaction).run(gentId, async (em) => {
      await em.getRepository(CourseSession).update(
        { tenantId: gentId, id: session.id },
        {
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
          sequence: () => 'sequence + 1',
          rescheduledAt: clock.now(),
        },
      );
      await t
        .get(MailService)
        .dropPending(em, gentId, `course-reminder:${session.id}:`, 'the session moved');
    });
  }

  describe.each(TEST_NOWS)('at $label', ({ at, hoursToTomorrow }) => {
    beforeAll(() => clock.set(at));
    afterAll(() => clock.set(ORDINARY_NOW));

    it('reminds two calendar days before, in local time (47, 48 or 49 hours)', async () => {
      // The session's 2-day moment is one hour from now.
      const moment = new Date(clock.now().getTime() + 3600_000);
      const startsAt = calendarDaysAfter(moment, 2);
      expect((startsAt.getTime() - moment.getTime()) / 3600_000).toBe(24 + hoursToTomorrow);
      const { course, sessions } = await academy.createCourse(gentId, {
        sessions: [{ startsAt }],
      });
      const ann = await member(gent, 'Ann');
      await academy.addEnrollment(gentId, course.id, ann.id, 'confirmed');
      const prefix = `course-reminder:${sessions[0].id}:`;
      await planner.planTenant(gent, new Date(moment.getTime() - 60_000));
      expect(await rows(prefix)).toEqual([]);
      await planner.planTenant(gent, new Date(moment.getTime() + 60_000));
      const written = await rows(prefix);
      expect(written.map((r) => r.key)).toEqual([keyOf(sessions[0], ann.id)]);
      expect(written[0].subject).toContain(`${course.title} over 2 dagen`);
    });
  });

  it('the worker killed mid-batch: none lost, only the messages in flight doubled, with the same Message-ID', async () => {
    // Nothing else waits in this deployment's outbox: the earlier cases' rows are dropped.
    await t
      .get(TenantTransaction)
      .run(gentId, (em) => t.get(MailService).dropPending(em, gentId, 'course-reminder:'));
    // The worker process runs on the system clock: so does this case.
    clock.set(new Date());
    const people = 40;
    const parallel = SMTP_POOL.maxConnections;
    const answered = 5;
    const holding = await startSmtpSink();
    let child: WorkerProcess | undefined;
    let takeover: TestApp | undefined;
    try {
      const tenant = await createTenant(t, { slug: 'gestopt', name: 'Gestopt' });
      const tenantId = asTenantId(tenant.id);
      const startsAt = new Date(Math.ceil((Date.now() + 26 * 3600_000) / 3600_000) * 3600_000);
      const { course, sessions } = await academy.createCourse(tenantId, {
        capacity: people,
        sessions: [{ startsAt }, { startsAt: calendarDaysAfter(startsAt, 7) }],
      });
      const persons: { id: string; email: string }[] = [];
      for (let i = 0; i < people; i += 10) {
        const made = await Promise.all(
          Array.from({ length: Math.min(10, people - i) }, () => member(tenant, 'Persoon')),
        );
        persons.push(...made);
      }
      for (const p of persons) await academy.addEnrollment(tenantId, course.id, p.id);
      // Enrolled ten days ago, before the 2-day moment (which passed yesterday).
      await queryAs(
        t.db.adminUrl,
        `update enrollments set queued_at = $2, confirmed_at = $2 where course_id = $1`,
        [course.id, calendarDaysAfter(clock.now(), -10)],
      );
      const prefix = `course-reminder:${sessions[0].id}:`;
      expect((await planner.planTenant(tenant)).queued).toBe(people);
      expect(await rows(`course-reminder:${sessions[1].id}:`)).toEqual([]);

      // The server answers the first few; each later one it receives in full but never answers.
      holding.holdAfter(answered);
      child = await startWorkerProcess(t, { SMTP_URL: holding.url });
      await eventually(
        async () => {
          const r = await rows(prefix);
          return (
            holding.held.length === parallel &&
            r.filter((x) => x.status === 'sent').length === answered
          );
        },
        20_000,
        `${parallel} messages in flight and ${answered} marked sent`,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; worker output:\n${child?.output()}`);
      });
      await child.kill(); // SIGKILL: no shutdown hook, no hand-back
      const inFlight = holding.held.map((m) => recipient(m)).sort();

      const afterKill = await rows(prefix);
      const leased = afterKill.filter((r) => r.status === 'pending' && r.send_after > new Date());
      expect(leased).toHaveLength(Math.min(CLAIM_BATCH_SIZE, people) - answered);
      for (const email of inFlight)
        expect(leased.find((r) => r.to_address === email)?.attempts).toBe(1);

      // Stand-ins for the two timeouts after a crash (the claim's lease, BullMQ's job lock).
      await queryAs(
        t.db.adminUrl,
        `update outbox_messages set send_after = now()
          where status = 'pending' and send_after > now() and starts_with(key, $1)`,
        [prefix],
      );
      const queue = t.app.get<Queue>(getQueueToken(QUEUES.mail));
      const redis = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: 2 });
      try {
        for (const job of await queue.getJobs(['active'])) {
          await redis.del(`${queue.toKey(job.id!)}:lock`);
          await job.remove();
        }
      } finally {
        redis.disconnect();
      }

      // A new worker (any node of the deployment) takes over: its sweep queues the rest.
      holding.stopHolding();
      takeover = await createTestApp({ smtpUrl: holding.url, worker: true, sameDeploymentAs: t });
      await takeover.get(MailDeliveryService).sweep();
      const sent = await eventually(
        async () => {
          const r = await rows(prefix);
          return r.length === people && r.every((x) => x.status === 'sent') ? r : null;
        },
        30_000,
        'every reminder of the session sent',
      );
      await eventually(
        async () => {
          const jobs = await queue.getJobs(['active', 'waiting', 'delayed', 'prioritized']);
          return jobs.every((job) => job.name !== MAIL_JOBS.deliver);
        },
        15_000,
        'the mail queue to be idle',
      );

      const per = new Map<string, ParsedMail[]>(persons.map((p) => [p.email, []]));
      for (const m of holding.messages) per.get(recipient(m))?.push(m);
      expect([...per.values()].every((ms) => ms.length >= 1)).toBe(true);
      const doubled = [...per].filter(([, ms]) => ms.length > 1);
      expect(doubled.map(([email]) => email).sort()).toEqual(inFlight);
      expect(doubled.length).toBeLessThanOrEqual(parallel);
      for (const [email, ms] of doubled) {
        expect(ms).toHaveLength(2);
        const row = sent.find((r) => r.to_address === email)!;
        expect(row.attempts).toBe(2);
        expect(ms[1].messageId).toBe(ms[0].messageId);
        expect(ms[0].messageId).toBe(messageIdFor(tenantId, row.key, 'localhost'));
      }
      expect(holding.messages).toHaveLength(people + doubled.length);
    } finally {
      await child?.kill();
      await takeover?.close();
      await holding.close();
      clock.set(ORDINARY_NOW);
    }
  });
});
