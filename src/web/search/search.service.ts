import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { LOCAL_ZONE } from '../../common/dates';
import { asTenantId, type TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
// Through src/web: `../calendar` alone reads as the calendar feature's folder to the lint rule.
import { CalendarPageService } from '../../web/calendar/calendar-page.service';
import { visibleAudiences } from '../surfaces/audience';
import type { Viewer } from '../surfaces/viewer';
import { parseQuery, type SearchQuery } from './search-query';
import { groupOf } from './search-sources';

export const PAGE_SIZE = 20;
/** ts_headline's markers around a match: characters no text of ours uses. */
const MARK_START = '\u27e6';
const MARK_END = '\u27e7';

/**
 * The search (one statement; bench/search.bench.ts runs it as it is): $1 tenant, $2 tsquery,
 * $3 folded query, $4 audiences, $5 now, $6 limit, $7 offset.
 */
export const SEARCH_SQL = `with q as (select to_tsquery('mzh_dutch', $2) as tsq, $3::text as folded),
            docs as (
              select source, key, title, title_key, body, url, ends_at, document
                from search_documents
               where tenant_id = $1 and audiences && $4::text[]
                 and (visible_from is null or visible_from <= $5)
              union all
              select source, key, title, title_key, body, url, ends_at, document
                from general_search_documents
               where audiences && $4::text[] and (visible_from is null or visible_from <= $5)
            ),
            found as (
              select d.*, q.tsq,
                     (d.title_key = q.folded)::int * 4
                       + case when d.document @@ q.tsq
                              then 1 + ts_rank('{0.05, 0.1, 0.3, 1.0}', d.document, q.tsq) else 0 end
                       + word_similarity(q.folded, d.title_key) * 0.5 as score
                from docs d, q
               where d.document @@ q.tsq or q.folded <% d.title_key
            )
       select source, key, title, url,
              ts_headline('mzh_dutch', left(body, 5000), tsq,
                'StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet,
              coalesce(ends_at < $5, false) as past,
              count(*) over ()::int as total
         from found
        order by coalesce(ends_at < $5, false), score desc, title
        limit $6 offset $7`;

export interface SearchHit {
  source: string;
  key: string;
  title: string;
  url: string;
  snippet: string;
  past: boolean;
  total: number;
}

/** A snippet as text parts, the matches marked (the view escapes each part: no HTML from content). */
export type SnippetPart = { text: string; mark: boolean };

/**
 * Search (`/zoeken`): the hub's index and the global one in ONE statement in the hub's tenant
 * transaction (RLS), only what the viewer may see (visibleAudiences), published and visible now.
 * Ranked: an exact title first, then words in the title, then in the text (ts_rank with the
 * title's weight A); a title only similar by trigrams (a typo) after every match of the words;
 * what is over comes after what is still to come.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly calendar: CalendarPageService,
  ) {}

  async search(tenant: Tenant, viewer: Viewer | null, raw: unknown, page: number) {
    const query = parseQuery(raw);
    const tenantId = asTenantId(tenant.id);
    if (!query.tsquery) return { query, hits: [], total: 0, page: 1, suggestion: null };
    const now = this.clock.now();
    const audiences = visibleAudiences(viewer);
    return this.tx.run(tenantId, async (em) => {
      const run = (n: number) => this.hits(em, tenantId, query, audiences, now, n);
      let hits = await run(page);
      // A page beyond the last (pageNumber clamps only to MAX_PAGE): the last one instead.
      if (hits.length === 0 && page > 1) {
        const first = await run(1);
        page = Math.max(1, Math.ceil((first[0]?.total ?? 0) / PAGE_SIZE));
        hits = page === 1 ? first : await run(page);
      }
      const total = hits[0]?.total ?? 0;
      const suggestion = total === 0 ? await this.suggestion(em, tenantId, query) : null;
      return { query, hits, total, page, suggestion };
    });
  }

  /** The next café meeting, for a search that found nothing ("misschien iets voor jou"). */
  async nextMeeting(tenant: Tenant, viewer: Viewer | null) {
    const now = this.clock.now();
    const entries = await this.calendar.entries(asTenantId(tenant.id), viewer, {
      from: now,
      to: DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).plus({ months: 2 }).toJSDate(),
    });
    // The cafés' kind on the calendar (src/cafes/meetings/meetings.calendar-source.ts).
    return entries.find((entry) => entry.kind === 'meeting' && !entry.cancelled) ?? null;
  }

  private hits(
    em: EntityManager,
    tenantId: TenantId,
    query: SearchQuery,
    audiences: string[],
    now: Date,
    page: number,
  ): Promise<SearchHit[]> {
    return em.query<SearchHit[]>(SEARCH_SQL, [
      tenantId,
      query.tsquery,
      query.folded,
      audiences,
      now,
      PAGE_SIZE,
      (page - 1) * PAGE_SIZE,
    ]);
  }

  /**
   * "Bedoelde je ...?": each word replaced by the most similar word of a title of this hub or of
   * the general content (trigrams), when one is close enough and differs.
   */
  private async suggestion(em: EntityManager, tenantId: TenantId, query: SearchQuery) {
    const better: string[] = [];
    let changed = false;
    for (const term of query.terms) {
      const [row] = await em.query<{ word: string }[]>(
        `select word from (
           select unnest(string_to_array(title_key, ' ')) as word from search_documents where tenant_id = $1
           union select unnest(string_to_array(title_key, ' ')) from general_search_documents
         ) words
         where length(word) > 2 and word % $2
         order by similarity(word, $2) desc, word limit 1`,
        [tenantId, term],
      );
      const word = row?.word.replace(/[^a-z0-9-]/g, '') || term;
      if (word !== term) changed = true;
      better.push(word);
    }
    return changed ? better.join(' ') : null;
  }
}

/** The snippet as parts: the marked matches apart, so the view escapes every part. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const pattern = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let at = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: snippet.slice(at, match.index), mark: false });
    parts.push({ text: match[1], mark: true });
    at = match.index + match[0].length;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}

/** The page's hits grouped under their headings, the groups in the order of their best hit. */
export function groupHits(hits: SearchHit[]) {
  const groups = new Map<string, { heading: string; hits: ReturnType<typeof hitView>[] }>();
  for (const hit of hits) {
    const heading = groupOf(hit.source);
    if (!groups.has(heading)) groups.set(heading, { heading, hits: [] });
    groups.get(heading)!.hits.push(hitView(hit));
  }
  return [...groups.values()].map((group, i) => ({ ...group, id: `groep-${i + 1}` }));
}

function hitView(hit: SearchHit) {
  return { title: hit.title, url: hit.url, past: hit.past, snippet: snippetParts(hit.snippet) };
}
