import type { Client } from 'pg';
import type { DemoSeedCounts } from '../../common/feature-manifest';
import { DEMO_GENERAL_ARTICLES, DEMO_GENERAL_FEEDS } from './demo-news';
import { seedArticles, seedFeed } from './seed-news-rows';

/**
 * The demo's general news (global tables, shown on every hub), once before the municipalities,
 * in one transaction of its own: the platform's articles, and the general feeds of real sources
 * with a few items each as if fetched earlier. Idempotent (./seed-news-rows.ts).
 */
export async function seedGeneralNews(client: Client, now = new Date()): Promise<DemoSeedCounts> {
  await client.query('begin');
  try {
    const counts = {
      generalArticlesCreated: await seedArticles(client, null, DEMO_GENERAL_ARTICLES, now),
      generalFeedsCreated: 0,
      generalFeedItemsCreated: 0,
    };
    for (const feed of DEMO_GENERAL_FEEDS) {
      const made = await seedFeed(client, null, feed, now);
      counts.generalFeedsCreated += made.feeds;
      counts.generalFeedItemsCreated += made.items;
    }
    await client.query('commit');
    return counts;
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}
