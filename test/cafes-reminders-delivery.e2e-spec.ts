import { getQueueToken } from '@nestjs/bullmq';
import { Job, type Queue } from 'bullmq';
import Redis from 'ioredis';
import type { ParsedMail } from 'mailparser';
import { CAFE_JOBS } from '../src/cafes/jobs/cafes.constants';
import { CafeReminderSource } from '../src/cafes/reminders/cafe-reminders.source';
import { ReminderPlannerService } from '../src/cafes/reminders/reminder-planner.service';
import { asTenantId } from '../src/database/tenant-id';
import { EventReminderPlannerService } from '../src/events/reminders/event-reminder-planner.service';
import { QUEUES } from '../src/jobs/job-defaults';
import { MailDeliveryService } from '../src/mail/jobs/mail-delivery.service';
import { CLAIM_BATCH_SIZE, MAIL_JOBS, SMTP_POOL } from '../src/mail/jobs/mail.constants';
import { messageIdFor } from '../src/mail/message-id';
import { TenantsService } from '../src/tenancy/tenants.service';
import { queryAs } from './support/database';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { meetingWithSignups, type RemindedPerson } from './support/reminders';
import { recipient, startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { createTestApp, type TestApp } from './support/test-app';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

/**
 * The delivery promise of café reminders (issue 3): nothing lost, nothing doubled. Running the
 * planner twice (on two nodes at once, and the worker's own run), retrying a failed SMTP send, and
 * Redis losing all its data lose no reminder and send none twice; killing the worker in the middle
 * of a batch loses none and doubles at most the messages in flight at that instant (at most
 * SMTP_POOL.maxConnections), each with the same Message-ID. Against PostgreSQL, the shared test
 * Redis (only this file's key prefixes are touched), BullMQ workers and a real SMTP server.
 */
const PEOPLE = 40; // enough that sends run in parallel and some wait their turn

interface OutboxRow {
  key: string;
  status: string;
  attempts: number;
  to_address: string;
  last_error: string | null;
  send_after: Date;
}

/** The reminder rows of one meeting, as the superuser (no RLS). */
function reminderRows(t: TestApp, meetingId: string): Promise<OutboxRow[]> {
  return queryAs<OutboxRow>(
    t.db.adminUrl,
    `select key, status, attempts, to_address, last_error, send_after from outbox_messages
      where starts_with(key, $1) order by key`,
    [`reminder:${meetingId}:`],
  );
}

/** All `count` rows of the meeting sent. */
async function allSent(t: TestApp, meetingId: string, count: number, timeoutMs = 20_000) {
  return eventually(
    async () => {
      const rows = await reminderRows(t, meetingId);
      return rows.length === count && rows.every((r) => r.status === 'sent') ? rows : null;
    },
    timeoutMs,
    `all ${count} reminders of meeting ${meetingId} to be sent`,
  );
}

/**
 * The reminder planner on a web node (worker: false). Only worker nodes provide it (its job runs
 * there; asking a web node for it ends the process); here it is built from the web node's own
 * providers, so reminders are written where nothing sends them.
 */
function webPlanner(t: TestApp): ReminderPlannerService {
  return new ReminderPlannerService(
    t.get(TenantsService),
    t.get(EventReminderPlannerService),
    t.get(CafeReminderSource),
    t.clock,
  );
}

function mailQueue(t: TestApp): Queue {
  return t.app.get<Queue>(getQueueToken(QUEUES.mail));
}

/** No deliver job waiting, delayed or running: whatever was going to be sent, has been. */
async function quiet(t: TestApp): Promise<void> {
  await eventually(
    async () => {
      const jobs = await mailQueue(t).getJobs([
        'active',
        'waiting',
        'delayed',
        'prioritized',
        'waiting-children',
      ]);
      return jobs.every((job) => job.name !== MAIL_JOBS.deliver);
    },
    15_000,
    'the mail queue to be idle',
  );
}

/** The mails each person received, by e-mail address (every person listed, also with none). */
function mailsPerPerson(messages: ParsedMail[], people: RemindedPerson[]) {
  const by = new Map<string, ParsedMail[]>(people.map((p) => [p.email, []]));
  for (const m of messages) by.get(recipient(m))?.push(m);
  return by;
}

function expectExactlyOneEach(messages: ParsedMail[], people: RemindedPerson[]): void {
  const counts = [...mailsPerPerson(messages, people)].map(([email, ms]) => [email, ms.length]);
  expect(counts).toEqual(people.map((p) => [p.email, 1]));
}

/**
 * Every key of a deployment in the shared Redis: BullMQ's `{prefix}:…` and the app's `prefix:…`.
 * `del` true deletes them (what a Redis restart without persistence does to this deployment,
 * without touching the other test files' keys: never FLUSHALL here).
 */
async function deploymentKeys(t: TestApp, del = false): Promise<number> {
  const redis = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const prefix = t.config.redisPrefix;
  let found = 0;
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        found += keys.length;
        if (del && keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return found;
}

describe('café reminders: nothing lost, nothing doubled', () => {
  let sink: SmtpSink;
  // One deployment with two worker nodes (the first two cases).
  let worker: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    sink = await startSmtpSink();
    worker = await createTestApp({ smtpUrl: sink.url, worker: true });
    other = await createTestApp({ smtpUrl: sink.url, worker: true, sameDeploymentAs: worker });
    for (const node of [worker, other])
      node.get(MailDeliveryService).retryDelaysMs = [200, 200, 200]; // 4 attempts, quickly
  });
  afterAll(async () => {
    await other?.close();
    await worker?.close();
    await sink?.close();
  });

  it('the planner on two nodes at once plus the worker’s own run: one reminder per person', async () => {
    const tenant = await createTenant(worker, { slug: 'tweemaal', name: 'Tweemaal' });
    const { meeting, people } = await meetingWithSignups(worker, tenant, 'tweemaal', PEOPLE);

    // The scheduler's job as the worker runs it (planAll over every municipality), and both
    // nodes' planners, all at the same moment; the workers send while they still write.
    const reminders = worker.app.get<Queue>(getQueueToken(QUEUES.reminders));
    const [job] = await Promise.all([
      reminders.add(CAFE_JOBS.reminders, {}),
      worker.get(ReminderPlannerService).planTenant(tenant),
      other.get(ReminderPlannerService).planTenant(tenant),
    ]);
    await eventually(
      async () => (await Job.fromId(reminders, job.id!))?.finishedOn,
      20_000,
      'the worker’s planner job to finish',
    );
    expect((await Job.fromId(reminders, job.id!))?.failedReason).toBeUndefined();

    const rows = await allSent(worker, meeting.id, PEOPLE);
    expect(rows.map((r) => r.to_address).sort()).toEqual(people.map((p) => p.email).sort());
    await quiet(worker);
    // Once more afterwards, on either node: nothing new.
    expect((await other.get(ReminderPlannerService).planTenant(tenant)).queued).toBe(0);
    await quiet(worker);
    expectExactlyOneEach(sink.messages, people);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('a send the SMTP server refuses for now (451) is retried and delivered once', async () => {
    const tenant = await createTenant(worker, { slug: 'opnieuw', name: 'Opnieuw' });
    const tenantId = asTenantId(tenant.id);
    const { meeting, people } = await meetingWithSignups(worker, tenant, 'opnieuw', PEOPLE);
    const refused = 8;
    sink.failNext(refused);

    await other.get(ReminderPlannerService).planTenant(tenant);
    const rows = await allSent(worker, meeting.id, PEOPLE);
    await quiet(worker);

    expectExactlyOneEach(sink.messages, people);
    // Each refusal cost exactly one more attempt; none gave up, none kept its error.
    expect(rows.reduce((sum, r) => sum + r.attempts - 1, 0)).toBe(refused);
    expect(rows.filter((r) => r.attempts > 1)).toHaveLength(refused);
    expect(rows.every((r) => r.last_error === null)).toBe(true);
    for (const p of people) {
      const [mail] = mailsPerPerson(sink.messages, [p]).get(p.email)!;
      const row = rows.find((r) => r.to_address === p.email)!;
      expect(mail.messageId).toBe(messageIdFor(tenantId, row.key, 'localhost'));
    }
  });

  it('Redis loses all its data while reminders wait: the sweep sends each once, a new planner run adds none', async () => {
    // A web node only: the reminders are written and their deliver job queued, nobody sends.
    const web = await createTestApp({ smtpUrl: sink.url, worker: false });
    let takeover: TestApp | undefined;
    try {
      const tenant = await createTenant(web, { slug: 'leeg', name: 'Leeg' });
      const { meeting, people } = await meetingWithSignups(web, tenant, 'leeg', PEOPLE);
      expect((await webPlanner(web).planTenant(tenant)).queued).toBe(PEOPLE);
      const waiting = await mailQueue(web).getJobs(['waiting', 'prioritized', 'delayed']);
      expect(waiting.some((j) => j.name === MAIL_JOBS.deliver)).toBe(true);

      // Redis restarts empty (for this deployment): the deliver job and everything else are gone.
      expect(await deploymentKeys(web, true)).toBeGreaterThan(0);
      expect(await deploymentKeys(web)).toBe(0);
      expect(await mailQueue(web).getJobs(['waiting', 'prioritized', 'delayed'])).toEqual([]);
      // The planner runs again on the empty Redis: the rows exist, it writes none.
      expect((await webPlanner(web).planTenant(tenant)).queued).toBe(0);
      expect(await reminderRows(web, meeting.id)).toHaveLength(PEOPLE);

      // A worker starts; its sweep finds the due rows in PostgreSQL and queues their delivery.
      takeover = await createTestApp({ smtpUrl: sink.url, worker: true, sameDeploymentAs: web });
      await takeover.get(MailDeliveryService).sweep();
      await allSent(takeover, meeting.id, PEOPLE);
      await quiet(takeover);
      expectExactlyOneEach(sink.messages, people);

      // Once more: Redis empty again, planner and sweep run again: nothing is due, nothing sent.
      await deploymentKeys(web, true);
      expect((await takeover.get(ReminderPlannerService).planTenant(tenant)).queued).toBe(0);
      expect(await takeover.get(MailDeliveryService).sweep()).toBe(0);
      await quiet(takeover);
      expectExactlyOneEach(sink.messages, people);
    } finally {
      await takeover?.close();
      await web.close();
    }
  });

  it('the worker killed mid-batch: none lost, only the messages in flight doubled, with the same Message-ID', async () => {
    const parallel = SMTP_POOL.maxConnections;
    const answered = 5;
    const holding = await startSmtpSink();
    const web = await createTestApp({ smtpUrl: holding.url, worker: false });
    let child: WorkerProcess | undefined;
    let takeover: TestApp | undefined;
    try {
      const tenant = await createTenant(web, { slug: 'gestopt', name: 'Gestopt' });
      const tenantId = asTenantId(tenant.id);
      const { meeting, people } = await meetingWithSignups(web, tenant, 'gestopt', PEOPLE);
      expect((await webPlanner(web).planTenant(tenant)).queued).toBe(PEOPLE);

      // The worker in its own process. The server answers the first few messages; each later
      // one it receives in full but never answers, so every SMTP connection ends up waiting with
      // one message in flight: received, not known to the worker, not marked sent.
      holding.holdAfter(answered);
      child = await startWorkerProcess(web, { SMTP_URL: holding.url });
      await eventually(
        async () => {
          const rows = await reminderRows(web, meeting.id);
          return (
            holding.held.length === parallel &&
            rows.filter((r) => r.status === 'sent').length === answered
          );
        },
        20_000,
        `${parallel} messages in flight and ${answered} marked sent`,
      ).catch((e: Error) => {
        throw new Error(`${e.message}; worker output:\n${child?.output()}`);
      });
      await child.kill(); // SIGKILL: no shutdown hook, no hand-back
      const inFlight = holding.held.map((m) => recipient(m)).sort();

      const afterKill = await reminderRows(web, meeting.id);
      const leased = afterKill.filter((r) => r.status === 'pending' && r.send_after > new Date());
      // The rest of the claimed batch (in flight, or not yet started) is leased for 5 minutes.
      expect(leased).toHaveLength(Math.min(CLAIM_BATCH_SIZE, PEOPLE) - answered);
      for (const email of inFlight)
        expect(leased.find((r) => r.to_address === email)?.attempts).toBe(1);
      expect(afterKill.filter((r) => r.status === 'pending')).toHaveLength(PEOPLE - answered);

      // Stand-ins for waiting out two timeouts after the crash (CLAIM_LEASE_MS = 5 minutes, and
      // BullMQ's lock of the dead worker's job, 30 s, plus its stalled-job check): the lease runs
      // out (send_after of the leased rows set to now, as the superuser), and the dead job is
      // dropped (lock removed, job removed) instead of being found stalled and run again.
      await queryAs(
        web.db.adminUrl,
        `update outbox_messages set send_after = now()
          where status = 'pending' and send_after > now() and starts_with(key, $1)`,
        [`reminder:${meeting.id}:`],
      );
      const queue = mailQueue(web);
      const redis = new Redis(web.config.REDIS_URL, { maxRetriesPerRequest: 2 });
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
      takeover = await createTestApp({
        smtpUrl: holding.url,
        worker: true,
        sameDeploymentAs: web,
      });
      await takeover.get(MailDeliveryService).sweep();
      const rows = await allSent(takeover, meeting.id, PEOPLE);
      await quiet(takeover);

      // Nobody missed out; exactly the messages in flight at the kill came twice, never more than
      // the connections the worker sends over; both copies carry the same Message-ID.
      const per = mailsPerPerson(holding.messages, people);
      expect([...per.values()].every((ms) => ms.length >= 1)).toBe(true);
      const doubled = [...per].filter(([, ms]) => ms.length > 1);
      expect(doubled.map(([email]) => email).sort()).toEqual(inFlight);
      expect(doubled.length).toBeLessThanOrEqual(parallel);
      for (const [email, ms] of doubled) {
        expect(ms).toHaveLength(2);
        const row = rows.find((r) => r.to_address === email)!;
        expect(row.attempts).toBe(2);
        expect(ms[1].messageId).toBe(ms[0].messageId);
        expect(ms[0].messageId).toBe(messageIdFor(tenantId, row.key, 'localhost'));
      }
      expect(holding.messages).toHaveLength(PEOPLE + doubled.length);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    } finally {
      await child?.kill();
      await takeover?.close();
      await web.close();
      await holding.close();
    }
  });
});
