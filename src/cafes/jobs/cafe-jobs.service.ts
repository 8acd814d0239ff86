import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { asTenantId } from '../../database/tenant-id';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { fanOutPeriod, scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ReminderPlannerService } from '../reminders/reminder-planner.service';
import { CAFE_JOBS, CAFE_SCHEDULERS, REMINDERS_TENANT_JOB_OPTIONS } from './cafes.constants';

type Skipped = { skipped: 'not-active' };
type HorizonResult = Awaited<ReturnType<MeetingsService['fillHorizon']>>;

/**
 * The cafés' jobs on the `reminders` queue. The schedules fan out one job per active
 * municipality (id: tenant and day, tenant and minute), so one municipality's failure is retried
 * alone; the per-tenant job reads the municipality again and skips one suspended since.
 */
@Injectable()
export class CafeJobsService {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly meetings: MeetingsService,
    private readonly planner: ReminderPlannerService,
  ) {}

  @OnSchedule({
    id: CAFE_SCHEDULERS.horizon.id,
    queue: QUEUES.reminders,
    name: CAFE_JOBS.horizon,
    pattern: CAFE_SCHEDULERS.horizon.pattern,
    tz: CAFE_SCHEDULERS.horizon.tz,
  })
  horizon(job: Job): Promise<{ tenants: number }> {
    return this.fanOutHorizon(scheduledAt(job));
  }

  /** One horizon job per active municipality for the (Brussels) day of `at`. */
  fanOutHorizon(at: Date): Promise<{ tenants: number }> {
    const day = fanOutPeriod.day(at, CAFE_SCHEDULERS.horizon.tz);
    return this.fanOut.enqueue(this.queue, CAFE_JOBS.horizonTenant, day);
  }

  @OnJob({ queue: QUEUES.reminders, name: CAFE_JOBS.horizonTenant })
  async horizonTenant(job: Job): Promise<HorizonResult | Skipped> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.meetings.fillHorizon(asTenantId(tenant.id));
  }

  @OnSchedule({
    id: CAFE_SCHEDULERS.reminders.id,
    queue: QUEUES.reminders,
    name: CAFE_JOBS.reminders,
    every: CAFE_SCHEDULERS.reminders.every,
  })
  reminders(job: Job): Promise<{ tenants: number }> {
    return this.fanOutReminders(scheduledAt(job));
  }

  /** One reminders job per active municipality for the minute of `at`. */
  fanOutReminders(at: Date): Promise<{ tenants: number }> {
    const minute = fanOutPeriod.minute(at);
    return this.fanOut.enqueue(
      this.queue,
      CAFE_JOBS.remindersTenant,
      minute,
      REMINDERS_TENANT_JOB_OPTIONS,
    );
  }

  @OnJob({ queue: QUEUES.reminders, name: CAFE_JOBS.remindersTenant })
  async remindersTenant(job: Job): Promise<{ meetings: number; queued: number } | Skipped> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.planner.planTenant(tenant);
  }
}
