import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/uuid';
import { ScopedTransactionService } from '../../events/scoped-transaction.service';
import { QUEUES } from '../../jobs/job-defaults';
import { NewsSlugsService } from '../common/news-slugs.service';
import { refreshJob } from './feed-jobs.constants';
import { feedTables, returning, slugHub, SLOT_SQL, type FeedScope } from './feed-scope';

/** What an admin types for a feed (checked by FeedDto and feedInputFromForm). */
export interface FeedInput {
  url: string;
  name: string;
  refreshMinutes: number;
  enabled: boolean;
  showFull: boolean;
}

/** A stored feed with what its admin page shows (its health). */
export interface FeedRow {
  id: string;
  url: string;
  host: string;
  name: string;
  refreshMinutes: number;
  enabled: boolean;
  showFull: boolean;
  nextFetchAt: Date;
  failures: number;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorDetail: string | null;
  lastErrorAt: Date | null;
  /** Items stored (hidden ones too), and how many of them an admin hid. */
  items: number;
  hiddenItems: number;
}

/** One stored item as the feed's items page lists it. */
export interface FeedItemRow {
  id: string;
  title: string;
  link: string | null;
  slug: string;
  publishedAt: Date;
  hidden: boolean;
}

export type SaveFeedResult =
  | { ok: true; feed: FeedRow }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'url-taken'; name: string };

/** Items per page of a feed's items page. */
export const ITEMS_PER_PAGE = 50;

const FEED_COLUMNS = (alias = 'f') => `
  ${alias}.id, ${alias}.url, ${alias}.host, ${alias}.name, ${alias}.refresh_minutes as "refreshMinutes",
  ${alias}.enabled, ${alias}.show_full as "showFull", ${alias}.next_fetch_at as "nextFetchAt",
  ${alias}.failures, ${alias}.last_attempt_at as "lastAttemptAt", ${alias}.last_success_at as "lastSuccessAt",
  ${alias}.last_error as "lastError", ${alias}.last_error_detail as "lastErrorDetail",
  ${alias}.last_error_at as "lastErrorAt"`;

type RawFeedRow = Omit<FeedRow, 'items' | 'hiddenItems'> & { items: string; hiddenItems: string };
const feedRow = (raw: RawFeedRow): FeedRow => ({
  ...raw,
  items: Number(raw.items),
  hiddenItems: Number(raw.hiddenItems),
});

/** The host as the per-host limit counts it. */
const hostOf = (url: string) => new URL(url).hostname.toLowerCase();

/**
 * The feeds of one scope (a hub's local feeds, or the platform's general ones), for their admin
 * pages: list with health, add, change, delete (with its items and their addresses), "nu
 * vernieuwen", and hiding or showing one item. One service for both scopes: the scope names the
 * tables (feed-scope.ts) and ScopedTransactionService opens the hub's RLS transaction or the
 * platform's plain one. The worker's side is FeedRefreshService.
 */
@Injectable()
export class FeedsService {
  private readonly logger = new Logger('Feeds');

  constructor(
    private readonly tx: ScopedTransactionService,
    private readonly slugs: NewsSlugsService,
    private readonly clock: Clock,
    @InjectQueue(QUEUES.news) private readonly queue: Queue,
  ) {}

  /** Every feed of the scope with its health, by name. */
  list(scope: FeedScope): Promise<FeedRow[]> {
    const T = feedTables(scope);
    return this.tx.run(scope, async (em) => {
      const rows = await em.query<RawFeedRow[]>(
        `select ${FEED_COLUMNS()},
                (select count(*) from ${T.items} i where ${T.own('i')} and i.feed_id = f.id) as items,
                (select count(*) from ${T.items} i
                  where ${T.own('i')} and i.feed_id = f.id and i.hidden) as "hiddenItems"
           from ${T.feeds} f
          where ${T.own('f')}
          order by lower(f.name), f.id`,
        [scope.tenantId],
      );
      return rows.map(feedRow);
    });
  }

  /** One feed of the scope, or null (another hub's id, no such feed, not an id at all). */
  find(scope: FeedScope, id: string): Promise<FeedRow | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const T = feedTables(scope);
    return this.tx.run(scope, async (em) => {
      const rows = await em.query<RawFeedRow[]>(
        `select ${FEED_COLUMNS()},
                (select count(*) from ${T.items} i where ${T.own('i')} and i.feed_id = f.id) as items,
                (select count(*) from ${T.items} i
                  where ${T.own('i')} and i.feed_id = f.id and i.hidden) as "hiddenItems"
           from ${T.feeds} f
          where ${T.own('f')} and f.id = $2`,
        [scope.tenantId, id],
      );
      return rows[0] ? feedRow(rows[0]) : null;
    });
  }

  /** A new feed, due at once (the worker fetches it within a minute). */
  async create(scope: FeedScope, input: FeedInput): Promise<SaveFeedResult> {
    const T = feedTables(scope);
    const now = this.clock.now();
    const created = await this.tx.run(scope, async (em) => {
      const same = await this.sameUrl(em, scope, input.url, null);
      if (same) return { ok: false, reason: 'url-taken', name: same } as const;
      const tenant =
        scope.tenantId === null
          ? { columns: '', values: '', where: 'where $1::uuid is null' }
          : { columns: 'tenant_id, ', values: '$1, ', where: '' };
      const rows = await em.query<{ id: string }[]>(
        `insert into ${T.feeds} (${tenant.columns}url, host, name, refresh_minutes, enabled,
                                  show_full, next_fetch_at, created_at, updated_at)
         select ${tenant.values}$2, $3, $4, $5, $6, $7, $8, $8, $8 ${tenant.where}
         returning id`,
        [
          scope.tenantId,
          input.url,
          hostOf(input.url),
          input.name,
          input.refreshMinutes,
          input.enabled,
          input.showFull,
          now,
        ],
      );
      return { ok: true, id: rows[0].id } as const;
    });
    if (!created.ok) return created;
    const feed = (await this.find(scope, created.id))!;
    if (feed.enabled) await this.enqueue(scope, feed.id, feed.nextFetchAt);
    return { ok: true, feed };
  }

  /**
   * Saves the form. A new address starts afresh (no validators, no failures, due at once); a
   * feed switched on is due at once; the items stay.
   */
  async update(scope: FeedScope, id: string, input: FeedInput): Promise<SaveFeedResult> {
    if (!isUuid(id)) return { ok: false, reason: 'not-found' };
    const T = feedTables(scope);
    const now = this.clock.now();
    const saved = await this.tx.run(scope, async (em) => {
      const rows = await em.query<{ url: string; enabled: boolean }[]>(
        `select url, enabled from ${T.feeds} where ${T.own()} and id = $2 for update`,
        [scope.tenantId, id],
      );
      const before = rows[0];
      if (!before) return { ok: false, reason: 'not-found' } as const;
      const same = await this.sameUrl(em, scope, input.url, id);
      if (same) return { ok: false, reason: 'url-taken', name: same } as const;
      const moved = before.url !== input.url;
      const restart = moved || (!before.enabled && input.enabled);
      await em.query(
        `update ${T.feeds}
            set url = $3, host = $4, name = $5, refresh_minutes = $6, enabled = $7, show_full = $8,
                updated_at = $9,
                next_fetch_at = case when $10 then $9 else next_fetch_at end,
                etag = case when $11 then null else etag end,
                last_modified = case when $11 then null else last_modified end,
                hinted_minutes = case when $11 then null else hinted_minutes end,
                failures = case when $10 then 0 else failures end
          where ${T.own()} and id = $2`,
        [
          scope.tenantId,
          id,
          input.url,
          hostOf(input.url),
          input.name,
          input.refreshMinutes,
          input.enabled,
          input.showFull,
          now,
          restart,
          moved,
        ],
      );
      return { ok: true, restart } as const;
    });
    if (!saved.ok) return saved;
    const feed = (await this.find(scope, id))!;
    if (saved.restart && feed.enabled) await this.enqueue(scope, feed.id, feed.nextFetchAt);
    return { ok: true, feed };
  }

  /** Deletes the feed, its items and their addresses (/nieuws/<slug>) in one transaction. */
  remove(scope: FeedScope, id: string): Promise<{ name: string } | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const T = feedTables(scope);
    return this.tx.run(scope, async (em) => {
      const rows = await em.query<{ name: string }[]>(
        `select name from ${T.feeds} where ${T.own()} and id = $2 for update`,
        [scope.tenantId, id],
      );
      if (!rows[0]) return null;
      const slugs = await em.query<{ slug: string }[]>(
        `select slug from ${T.items} where ${T.own()} and feed_id = $2`,
        [scope.tenantId, id],
      );
      await this.slugs.releaseMany(
        em,
        slugHub(scope),
        slugs.map((row) => row.slug),
      );
      // The items go with their feed (on delete cascade).
      await em.query(`delete from ${T.feeds} where ${T.own()} and id = $2`, [scope.tenantId, id]);
      return { name: rows[0].name };
    });
  }

  /**
   * "Nu vernieuwen": due now and off the slow schedule (its failures forgotten), and its refresh
   * enqueued at once; null when there is no such feed. A switched-off feed is not fetched.
   */
  async refreshNow(scope: FeedScope, id: string): Promise<FeedRow | null> {
    if (!isUuid(id)) return null;
    const T = feedTables(scope);
    const now = this.clock.now();
    const slot = await this.tx.run(scope, async (em) => {
      const rows = await returning<{ slot: string; enabled: boolean }>(
        em,
        `update ${T.feeds} set next_fetch_at = $3, failures = 0, updated_at = $3
          where ${T.own()} and id = $2
          returning ${SLOT_SQL()} as slot, enabled`,
        [scope.tenantId, id, now],
      );
      return rows[0] ?? null;
    });
    if (!slot) return null;
    if (slot.enabled) await this.enqueue(scope, id, new Date(Number(slot.slot)));
    return this.find(scope, id);
  }

  /** A page of the feed's items, newest first (hidden ones too, marked); null: no such feed. */
  async items(
    scope: FeedScope,
    feedId: string,
    page: number,
  ): Promise<{ feed: FeedRow; items: FeedItemRow[]; page: number; pages: number } | null> {
    const feed = await this.find(scope, feedId);
    if (!feed) return null;
    const pages = Math.max(1, Math.ceil(feed.items / ITEMS_PER_PAGE));
    const current = Math.min(Math.max(page, 1), pages);
    const T = feedTables(scope);
    const items = await this.tx.run(scope, (em) =>
      em.query<FeedItemRow[]>(
        `select id, title, link, slug, published_at as "publishedAt", hidden from ${T.items}
          where ${T.own()} and feed_id = $2
          order by published_at desc, id
          limit $3 offset $4`,
        [scope.tenantId, feedId, ITEMS_PER_PAGE, (current - 1) * ITEMS_PER_PAGE],
      ),
    );
    return { feed, items, page: current, pages };
  }

  /** Hides one item everywhere (it stays stored, so it is not added again) or shows it again. */
  setItemHidden(
    scope: FeedScope,
    feedId: string,
    itemId: string,
    hidden: boolean,
  ): Promise<{ title: string } | null> {
    if (!isUuid(feedId) || !isUuid(itemId)) return Promise.resolve(null);
    const T = feedTables(scope);
    const now = this.clock.now();
    return this.tx.run(scope, async (em) => {
      const rows = await returning<{ title: string }>(
        em,
        `update ${T.items} set hidden = $4, updated_at = $5
          where ${T.own()} and feed_id = $2 and id = $3
          returning title`,
        [scope.tenantId, feedId, itemId, hidden, now],
      );
      return rows[0] ?? null;
    });
  }

  /** The name of another feed of the scope with this address, if any. */
  private async sameUrl(
    em: EntityManager,
    scope: FeedScope,
    url: string,
    except: string | null,
  ): Promise<string | null> {
    const T = feedTables(scope);
    const rows = await em.query<{ name: string }[]>(
      `select name from ${T.feeds}
        where ${T.own()} and url = $2 and ($3::uuid is null or id <> $3) limit 1`,
      [scope.tenantId, url, except],
    );
    return rows[0]?.name ?? null;
  }

  /**
   * The refresh for the feed's current slot, on the news queue, at once (the id is the one the
   * planner would give it, so the two never both run). If Redis is away, the planner enqueues
   * it within a minute: the slot is in PostgreSQL.
   */
  private async enqueue(scope: FeedScope, feedId: string, due: Date): Promise<void> {
    const job = refreshJob(scope, { id: feedId, slot: due.getTime() });
    try {
      await this.queue.add(job.name, job.data, job.opts);
    } catch (e) {
      // Redis away: the planner finds the feed due in PostgreSQL.
      this.logger.warn(`refresh of feed ${feedId} not enqueued: ${(e as Error).message}`);
    }
  }
}
