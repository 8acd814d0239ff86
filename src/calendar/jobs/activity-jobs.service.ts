import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { asTenantId } from '../../database/tenant-id';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { fanOutPeriod, scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { ActivitiesService } from '../activities/activities.service';

/** Job names on the `calendar` queue. */
export const ACTIVITY_JOBS = {
  /** Daily: one `horizonTenant` job per active municipality. */
  horizon: 'calendar-horizon',
  /** One municipality's activities with their dates six months ahead. */
  horizonTenant: 'calendar-horizon-tenant',
} as const;

// 02:30 Brussels time, every day (after the cafés' horizon at 02:15).
export const ACTIVITY_HORIZON = {
  id: 'calendar-horizon',
  pattern: '0 30 2 * * *',
  tz: 'Europe/Brussels',
} as const;

type Skipped = { skipped: 'not-active' };

/**
 * Keeps every activity's dates six months ahead, as the cafés' horizon does: the schedule fans
 * out one job per active municipality for the day (TenantFanOut), so one hub's failure is
 * retried alone and a second run the same day creates nothing.
 */
@Injectable()
export class ActivityJobsService {
  constructor(
    @InjectQueue(QUEUES.calendar) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly activities: ActivitiesService,
  ) {}

  @OnSchedule({
    id: ACTIVITY_HORIZON.id,
    queue: QUEUES.calendar,
    name: ACTIVITY_JOBS.horizon,
    pattern: ACTIVITY_HORIZON.pattern,
    tz: ACTIVITY_HORIZON.tz,
  })
  horizon(job: Job): Promise<{ tenants: number }> {
    return this.fanOutHorizon(scheduledAt(job));
  }

  /** One horizon job per active municipality for the (Brussels) day of `at`. */
  fanOutHorizon(at: Date): Promise<{ tenants: number }> {
    const day = fanOutPeriod.day(at, ACTIVITY_HORIZON.tz);
    return this.fanOut.enqueue(this.queue, ACTIVITY_JOBS.horizonTenant, day);
  }

  @OnJob({ queue: QUEUES.calendar, name: ACTIVITY_JOBS.horizonTenant })
  async horizonTenant(job: Job): Promise<{ created: number } | Skipped> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.activities.fillHorizon(asTenantId(tenant.id));
  }
}
