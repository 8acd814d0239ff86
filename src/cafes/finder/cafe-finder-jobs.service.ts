import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { fanOutPeriod, scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { CafeFinderCopyService, type CopyResult } from './cafe-finder-copy.service';

/** The café finder's jobs on the `finder` queue. */
export const FINDER_JOBS = {
  /** Every five minutes: drop suspended hubs' copies, one `copyHub` job per active hub. */
  plan: 'cafes-finder-plan',
  /** One hub's cafés copied when they changed (CafeFinderCopyService.copyHub). */
  copyHub: 'cafes-finder-copy-hub',
} as const;

/**
 * A change on a hub shows in the finder within five minutes; the copy is checked that often, so
 * the next meeting moves on by itself (far more often than the hourly the issue asks).
 */
export const FINDER_PLANNER = { id: 'cafes-finder-plan', every: 5 * 60_000 } as const;

/** A few quick retries: the next planner run copies the hub again anyway. */
const COPY_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 24 * 3600 },
};

type Skipped = { skipped: 'not-active' };

/**
 * Keeps the platform's café finder up to date: the planner fans out one job per active hub
 * (TenantFanOut: id hub and minute, so a second planner adds none), each copying that hub's cafés
 * from its own tenant transaction.
 */
@Injectable()
export class CafeFinderJobsService {
  constructor(
    @InjectQueue(QUEUES.finder) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly copies: CafeFinderCopyService,
  ) {}

  @OnSchedule({
    id: FINDER_PLANNER.id,
    queue: QUEUES.finder,
    name: FINDER_JOBS.plan,
    every: FINDER_PLANNER.every,
  })
  plan(job: Job): Promise<{ dropped: number; tenants: number }> {
    return this.planAt(scheduledAt(job));
  }

  /** One planner run for the moment `run`. */
  async planAt(run: Date): Promise<{ dropped: number; tenants: number }> {
    const dropped = await this.copies.dropInactiveHubs();
    const { tenants } = await this.fanOut.enqueue(
      this.queue,
      FINDER_JOBS.copyHub,
      fanOutPeriod.minute(run),
      COPY_JOB_OPTIONS,
    );
    return { dropped, tenants };
  }

  @OnJob({ queue: QUEUES.finder, name: FINDER_JOBS.copyHub })
  async copyHub(job: Job): Promise<CopyResult | Skipped> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.copies.copyHub(tenant);
  }
}
