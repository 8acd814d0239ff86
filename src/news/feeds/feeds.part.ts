import type { FeaturePart } from '../../common/feature-part';
import { FeedFetcherService } from './fetch/feed-fetcher.service';
import { FeedHostLimitService } from './feed-host-limit.service';
import { FeedJobsService } from './feed-jobs.service';
import { FeedRefreshService } from './feed-refresh.service';
import { GeneralFeedsAdminController, LocalFeedsAdminController } from './feeds-admin.controller';
import { FeedsService } from './feeds.service';
import { FEED_STRINGS } from './feeds.strings';

/**
 * The news's feeds (see docs/news.md): a hub's local feeds kept by its admins
 * (/beheer/nieuws/feeds), the general ones by platform admins (the same path on the platform
 * host), one service for both; the worker's planner (every minute) and one refresh job per feed
 * and slot on the `news` queue, which fetch (fetch/, FeedFetcherService) and store in one
 * transaction (FeedRefreshService). The demo feeds come with the news's seed (src/news/seed).
 */
export const FEEDS_PART: FeaturePart = {
  controllers: [LocalFeedsAdminController, GeneralFeedsAdminController],
  providers: [FeedsService, FeedRefreshService],
  // Only where jobs run: the fetcher (its connection pool), the per-host limit, the jobs.
  jobProviders: [FeedFetcherService, FeedHostLimitService, FeedJobsService],
  strings: FEED_STRINGS,
  platformSeeders: [],
  demoSeeders: [],
};
