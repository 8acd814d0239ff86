import { Injectable } from '@nestjs/common';
import { UnrecoverableError, type Job, type JobsOptions, type Queue } from 'bullmq';
import { isUuid } from '../common/uuid';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { TenantsService } from '../tenancy/tenants.service';

/** Payload of a per-tenant job: the municipality it works for. */
export interface TenantJobData {
  tenantId: string;
}

/**
 * The period a scheduled run belongs to, as part of a job id. BullMQ refuses custom ids that
 * contain ':' or are integers, so these use neither.
 */
export const fanOutPeriod = {
  /** The UTC minute: 2026-12-02T1015Z. */
  minute: (at: Date): string =>
    `${at.toISOString().slice(0, 13)}${at.toISOString().slice(14, 16)}Z`,
  /** The calendar day in `tz`: 2026-12-02. */
  day: (at: Date, tz: string): string =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at),
};

/**
 * When a scheduled job was due (not when a busy worker got to it). A scheduler's job id ends in
 * that moment (`repeat:<scheduler>:<ms>`); its `timestamp` is when BullMQ made it, at the run
 * before (one period earlier), and its delay reads 0 once it is promoted, so the two would label a
 * run with the period of the run before it (and fold the first two runs into one).
 */
export const scheduledAt = (job: Job): Date => {
  const due = /^repeat:.+:(\d+)$/.exec(job.id ?? '');
  return new Date(due ? Number(due[1]) : job.timestamp + (job.delay ?? 0));
};

/**
 * Recurring work over all municipalities: the scheduled job only fans out one job per active
 * tenant, so a failing municipality is retried alone and the others are not held up by it. A job's
 * id is its name, tenant and period: a second run in the same period (a re-declared scheduler,
 * two workers) adds nothing, as BullMQ keeps an id once.
 */
@Injectable()
export class TenantFanOut {
  constructor(private readonly tenants: TenantsService) {}

  /** Job `name` on `queue` for every active municipality in `period`; how many there are. */
  async enqueue(
    queue: Queue,
    name: string,
    period: string,
    opts: JobsOptions = {},
  ): Promise<{ tenants: number }> {
    const jobs: { name: string; data: TenantJobData; opts: JobsOptions }[] = [];
    await this.tenants.forEachActiveTenant(async (tenantId) => {
      jobs.push({
        name,
        data: { tenantId },
        opts: { ...opts, jobId: tenantJobId(name, tenantId, period) },
      });
    });
    if (jobs.length > 0) await queue.addBulk(jobs);
    return { tenants: jobs.length };
  }

  /**
   * The municipality of a per-tenant job, read again (it may have been suspended since the fan-out):
   * null when it is no longer active. A payload without a uuid is never retried.
   */
  async activeTenant(job: Job): Promise<Tenant | null> {
    const { tenantId } = job.data as Partial<TenantJobData>;
    if (!isUuid(tenantId)) throw new UnrecoverableError(`${job.name}: tenantId must be a uuid`);
    const tenant = await this.tenants.findById(tenantId);
    return tenant?.status === 'active' ? tenant : null;
  }
}

export const tenantJobId = (name: string, tenantId: string, period: string): string =>
  `${name}.${tenantId}.${period}`;
