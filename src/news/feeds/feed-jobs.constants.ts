import type { JobsOptions } from 'bullmq';
import type { FeedScope } from './feed-scope';

/** The feeds' jobs on the `news` queue (src/news/feeds/feed-jobs.service.ts). */
export const FEED_JOBS = {
  /** Every minute: the due general feeds' refreshes, and one planning job per municipality. */
  plan: 'news-feeds-plan',
  /** One municipality's due feeds, in its tenant transaction. */
  planTenant: 'news-feeds-plan-tenant',
  /** One refresh of one feed for one slot. */
  refresh: 'news-feed-refresh',
} as const;

/** The planner's scheduler: its id is stable (re-declaring replaces it, never doubles it). */
export const FEED_PLANNER = { id: 'news-feeds-plan', every: 60_000 } as const;

/** What a refresh job carries: the feed, its scope (null: a general feed) and its slot. */
export interface FeedJobData {
  tenantId: string | null;
  feedId: string;
  /** The `next_fetch_at` the refresh is for, in ms: a feed refreshed since is not due for it. */
  slot: number;
}

/**
 * One job per feed and slot: BullMQ keeps an id once, so two planners, a restarted worker and
 * an admin's "nu vernieuwen" for the same slot add one refresh. (BullMQ allows a `:` in a custom
 * id only with exactly three parts, as here.)
 */
export const feedJobId = (feedId: string, slot: number): string => `feed:${feedId}:${slot}`;

/**
 * A refresh never fails for the feed's sake (a failed fetch is an outcome, stored); it is retried
 * only when PostgreSQL or Redis were away. A failed job is removed: the next planner run adds it
 * again from PostgreSQL (a kept one would block its id). Done jobs are kept a while to be read.
 */
export const FEED_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 3600, count: 5_000 },
  removeOnFail: true,
};

/** A municipality's planning job: retried alone, the next minute plans the same anyway. */
export const PLAN_TENANT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3600, count: 2_000 },
  removeOnFail: { age: 24 * 3600, count: 2_000 },
};

/** At most this many feeds of one scope are enqueued per planner run (the rest the next minute). */
export const PLAN_BATCH = 5_000;

/** A refresh that finds its host busy waits this long (plus up to as much again) and tries again. */
export const HOST_BUSY_DELAY_MS = 1_500;

/** The refresh of one feed for one slot, as a job (the planner's and "nu vernieuwen"'s). */
export function refreshJob(scope: FeedScope, feed: { id: string; slot: number }) {
  const data: FeedJobData = { tenantId: scope.tenantId, feedId: feed.id, slot: feed.slot };
  return {
    name: FEED_JOBS.refresh,
    data,
    opts: { ...FEED_JOB_OPTIONS, jobId: feedJobId(feed.id, feed.slot) },
  };
}
