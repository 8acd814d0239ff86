import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { safeHtml } from '../../web/content/safe-html';
import { NewsSlugsService, slugFromTitle } from '../common/news-slugs.service';
import type { DemoArticle, DemoFeed } from './demo-news';

/**
 * Writes the demo news through the seed's plain pg connection (the demo seed runs without the
 * app): a local row (news_articles, news_feeds, news_feed_items, in the seed's tenant
 * transaction) when `hub` is a tenant id, a general one (general_*) when it is null. Every slug is
 * taken through NewsSlugsService itself, on the same connection, in the same transaction as its
 * row. Idempotent: an article by its slug, a feed by its address, an item by its guid.
 */

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The seed's connection as much of an EntityManager as NewsSlugsService uses (`query`). */
function asManager(client: Client): EntityManager {
  return {
    query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
  } as unknown as EntityManager;
}

const slugs = new NewsSlugsService();

/** The demo articles of a hub (or the general ones); returns how many it added. */
export async function seedArticles(
  client: Client,
  hub: string | null,
  articles: DemoArticle[],
  now: Date,
): Promise<number> {
  const table = hub ? 'news_articles' : 'general_articles';
  let created = 0;
  for (const article of articles) {
    const exists = await client.query(
      `select 1 from ${table} where slug = $1${hub ? ' and tenant_id = $2' : ''}`,
      hub ? [article.slug, hub] : [article.slug],
    );
    if (exists.rowCount) continue;
    // A slug someone else took (an admin's article of the same name) is left to them.
    if (!(await slugs.claim(asManager(client), hub, article.slug))) continue;
    const values = [
      article.slug,
      article.title,
      article.summary,
      article.body,
      new Date(now.getTime() + article.days * DAY),
      article.pinned ?? false,
    ];
    if (hub)
      await client.query(
        `insert into news_articles (tenant_id, slug, title, summary, body, publish_at, status, pinned)
         values ($7, $1, $2, $3, $4, $5, 'published', $6)`,
        [...values, hub],
      );
    else
      await client.query(
        `insert into general_articles (slug, title, summary, body, publish_at, status, pinned)
         values ($1, $2, $3, $4, $5, 'published', $6)`,
        values,
      );
    created++;
  }
  return created;
}

/**
 * A demo feed and its items, stored as if the worker fetched them `fetchedHoursAgo` hours ago;
 * its next refresh is due now (without internet it fails, and the admin sees why).
 */
export async function seedFeed(
  client: Client,
  hub: string | null,
  feed: DemoFeed,
  now: Date,
): Promise<{ feeds: number; items: number }> {
  const feeds = hub ? 'news_feeds' : 'general_feeds';
  const host = new URL(feed.url).hostname.toLowerCase();
  const fetchedAt = new Date(now.getTime() - feed.fetchedHoursAgo * HOUR);
  const found = await client.query<{ id: string }>(
    `select id from ${feeds} where url = $1${hub ? ' and tenant_id = $2' : ''}`,
    hub ? [feed.url, hub] : [feed.url],
  );
  let feedId = found.rows[0]?.id;
  let created = 0;
  if (!feedId) {
    const values = [feed.url, host, feed.name, feed.refreshMinutes, feed.showFull, fetchedAt, now];
    const inserted = hub
      ? await client.query<{ id: string }>(
          `insert into news_feeds (tenant_id, url, host, name, refresh_minutes, show_full,
             last_attempt_at, last_success_at, next_fetch_at)
           values ($8, $1, $2, $3, $4, $5, $6, $6, $7) returning id`,
          [...values, hub],
        )
      : await client.query<{ id: string }>(
          `insert into general_feeds (url, host, name, refresh_minutes, show_full,
             last_attempt_at, last_success_at, next_fetch_at)
           values ($1, $2, $3, $4, $5, $6, $6, $7) returning id`,
          values,
        );
    feedId = inserted.rows[0].id;
    created = 1;
  }
  let items = 0;
  for (const item of feed.items) {
    // The item's identity and content as the fetcher computes them (feeds/fetch/parse-feed.ts:
    // the guid with http and https folded), so a real refresh of the same item updates this row.
    const guidHash = sha256(`guid:${item.guid.trim().replace(/^https?:\/\//i, 'https://')}`);
    const table = hub ? 'news_feed_items' : 'general_feed_items';
    const exists = await client.query(
      `select 1 from ${table} where feed_id = $1 and guid_hash = $2`,
      [feedId, guidHash],
    );
    if (exists.rowCount) continue;
    const link = new URL(item.path, feed.url).href;
    const content = safeHtml(item.content, { headings: false, ownHost: null });
    const slug = await slugs.claimFree(asManager(client), hub, slugFromTitle(item.title));
    const values = [
      feedId,
      guidHash,
      link,
      item.title,
      item.summary,
      content,
      sha256(JSON.stringify([item.title, link, item.summary, content])),
      new Date(Math.min(now.getTime() + item.days * DAY, fetchedAt.getTime())),
      slug,
      fetchedAt,
    ];
    if (hub)
      await client.query(
        `insert into news_feed_items (tenant_id, feed_id, guid_hash, link, title, summary, content,
           content_hash, published_at, slug, created_at, updated_at)
         values ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [...values, hub],
      );
    else
      await client.query(
        `insert into general_feed_items (feed_id, guid_hash, link, title, summary, content,
           content_hash, published_at, slug, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        values,
      );
    items++;
  }
  return { feeds: created, items };
}
