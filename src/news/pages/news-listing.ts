import { t } from '../../i18n/i18n';
import { articleImageUrl } from '../articles/article-image-url';

/**
 * What a hub shows of its news, in ONE statement per question: the four sources (its local
 * articles and local feed items under RLS, the general articles and general feed items of every
 * hub) as branches of one `union all`. The visibility rule is written once, here: an article
 * shows when `status = 'published' and publish_at <= now`, a feed item when `hidden = false`.
 * Each branch reads its own index newest first and stops after the rows the page can use:
 * news_articles (tenant_id, status, publish_at), general_articles (status, publish_at),
 * news_feed_items (tenant_id, published_at), general_feed_items (published_at); the feed's name
 * by its primary key. The home section and the benchmark's bare server (bench/bare-server.js)
 * require LATEST_NEWS_SQL from dist/, so both do the same work.
 */

export const NEWS_KINDS = [
  'local-article',
  'general-article',
  'local-item',
  'general-item',
] as const;
/** Where an item comes from: an article written on the platform, or an item of a feed. */
export type NewsKind = (typeof NEWS_KINDS)[number];

/** Which part of the news a reader asked for (`?soort=lokaal|algemeen`); all by default. */
export type NewsFilter = 'all' | 'local' | 'general';

/** How many pinned articles show first, at most (local before general, newest first). */
export const PINNED_FIRST = 3;
/** Items per page of /nieuws. */
export const NEWS_PAGE_SIZE = 20;
/** Items in /nieuws.rss. */
export const RSS_SIZE = 30;

/** One item as a list shows it (the columns every branch selects). */
export interface ListedNews {
  kind: NewsKind;
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** The article's publish date, or the feed item's date. */
  at: Date;
  imageFileId: string | null;
  imageAlt: string | null;
  /** The feed's name; null for an article (the hub or the platform wrote it). */
  feedName: string | null;
}

interface Branch {
  kind: NewsKind;
  local: boolean;
  /** The columns of ListedNews (and `pinGroup`), from this branch's table. */
  columns: string;
  from: string;
  /** The visibility rule for this table (`$tenant` and `$now` are filled in). */
  where: string;
  /** Its date and id (the order), and whether it can be pinned. */
  at: string;
  id: string;
  pinned: string | null;
}

const BRANCHES: Branch[] = [
  {
    kind: 'local-article',
    local: true,
    columns: `'local-article'::text as kind, a.id, a.slug, a.title::text as title, a.summary,
      a.publish_at as at, a.image_file_id as "imageFileId", a.image_alt::text as "imageAlt",
      null::text as "feedName"`,
    from: 'news_articles a',
    where: `a.tenant_id = $tenant and a.status = 'published' and a.publish_at <= $now`,
    at: 'a.publish_at',
    id: 'a.id',
    pinned: 'a.pinned',
  },
  {
    kind: 'general-article',
    local: false,
    columns: `'general-article'::text as kind, g.id, g.slug, g.title::text as title, g.summary,
      g.publish_at as at, g.image_file_id as "imageFileId", g.image_alt::text as "imageAlt",
      null::text as "feedName"`,
    from: 'general_articles g',
    where: `g.status = 'published' and g.publish_at <= $now`,
    at: 'g.publish_at',
    id: 'g.id',
    pinned: 'g.pinned',
  },
  {
    kind: 'local-item',
    local: true,
    columns: `'local-item'::text as kind, i.id, i.slug, i.title::text as title, i.summary,
      i.published_at as at, null::uuid as "imageFileId", null::text as "imageAlt",
      f.name::text as "feedName"`,
    from: 'news_feed_items i join news_feeds f on f.tenant_id = i.tenant_id and f.id = i.feed_id',
    where: `i.tenant_id = $tenant and not i.hidden`,
    at: 'i.published_at',
    id: 'i.id',
    pinned: null,
  },
  {
    kind: 'general-item',
    local: false,
    columns: `'general-item'::text as kind, i.id, i.slug, i.title::text as title, i.summary,
      i.published_at as at, null::uuid as "imageFileId", null::text as "imageAlt",
      f.name::text as "feedName"`,
    from: 'general_feed_items i join general_feeds f on f.id = i.feed_id',
    where: `not i.hidden`,
    at: 'i.published_at',
    id: 'i.id',
    pinned: null,
  },
];

/** Parameters numbered as they are first used, so a branch left out leaves no unused one. */
class Params {
  readonly values: unknown[] = [];
  private readonly named = new Map<string, string>();

  constructor(private readonly given: Record<string, unknown>) {}

  /** `$tenant`, `$now`, ... in `sql` as `$1`, `$2`, ... */
  fill(sql: string): string {
    return sql.replace(/\$([a-z]+)/g, (_, name: string) => this.ref(name));
  }

  ref(name: string): string {
    let ref = this.named.get(name);
    if (!ref) {
      if (!(name in this.given)) throw new Error(`news-listing: no value for $${name}`);
      this.values.push(this.given[name]);
      ref = `$${this.values.length}`;
      this.named.set(name, ref);
    }
    return ref;
  }
}

const branchesFor = (filter: NewsFilter) =>
  BRANCHES.filter((b) => filter === 'all' || b.local === (filter === 'local'));

/** One branch, newest first, at most `limit` rows (a parameter name or a number). */
function branchSql(b: Branch, extra: string, limit: string, pinGroup = false): string {
  const group = pinGroup ? `, ${b.local ? 0 : 1} as "pinGroup"` : '';
  return `(select ${b.columns}${group} from ${b.from}
    where ${b.where}${extra} order by ${b.at} desc, ${b.id} desc limit ${limit})`;
}

/**
 * The newest `limit` visible items of a hub (the home section: 3; the RSS: 30), newest first.
 * Parameters: `$1` the hub's tenant id, `$2` now.
 */
export function latestNewsSql(limit: number): string {
  const params = new Params({ tenant: null, now: null });
  params.ref('tenant');
  params.ref('now');
  const sql = `select x.* from (
  ${BRANCHES.map((b) => branchSql(b, '', String(limit))).join('\n  union all\n  ')}
) x order by x.at desc, x.id desc limit ${limit}`;
  return params.fill(sql);
}

/** The home page's three newest items: `$1` tenant, `$2` now (the bare server runs it too). */
export const LATEST_NEWS_SQL = latestNewsSql(3);

/** The RSS's newest RSS_SIZE items: `$1` tenant, `$2` now. */
export const RSS_NEWS_SQL = latestNewsSql(RSS_SIZE);

/** The number of visible items of the chosen kinds (for the pages of /nieuws). */
export function newsCountQuery(
  tenantId: string,
  now: Date,
  filter: NewsFilter,
): { sql: string; params: unknown[] } {
  const params = new Params({ tenant: tenantId, now });
  params.ref('now');
  const counts = branchesFor(filter).map(
    (b) => `(select count(*) from ${b.from.split(' join ')[0]} where ${b.where})`,
  );
  const sql = params.fill(`select (${counts.join(' + ')})::int as total`);
  return { sql, params: params.values };
}

/**
 * One page of /nieuws: first at most PINNED_FIRST pinned articles (local before general, newest
 * first), then everything else newest first (a fourth pinned article among them, by its date).
 * Each branch takes at most `offset + limit` rows of its index; the pinned ones are found among
 * the published articles. Filters leave whole branches out.
 */
export function newsPageQuery(
  tenantId: string,
  now: Date,
  filter: NewsFilter,
  offset: number,
  limit: number,
): { sql: string; params: unknown[] } {
  const params = new Params({ tenant: tenantId, now, take: offset + limit, offset, limit });
  params.ref('now');
  const branches = branchesFor(filter);
  const pinnable = branches.filter((b) => b.pinned);
  // Every filter keeps one article branch: local articles or general ones, or both.
  const pins = `select p.* from (
    ${pinnable.map((b) => branchSql(b, ` and ${b.pinned}`, String(PINNED_FIRST), true)).join('\n    union all\n    ')}
  ) p order by p."pinGroup", p.at desc, p.id desc limit ${PINNED_FIRST}`;
  const rest = branches
    .map((b) =>
      branchSql(b, b.pinned ? ` and ${b.id} not in (select id from pins)` : '', '$take', true),
    )
    .join('\n    union all\n    ');
  const sql = `with pins as (
  ${pins}
)
select x.kind, x.id, x.slug, x.title, x.summary, x.at, x."imageFileId", x."imageAlt", x."feedName",
       x.pinned_first as "pinnedFirst"
  from (
    select pins.*, true as pinned_first from pins
    union all
    select r.*, false as pinned_first from (
    ${rest}
    ) r
  ) x
 order by x.pinned_first desc, case when x.pinned_first then x."pinGroup" end, x.at desc, x.id desc
 limit $limit offset $offset`;
  return { sql: params.fill(sql), params: params.values };
}

/** One visible item by its address, whichever of the four sources holds it (null: none). */
export interface FoundNews extends ListedNews {
  /** An article's Markdown. */
  body: string;
  /** A feed item's stored HTML (sanitized when stored), its link to the original, its feed's choice. */
  content: string;
  link: string | null;
  showFull: boolean;
}

/**
 * The item at `/nieuws/<slug>` on a hub: `$1` tenant, `$2` now, `$3` the slug. The slug is
 * unique across what a hub shows (news_slugs), so at most one branch answers; each uses its
 * table's unique slug index.
 */
export const FIND_NEWS_SQL = `select x.* from (
  select 'local-article'::text as kind, a.id, a.slug, a.title::text as title, a.summary,
         a.publish_at as at, a.image_file_id as "imageFileId", a.image_alt::text as "imageAlt",
         null::text as "feedName", a.body, ''::text as content, null::text as link, false as "showFull"
    from news_articles a
   where a.tenant_id = $1 and a.slug = $3 and a.status = 'published' and a.publish_at <= $2
  union all
  select 'general-article', g.id, g.slug, g.title, g.summary, g.publish_at, g.image_file_id,
         g.image_alt, null, g.body, '', null, false
    from general_articles g
   where g.slug = $3 and g.status = 'published' and g.publish_at <= $2
  union all
  select 'local-item', i.id, i.slug, i.title, i.summary, i.published_at, null, null, f.name,
         '', i.content, i.link, f.show_full
    from news_feed_items i join news_feeds f on f.tenant_id = i.tenant_id and f.id = i.feed_id
   where i.tenant_id = $1 and i.slug = $3 and not i.hidden
  union all
  select 'general-item', i.id, i.slug, i.title, i.summary, i.published_at, null, null, f.name,
         '', i.content, i.link, f.show_full
    from general_feed_items i join general_feeds f on f.id = i.feed_id
   where i.slug = $3 and not i.hidden
) x limit 1`;

export const isLocal = (kind: NewsKind) => kind === 'local-article' || kind === 'local-item';
export const isArticle = (kind: NewsKind) => kind === 'local-article' || kind === 'general-article';

/**
 * One item as the pages show it (/nieuws, the home section, the article page): its address, its
 * label ("lokaal" / "algemeen") and its source. `source` is null for a local article: the hub
 * wrote it, and the views show the hub's name (`@root.tenant.name`), so the home section (which
 * knows only the tenant's id) and the bare server render the same bytes.
 */
export function newsItemView(row: ListedNews) {
  const local = isLocal(row.kind);
  return {
    kind: row.kind,
    slug: row.slug,
    href: `/nieuws/${row.slug}`,
    title: row.title,
    summary: row.summary,
    at: row.at,
    local,
    label: t(local ? 'news.kind.local' : 'news.kind.general'),
    source:
      row.kind === 'local-article'
        ? null
        : row.kind === 'general-article'
          ? t('news.pages.source.platform')
          : row.feedName,
    aggregated: !isArticle(row.kind),
    image:
      row.imageFileId && row.imageAlt !== null
        ? {
            src: articleImageUrl(row.kind === 'general-article' ? 'general' : 'local', row.id),
            alt: row.imageAlt,
          }
        : null,
  };
}
