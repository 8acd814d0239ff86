import { randomBytes } from 'node:crypto';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Injectable, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Job, Queue } from 'bullmq';
import { FEEDBACK_JOBS, FEEDBACK_SCHEDULER } from '../src/academy/attendance/feedback-jobs.service';
import {
  ACADEMY_REMINDER_JOBS,
  ACADEMY_REMINDERS_SCHEDULER,
  AcademyReminderJobsService,
} from '../src/academy/enrolments/academy-reminder-jobs.service';
import { CafeJobsService } from '../src/cafes/jobs/cafe-jobs.service';
import { CAFE_JOBS } from '../src/cafes/jobs/cafes.constants';
import { QUEUES } from '../src/jobs/job-defaults';
import { OnJob, OnSchedule } from '../src/jobs/job.decorators';
import { JobsExplorer } from '../src/jobs/jobs.explorer';
import { JobsWorkerModule } from '../src/jobs/jobs-worker.module';
import { scheduledAt, tenantJobId } from '../src/jobs/tenant-fan-out.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { eventually } from './support/eventually';
import { createTenant } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/** A bare Nest module on the harness's Redis (a prefix of its own): the explorer and `providers`. */
async function jobsModule(providers: Type[]): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [
      BullModule.forRoot({
        connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: `{tj${randomBytes(4).toString('hex')}}`,
      }),
      BullModule.registerQueue({ name: 'q' }),
      JobsWorkerModule,
    ],
    providers,
  }).compile();
}

/** Starts `providers` with the explorer; the error it refused to start with, or null. */
async function startError(providers: Type[]): Promise<Error | null> {
  const module = await jobsModule(providers);
  try {
    await module.init();
  } catch (e) {
    // A context whose start failed cannot be closed (close awaits the start): its queue can.
    await module.get<Queue>(getQueueToken('q')).close();
    return e as Error;
  }
  await module.close();
  return null;
}

@Injectable()
class SendsReports {
  @OnJob({ queue: 'q', name: 'report' })
  async report(): Promise<string> {
    return 'sent';
  }
}

@Injectable()
class AlsoSendsReports {
  @OnJob({ queue: 'q', name: 'report' })
  async report(): Promise<string> {
    return 'sent again';
  }
}

/** A nightly schedule whose method was turned into another job's handler: `nightly` has none. */
@Injectable()
class ScheduleLostItsHandler {
  @OnJob({ queue: 'q', name: 'weekly' })
  @OnSchedule({ id: 'q-nightly', queue: 'q', name: 'nightly', pattern: '0 0 3 * * *', tz: 'UTC' })
  async run(): Promise<void> {}
}

@Injectable()
class Nightly {
  @OnSchedule({ id: 'q-nightly', queue: 'q', name: 'nightly', pattern: '0 0 3 * * *', tz: 'UTC' })
  async run(job: Job): Promise<string> {
    return `ran ${job.name}`;
  }
}

/** A schedule every 700 ms that records, per run, when BullMQ says it was due and when it ran. */
const ticks: { due: number; ran: number }[] = [];
@Injectable()
class Ticks {
  @OnSchedule({ id: 'q-ticks', queue: 'q', name: 'tick', every: 700 })
  async run(job: Job): Promise<void> {
    ticks.push({ due: scheduledAt(job).getTime(), ran: Date.now() });
  }
}

describe('jobs explorer: refuses a wrong wiring at start', () => {
  it('starts with one handler per job name (the control for the refusals below)', async () => {
    expect(await startError([SendsReports, Nightly])).toBeNull();
  });

  it('refuses two handlers for the same job on the same queue', async () => {
    expect((await startError([SendsReports, AlsoSendsReports]))?.message).toBe(
      'Jobs: job "report" on queue "q" has two handlers: SendsReports.report and AlsoSendsReports.report',
    );
  });

  it('refuses a schedule whose job has no handler', async () => {
    expect((await startError([ScheduleLostItsHandler]))?.message).toBe(
      'Jobs: schedule "q-nightly" (ScheduleLostItsHandler.run) enqueues job "nightly" on queue "q", which has no handler',
    );
  });
});

describe('jobs explorer: running jobs', () => {
  let module: TestingModule;
  let queue: Queue;

  beforeAll(async () => {
    module = await jobsModule([SendsReports, Nightly]);
    await module.init();
    queue = module.get<Queue>(getQueueToken('q'));
  });

  afterAll(async () => {
    await module?.close();
  });

  const settled = (job: Job) =>
    eventually(async () => {
      const state = await queue.getJobState(job.id!);
      return state === 'completed' || state === 'failed' ? queue.getJob(job.id!) : null;
    }, 15_000);

  it('runs a job on its handler, and declares the schedule', async () => {
    const done = await settled(await queue.add('report', {}));
    expect(done.returnvalue).toBe('sent');
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['q-nightly']);
  });

  it('fails a job nobody handles at once, without retries', async () => {
    const job = await queue.add('unknown-job', {}, { attempts: 5, backoff: 10 });
    const failed = await settled(job);
    expect({ reason: failed.failedReason, attempts: failed.attemptsMade }).toEqual({
      reason: 'unknown q job unknown-job',
      attempts: 1,
    });
    expect(await queue.getJobState(job.id!)).toBe('failed');
  });
});

describe('scheduledAt: the moment a scheduler run was due', () => {
  it("is the run's own moment, so consecutive runs fall in different periods", async () => {
    const module = await jobsModule([Ticks]);
    await module.init();
    try {
      await eventually(async () => ticks.length >= 3 || null, 15_000);
    } finally {
      await module.close();
    }
    const [first, second, third] = ticks;
    // A run is never labelled before the run it follows (BullMQ's timestamp is when the job was
    // made, one period earlier: the second run would then carry the first one's moment).
    expect(second.due - first.due).toBeGreaterThanOrEqual(600);
    expect(third.due - second.due).toBe(700);
    for (const tick of ticks.slice(1)) expect(tick.ran - tick.due).toBeLessThan(650);
  });
});

describe('jobs in the app: fan-out per municipality, and only in the worker role', () => {
  let worker: TestApp;
  let web: TestApp;
  let gent: Tenant;
  let lo: Tenant;
  let veurne: Tenant;
  let reminders: Queue;

  beforeAll(async () => {
    web = await createTestApp({ worker: false });
    worker = await createTestApp({ worker: true });
    gent = await createTenant(worker, { slug: 'gent' });
    lo = await createTenant(worker, { slug: 'lo' });
    veurne = await createTenant(worker, { slug: 'veurne', status: 'suspended' });
    reminders = worker.app.get<Queue>(getQueueToken(QUEUES.reminders));
  });

  afterAll(async () => {
    await worker?.close();
    await web?.close();
  });

  /** The per-tenant jobs of `name` in `period`, by tenant id. */
  async function fannedOut(name: string, period: string): Promise<Map<string, Job>> {
    const jobs = await reminders.getJobs([
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'completed',
      'failed',
    ]);
    const mine = jobs.filter((j) => j.name === name && j.id?.endsWith(`.${period}`));
    return new Map(mine.map((j) => [(j.data as { tenantId: string }).tenantId, j]));
  }

  it('enqueues one reminders job per active municipality and minute; a second run adds none', async () => {
    const jobs = worker.get(CafeJobsService);
    const minute = '2026-03-01T1015Z';
    expect(await jobs.fanOutReminders(new Date('2026-03-01T10:15:05Z'))).toEqual({ tenants: 2 });
    const first = await fannedOut(CAFE_JOBS.remindersTenant, minute);
    expect([...first.keys()].sort()).toEqual([gent.id, lo.id].sort());
    expect(first.get(gent.id)?.id).toBe(tenantJobId(CAFE_JOBS.remindersTenant, gent.id, minute));

    await jobs.fanOutReminders(new Date('2026-03-01T10:15:55Z'));
    const again = await fannedOut(CAFE_JOBS.remindersTenant, minute);
    expect(again.size).toBe(2);
    // The same jobs, not new ones under the same ids.
    expect(again.get(gent.id)?.timestamp).toBe(first.get(gent.id)?.timestamp);

    // The next minute is a new period.
    await jobs.fanOutReminders(new Date('2026-03-01T10:16:00Z'));
    expect((await fannedOut(CAFE_JOBS.remindersTenant, '2026-03-01T1016Z')).size).toBe(2);
  });

  it('enqueues one horizon job per active municipality and Brussels day; a second run adds none', async () => {
    const jobs = worker.get(CafeJobsService);
    // 23:30 UTC on 1 March is 00:30 on 2 March in Brussels.
    await jobs.fanOutHorizon(new Date('2026-03-01T23:30:00Z'));
    await jobs.fanOutHorizon(new Date('2026-03-02T12:00:00Z'));
    const day = await fannedOut(CAFE_JOBS.horizonTenant, '2026-03-02');
    expect([...day.keys()].sort()).toEqual([gent.id, lo.id].sort());
    expect((await fannedOut(CAFE_JOBS.horizonTenant, '2026-03-01')).size).toBe(0);
  });

  it('runs a per-tenant job for an active municipality, skips a suspended one, refuses a bad payload', async () => {
    const settled = (job: Job) =>
      eventually(async () => {
        const state = await reminders.getJobState(job.id!);
        return state === 'completed' || state === 'failed' ? reminders.getJob(job.id!) : null;
      }, 30_000);
    const active = await settled(
      await reminders.add(CAFE_JOBS.remindersTenant, { tenantId: lo.id }),
    );
    expect(active.returnvalue).toEqual({ meetings: 0, queued: 0 });
    const suspended = await settled(
      await reminders.add(CAFE_JOBS.horizonTenant, { tenantId: veurne.id }),
    );
    expect(suspended.returnvalue).toEqual({ skipped: 'not-active' });
    const bad = await settled(await reminders.add(CAFE_JOBS.horizonTenant, { tenantId: 'lo' }));
    expect({ reason: bad.failedReason, attempts: bad.attemptsMade }).toEqual({
      reason: 'cafes-horizon-tenant: tenantId must be a uuid',
      attempts: 1,
    });
  });

  it("declares the academy's schedules and runs its per-tenant jobs (reminders, feedback)", async () => {
    const schedulers = (await reminders.getJobSchedulers()).map((s) => s.key);
    expect(schedulers).toEqual(
      expect.arrayContaining([ACADEMY_REMINDERS_SCHEDULER.id, FEEDBACK_SCHEDULER.id]),
    );
    const minute = '2026-03-01T1020Z';
    const academy = worker.get(AcademyReminderJobsService);
    expect(await academy.fanOutReminders(new Date('2026-03-01T10:20:05Z'))).toEqual({ tenants: 2 });
    await academy.fanOutReminders(new Date('2026-03-01T10:20:50Z'));
    const fanned = await fannedOut(ACADEMY_REMINDER_JOBS.tenant, minute);
    expect([...fanned.keys()].sort()).toEqual([gent.id, lo.id].sort());
    const settled = (job: Job) =>
      eventually(async () => {
        const state = await reminders.getJobState(job.id!);
        return state === 'completed' || state === 'failed' ? reminders.getJob(job.id!) : null;
      }, 30_000);
    const planned = await settled(
      await reminders.add(ACADEMY_REMINDER_JOBS.tenant, { tenantId: lo.id }),
    );
    expect(planned.returnvalue).toEqual({ sessions: 0, queued: 0 });
    const feedback = await settled(
      await reminders.add(FEEDBACK_JOBS.feedbackTenant, { tenantId: veurne.id }),
    );
    expect(feedback.returnvalue).toEqual({ skipped: 'not-active' });
  });

  it('consumes the queues in the worker role only: a web-only node starts no Worker', async () => {
    expect(worker.get(JobsExplorer).queues.sort()).toEqual(
      [
        QUEUES.accounts,
        QUEUES.calendar,
        QUEUES.finder,
        QUEUES.mail,
        QUEUES.news,
        QUEUES.reminders,
      ].sort(),
    );
    const workersOn = (t: TestApp) => t.app.get<Queue>(getQueueToken(QUEUES.mail)).getWorkers();
    // Redis sees the worker app's Worker: the check below would see one on the web node too.
    await eventually(async () => (await workersOn(worker)).length === 1, 10_000, 'the mail worker');
    expect(await workersOn(web)).toEqual([]);
  });
});
