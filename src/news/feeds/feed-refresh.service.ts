import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { ScopedTransactionService } from '../../events/scoped-transaction.service';
import { NewsSlugsService, slugFromTitle } from '../common/news-slugs.service';
import type { FetchOutcome, ParsedItem } from './fetch/fetch-contract';
import { PLAN_BATCH } from './feed-jobs.constants';
import { minutesAfterFailure, minutesAfterSuccess, plusMinutes } from './feed-schedule';
import {
  feedTables,
  returning,
  slugHub,
  SLOT_SQL,
  type FeedScope,
  type FeedTables,
} from './feed-scope';

/** A feed due for a refresh: its id and slot (the due `next_fetch_at` in ms). */
export interface DueFeed {
  id: string;
  slot: number;
}

/** What a refresh job needs of its feed, read again when the job runs. */
export interface FeedToFetch {
  url: string;
  host: string;
  etag: string | null;
  lastModified: string | null;
  /** For the schedule after a 304 or a failure (`store`'s `known`). */
  refreshMinutes: number;
  failures: number;
}

/** What storing an outcome did. */
export type StoreResult =
  | { skipped: 'not-due' }
  | { kind: 'fetched'; inserted: number; updated: number; unchanged: number }
  | { kind: 'not_modified' }
  | { kind: 'failed'; code: string; failures: number };

/** The columns' limits (entities/feed-columns.ts, feed-item-columns.ts). */
const MAX_ETAG = 500;
const MAX_LAST_MODIFIED = 100;
const MAX_DETAIL = 200;
const MAX_TITLE = 300;
const MAX_LINK = 2000;

/** A validator too long for its column is not stored (a cut one would never match). */
const fits = (value: string | null, max: number) => (value && value.length <= max ? value : null);

/** How the scope's item table takes its tenant in an INSERT ... SELECT (general: none; `$1` stays typed). */
const tenantInsert = (scope: FeedScope) =>
  scope.tenantId === null
    ? { columns: '', values: '', where: 'where $1::uuid is null' }
    : { columns: 'tenant_id, ', values: '$1, ', where: '' };

/**
 * The feeds' side of PostgreSQL for the worker: which feeds are due (the planner), whether a
 * refresh is still due for its slot, and storing what a refresh brought, in ONE transaction of
 * the feed's scope (the hub's RLS transaction, or a plain one for a general feed). The fetch
 * itself happens outside any transaction (FeedFetcherService, up to 20 s).
 */
@Injectable()
export class FeedRefreshService {
  constructor(
    private readonly tx: ScopedTransactionService,
    private readonly slugs: NewsSlugsService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * One statement in the scope: a hub's needs its RLS transaction (the tenant set first); a
   * general feed's is atomic on its own, without BEGIN and COMMIT (half the round trips of a
   * 304, which is mostly round trips).
   */
  private single<T>(scope: FeedScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return scope.tenantId === null ? work(this.dataSource.manager) : this.tx.run(scope, work);
  }

  /** The scope's enabled feeds whose `next_fetch_at` is at or before `at`, the longest due first. */
  due(scope: FeedScope, at: Date, limit = PLAN_BATCH): Promise<DueFeed[]> {
    const T = feedTables(scope);
    return this.single(scope, async (em) => {
      const rows = await em.query<{ id: string; slot: string }[]>(
        `select id, ${SLOT_SQL()} as slot from ${T.feeds}
          where ${T.own()} and enabled and next_fetch_at <= $2
          order by next_fetch_at limit $3`,
        [scope.tenantId, at, limit],
      );
      return rows.map((row) => ({ id: row.id, slot: Number(row.slot) }));
    });
  }

  /** The feed, if it is still enabled and due for `slot` (else a refresh for it does nothing). */
  dueFeed(scope: FeedScope, feedId: string, slot: number): Promise<FeedToFetch | null> {
    const T = feedTables(scope);
    return this.single(scope, async (em) => {
      const rows = await em.query<FeedToFetch[]>(
        `select url, host, etag, last_modified as "lastModified",
                refresh_minutes as "refreshMinutes", failures
           from ${T.feeds}
          where ${T.own()} and id = $2 and enabled and ${SLOT_SQL()} = $3`,
        [scope.tenantId, feedId, slot],
      );
      return rows[0] ?? null;
    });
  }

  /**
   * Stores one refresh's outcome, if the feed is still due for `slot` (its row locked first, so
   * two refreshes of one slot never both store): new items inserted with their slugs, changed
   * ones updated in place (hidden ones stay hidden), unchanged ones untouched; a 304 only moves
   * the schedule; a failure counts, backs off and keeps everything else.
   */
  store(
    scope: FeedScope,
    feedId: string,
    slot: number,
    outcome: FetchOutcome,
    known?: Pick<FeedToFetch, 'refreshMinutes' | 'failures'>,
  ): Promise<StoreResult> {
    const T = feedTables(scope);
    // A 304 or a failure of a feed read by the job: one UPDATE, still due for the slot. (Every
    // refresh and "nu vernieuwen" move the slot, so what the job read is what it updates.)
    if (outcome.kind !== 'fetched' && known)
      return this.single(scope, (em) =>
        this.storeSchedule(em, scope, T, feedId, slot, outcome, known, this.clock.now()),
      );
    return this.tx.run(scope, async (em) => {
      const now = this.clock.now();
      // The feed locked, and (for new items) what of them is stored, in one round trip.
      const hashes = outcome.kind === 'fetched' ? outcome.items.map((item) => item.guidHash) : [];
      const locked = await em.query<
        { refresh_minutes: number; failures: number; stored: [string, string][] | null }[]
      >(
        `select refresh_minutes, failures,
                (select json_agg(json_build_array(i.guid_hash, i.content_hash)) from ${T.items} i
                  where ${T.own('i')} and i.feed_id = $2 and i.guid_hash = any($4::bpchar[])) as stored
           from ${T.feeds}
          where ${T.own()} and id = $2 and enabled and ${SLOT_SQL()} = $3
          for update`,
        [scope.tenantId, feedId, slot, hashes],
      );
      const feed = locked[0];
      if (!feed) return { skipped: 'not-due' } as const;
      if (outcome.kind !== 'fetched') {
        const read = { refreshMinutes: feed.refresh_minutes, failures: feed.failures };
        return this.storeSchedule(em, scope, T, feedId, slot, outcome, read, now);
      }

      const hint = outcome.hints.minIntervalMinutes;
      const next = plusMinutes(now, minutesAfterSuccess(feed.refresh_minutes, hint));
      const stored = new Map(feed.stored ?? []);
      const counts = await this.storeItems(em, scope, T, feedId, outcome.items, stored, now);
      await em.query(
        `update ${T.feeds}
            set etag = $3, last_modified = $4, hinted_minutes = $5, failures = 0,
                last_attempt_at = $6, last_success_at = $6, next_fetch_at = $7, updated_at = $6
          where ${T.own()} and id = $2`,
        [
          scope.tenantId,
          feedId,
          fits(outcome.etag, MAX_ETAG),
          fits(outcome.lastModified, MAX_LAST_MODIFIED),
          hint,
          now,
          next,
        ],
      );
      return { kind: 'fetched', ...counts };
    });
  }

  /**
   * A 304 (only the schedule moves: no item is written) or a failure (counted, backed off, the
   * code and detail kept; nothing else changes), if the feed is still due for `slot`.
   */
  private async storeSchedule(
    em: EntityManager,
    scope: FeedScope,
    T: FeedTables,
    feedId: string,
    slot: number,
    outcome: Exclude<FetchOutcome, { kind: 'fetched' }>,
    feed: Pick<FeedToFetch, 'refreshMinutes' | 'failures'>,
    now: Date,
  ): Promise<StoreResult> {
    const hint = outcome.hints.minIntervalMinutes;
    const due = `${T.own()} and id = $2 and enabled and ${SLOT_SQL()} = $3`;
    if (outcome.kind === 'failed') {
      const failures = feed.failures + 1;
      const next = plusMinutes(now, minutesAfterFailure(feed.refreshMinutes, failures, hint));
      const rows = await returning<{ id: string }>(
        em,
        `update ${T.feeds}
            set failures = $4, last_attempt_at = $5, last_error = $6, last_error_detail = $7,
                last_error_at = $5, next_fetch_at = $8, updated_at = $5
          where ${due}
          returning id`,
        [
          scope.tenantId,
          feedId,
          slot,
          failures,
          now,
          outcome.code,
          outcome.detail?.slice(0, MAX_DETAIL) ?? null,
          next,
        ],
      );
      return rows.length > 0
        ? { kind: 'failed', code: outcome.code, failures }
        : { skipped: 'not-due' };
    }
    const next = plusMinutes(now, minutesAfterSuccess(feed.refreshMinutes, hint));
    const rows = await returning<{ id: string }>(
      em,
      `update ${T.feeds}
          set hinted_minutes = $4, failures = 0, last_attempt_at = $5, last_success_at = $5,
              next_fetch_at = $6, updated_at = $5
        where ${due}
        returning id`,
      [scope.tenantId, feedId, slot, hint, now, next],
    );
    return rows.length > 0 ? { kind: 'not_modified' } : { skipped: 'not-due' };
  }

  /** A feed's items (`stored`: guid hash → content hash of those already there): at most one insert and one update. */
  private async storeItems(
    em: EntityManager,
    scope: FeedScope,
    T: FeedTables,
    feedId: string,
    parsed: ParsedItem[],
    stored: Map<string, string>,
    now: Date,
  ): Promise<{ inserted: number; updated: number; unchanged: number }> {
    if (parsed.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const items = parsed.map((item) => ({
      ...item,
      title: item.title.slice(0, MAX_TITLE),
      link: item.link && item.link.length <= MAX_LINK ? item.link : null,
    }));
    const fresh = items.filter((item) => !stored.has(item.guidHash));
    const changed = items.filter(
      (item) => stored.has(item.guidHash) && stored.get(item.guidHash) !== item.contentHash,
    );

    if (fresh.length > 0) {
      const slugs = await this.slugs.claimFreeMany(
        em,
        slugHub(scope),
        fresh.map((item) => slugFromTitle(item.title)),
      );
      const tenant = tenantInsert(scope);
      await em.query(
        `insert into ${T.items} (${tenant.columns}feed_id, guid_hash, link, title, summary, content,
                                 content_hash, published_at, slug, created_at, updated_at)
         select ${tenant.values}$2, u.guid_hash, u.link, u.title, u.summary, u.content,
                u.content_hash, u.published_at, u.slug, $11, $11
           from unnest($3::bpchar[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bpchar[],
                       $9::timestamptz[], $10::text[])
             as u(guid_hash, link, title, summary, content, content_hash, published_at, slug)
         ${tenant.where}
         on conflict do nothing`,
        [
          scope.tenantId,
          feedId,
          fresh.map((item) => item.guidHash),
          fresh.map((item) => item.link),
          fresh.map((item) => item.title),
          fresh.map((item) => item.summary),
          fresh.map((item) => item.content),
          fresh.map((item) => item.contentHash),
          fresh.map((item) => item.publishedAt ?? now),
          slugs,
          now,
        ],
      );
    }

    if (changed.length > 0) {
      // The address (slug) and an admin's "verbergen" stay; a date the feed dropped is kept.
      await em.query(
        `update ${T.items} as i
            set link = u.link, title = u.title, summary = u.summary, content = u.content,
                content_hash = u.content_hash, published_at = coalesce(u.published_at, i.published_at),
                updated_at = $10
           from unnest($3::bpchar[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bpchar[],
                       $9::timestamptz[])
             as u(guid_hash, link, title, summary, content, content_hash, published_at)
          where ${T.own('i')} and i.feed_id = $2 and i.guid_hash = u.guid_hash
            and i.content_hash is distinct from u.content_hash`,
        [
          scope.tenantId,
          feedId,
          changed.map((item) => item.guidHash),
          changed.map((item) => item.link),
          changed.map((item) => item.title),
          changed.map((item) => item.summary),
          changed.map((item) => item.content),
          changed.map((item) => item.contentHash),
          changed.map((item) => item.publishedAt),
          now,
        ],
      );
    }
    return {
      inserted: fresh.length,
      updated: changed.length,
      unchanged: items.length - fresh.length - changed.length,
    };
  }
}
