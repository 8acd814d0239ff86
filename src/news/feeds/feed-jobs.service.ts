import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { DelayedError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { FeedFetcherService } from './fetch/feed-fetcher.service';
import { FeedHostLimitService } from './feed-host-limit.service';
import {
  FEED_JOBS,
  FEED_PLANNER,
  HOST_BUSY_DELAY_MS,
  PLAN_TENANT_JOB_OPTIONS,
  refreshJob,
  type FeedJobData,
} from './feed-jobs.constants';
import { FeedRefreshService, type StoreResult } from './feed-refresh.service';
import { feedScopeOf, GENERAL_FEEDS, localFeeds, type FeedScope } from './feed-scope';

type Skipped = { skipped: 'not-active' | 'not-due' | 'host-busy' };

/**
 * The feeds' jobs on the `news` queue. Every minute the planner enqueues one refresh per due
 * general feed (platform work) and fans out one planning job per active municipality, which
 * enqueues that municipality's due feeds from its own tenant transaction. A refresh is one job
 * per feed and slot (`feed:<id>:<slot>`, slot = the due `next_fetch_at` in ms): BullMQ keeps an
 * id once, and the job checks the feed is still due for its slot, so two planners, a restarted
 * worker or "nu vernieuwen" never fetch a slot twice. The schedule itself lives in PostgreSQL.
 */
@Injectable()
export class FeedJobsService {
  constructor(
    @InjectQueue(QUEUES.news) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly refreshes: FeedRefreshService,
    private readonly fetcher: FeedFetcherService,
    private readonly hosts: FeedHostLimitService,
    private readonly clock: Clock,
  ) {}

  @OnSchedule({
    id: FEED_PLANNER.id,
    queue: QUEUES.news,
    name: FEED_JOBS.plan,
    every: FEED_PLANNER.every,
  })
  plan(job: Job): Promise<{ general: number; tenants: number }> {
    return this.planAt(scheduledAt(job));
  }

  /**
   * One planner run for the run due at `run` (its moment names the municipalities' planning
   * jobs, so a second run for the same moment adds none): what is due is what is due now.
   */
  async planAt(run: Date): Promise<{ general: number; tenants: number }> {
    const general = await this.enqueueDue(GENERAL_FEEDS);
    const { tenants } = await this.fanOut.enqueue(
      this.queue,
      FEED_JOBS.planTenant,
      String(run.getTime()),
      PLAN_TENANT_JOB_OPTIONS,
    );
    return { general, tenants };
  }

  @OnJob({ queue: QUEUES.news, name: FEED_JOBS.planTenant })
  async planTenant(job: Job): Promise<{ feeds: number } | Skipped> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return { feeds: await this.enqueueDue(localFeeds(tenant.id)) };
  }

  @OnJob({ queue: QUEUES.news, name: FEED_JOBS.refresh })
  async refresh(job: Job): Promise<StoreResult | Skipped> {
    const { tenantId, feedId, slot } = refreshData(job);
    const scope = feedScopeOf(tenantId);
    const feed = await this.refreshes.dueFeed(scope, feedId, slot);
    if (!feed) return { skipped: 'not-due' };
    const lease = await this.hosts.acquire(feed.host);
    if (!lease) {
      // Its site is busy with other feeds: a little later, never a failure, nothing held up.
      const delay = HOST_BUSY_DELAY_MS + Math.floor(Math.random() * HOST_BUSY_DELAY_MS);
      await job.moveToDelayed(Date.now() + delay, job.token);
      throw new DelayedError();
    }
    let outcome;
    try {
      outcome = await this.fetcher.fetch({
        url: feed.url,
        etag: feed.etag,
        lastModified: feed.lastModified,
      });
    } finally {
      await this.hosts.release(lease);
    }
    return this.refreshes.store(scope, feedId, slot, outcome, feed);
  }

  /** The scope's due feeds as refresh jobs; how many were due. */
  private async enqueueDue(scope: FeedScope): Promise<number> {
    const due = await this.refreshes.due(scope, this.clock.now());
    if (due.length > 0) await this.queue.addBulk(due.map((feed) => refreshJob(scope, feed)));
    return due.length;
  }
}

/** A refresh job's payload, checked: a malformed one is never retried. */
function refreshData(job: Job): FeedJobData {
  const data = (job.data ?? {}) as Partial<FeedJobData>;
  const tenantOk = data.tenantId === null || isUuid(data.tenantId);
  if (!tenantOk || !isUuid(data.feedId) || !Number.isSafeInteger(data.slot))
    throw new UnrecoverableError(
      `${job.name}: needs { tenantId: uuid | null, feedId: uuid, slot: ms }`,
    );
  return { tenantId: data.tenantId ?? null, feedId: data.feedId, slot: data.slot! };
}
