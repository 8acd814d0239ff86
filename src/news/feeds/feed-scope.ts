import { asTenantId } from '../../database/tenant-id';
import { PLATFORM_SCOPE, tenantScope, type EventScope } from '../../events/event-scope';

/**
 * Whose feeds: one municipality's (news_feeds and news_feed_items, tenant-owned, under RLS) or
 * the platform's general ones (general_feeds and general_feed_items, global, shown on every hub).
 * The one difference between the hub's and the platform's feed pages and jobs; everything else
 * is written once. The same value as an event's scope, so ScopedTransactionService opens the
 * right transaction for it.
 */
export type FeedScope = EventScope;
export const GENERAL_FEEDS: FeedScope = PLATFORM_SCOPE;
export const localFeeds = (tenantId: string): FeedScope => tenantScope(asTenantId(tenantId));

/** The scope as the feed jobs carry it (`tenantId`: null for a general feed). */
export const feedScopeOf = (tenantId: string | null): FeedScope =>
  tenantId === null ? GENERAL_FEEDS : localFeeds(tenantId);

/** The scope's two tables, and the condition that keeps a statement to its rows. */
export interface FeedTables {
  feeds: 'news_feeds' | 'general_feeds';
  items: 'news_feed_items' | 'general_feed_items';
  /**
   * `tenant_id = $1` for a municipality (beside RLS, every statement names its tenant), a
   * condition that always holds for the platform: `$1` is always the scope's tenant (null for
   * the platform), so every statement has the same first parameter in both scopes.
   */
  own: (alias?: string) => string;
}

const LOCAL_TABLES: FeedTables = {
  feeds: 'news_feeds',
  items: 'news_feed_items',
  own: (alias) => `${alias ? `${alias}.` : ''}tenant_id = $1`,
};

const GENERAL_TABLES: FeedTables = {
  feeds: 'general_feeds',
  items: 'general_feed_items',
  own: () => '$1::uuid is null',
};

export const feedTables = (scope: FeedScope): FeedTables =>
  scope.tenantId === null ? GENERAL_TABLES : LOCAL_TABLES;

/** The news_slugs hub of the scope's items (null: general, on every hub). */
export const slugHub = (scope: FeedScope): string | null => scope.tenantId;

/**
 * The moment a feed is due, in ms, as SQL computes it: the slot of its refresh job
 * (`feed:<id>:<slot>`). Computed in SQL on both sides (the planner's and the job's check), so a
 * `next_fetch_at` with microseconds (a column default) still matches.
 */
export const SLOT_SQL = (alias?: string) =>
  `floor(extract(epoch from ${alias ? `${alias}.` : ''}next_fetch_at) * 1000)::bigint`;

/**
 * The rows of an UPDATE or DELETE ... RETURNING: TypeORM's `query` gives those as
 * `[rows, count]` on PostgreSQL (an INSERT's or SELECT's as the rows).
 */
export async function returning<T>(
  em: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = await em.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]))
    return result[0] as T[];
  return result as T[];
}
