import type { Client } from 'pg';
import type { DemoSeedContext, DemoSeedCounts } from '../../common/feature-manifest';
import { demoLocalArticles, demoLocalFeed } from './demo-news';
import { seedArticles, seedFeed } from './seed-news-rows';

/**
 * One demo municipality's own news, inside the seed's tenant transaction: its articles (the
 * municipal mantelzorgpremie, the café's new season, pinned; an info session) and the feed of its
 * website with a few items as if fetched earlier. Idempotent (./seed-news-rows.ts).
 */
export async function seedLocalNews(
  client: Client,
  ctx: DemoSeedContext,
  now = new Date(),
): Promise<DemoSeedCounts> {
  const made = await seedFeed(client, ctx.tenantId, demoLocalFeed(ctx.tenantSlug), now);
  return {
    localArticlesCreated: await seedArticles(
      client,
      ctx.tenantId,
      demoLocalArticles(ctx.tenantSlug),
      now,
    ),
    localFeedsCreated: made.feeds,
    localFeedItemsCreated: made.items,
  };
}
