import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { fanOutPeriod, scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { CourseReminderPlannerService } from './course-reminder-planner.service';

/** Job names of the academy's reminders on the `reminders` queue. */
export const ACADEMY_REMINDER_JOBS = {
  /** Every minute: one `tenant` job per active municipality. */
  fanOut: 'academy-reminders',
  /** One municipality's course reminders whose moment passed, written to the outbox. */
  tenant: 'academy-reminders-tenant',
} as const;

/** A reminder goes out within a minute of its moment. */
export const ACADEMY_REMINDERS_SCHEDULER = { id: 'academy-reminders', every: 60_000 } as const;

/** As the café's: a few quick retries (the next minute derives the same again), kept an hour. */
const TENANT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 24 * 3600 },
};

/**
 * The course reminders' jobs: every minute one job per active municipality (job id: tenant and
 * minute, TenantFanOut), each running the shared planner over that municipality's sessions.
 */
@Injectable()
export class AcademyReminderJobsService {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly planner: CourseReminderPlannerService,
  ) {}

  @OnSchedule({
    id: ACADEMY_REMINDERS_SCHEDULER.id,
    queue: QUEUES.reminders,
    name: ACADEMY_REMINDER_JOBS.fanOut,
    every: ACADEMY_REMINDERS_SCHEDULER.every,
  })
  reminders(job: Job): Promise<{ tenants: number }> {
    return this.fanOutReminders(scheduledAt(job));
  }

  /** One reminders job per active municipality for the minute of `at`. */
  fanOutReminders(at: Date): Promise<{ tenants: number }> {
    return this.fanOut.enqueue(
      this.queue,
      ACADEMY_REMINDER_JOBS.tenant,
      fanOutPeriod.minute(at),
      TENANT_JOB_OPTIONS,
    );
  }

  @OnJob({ queue: QUEUES.reminders, name: ACADEMY_REMINDER_JOBS.tenant })
  async remindersTenant(
    job: Job,
  ): Promise<{ sessions: number; queued: number } | { skipped: 'not-active' }> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.planner.planTenant(tenant);
  }
}
