import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { asTenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import type { Tenant } from '../../tenancy/entities/tenant.entity';
import { renderMarkdown } from '../../web/content/markdown';
import { httpLink } from '../../web/content/http-link';
import { safeHtml } from '../../web/content/safe-html';
import { pageNumber } from '../../web/page-number';
import { newsSlugProblem } from '../common/news-slugs.service';
import {
  FIND_NEWS_SQL,
  isArticle,
  NEWS_PAGE_SIZE,
  newsCountQuery,
  newsItemView,
  newsPageQuery,
  RSS_NEWS_SQL,
  type FoundNews,
  type ListedNews,
  type NewsFilter,
} from './news-listing';
import { newsRss } from './news-rss';

/** /nieuws's query as the links send it (anything else is ignored). */
export interface NewsListQuery {
  pagina?: unknown;
  soort?: unknown;
}

/** `?soort=` in the address and the filter it means. */
const FILTER_PARAM: Record<Exclude<NewsFilter, 'all'>, string> = {
  local: 'lokaal',
  general: 'algemeen',
};

function filterOf(raw: unknown): NewsFilter {
  if (raw === FILTER_PARAM.local) return 'local';
  if (raw === FILTER_PARAM.general) return 'general';
  return 'all';
}

/** `/nieuws` with the filter and page, as the pages' links write it. */
function listHref(filter: NewsFilter, page = 1): string {
  const query = [
    ...(filter === 'all' ? [] : [`soort=${FILTER_PARAM[filter]}`]),
    ...(page > 1 ? [`pagina=${page}`] : []),
  ];
  return `/nieuws${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * The news's reading pages, one call per request (the controller opens no transaction): the
 * list of /nieuws, an item's page, and the RSS. Every read runs in the hub's tenant transaction:
 * the hub's own articles and feed items under RLS, the general ones beside them in the same
 * statement (./news-listing.ts).
 */
@Injectable()
export class NewsPagesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** /nieuws: one page of the chosen news, pinned articles first. */
  async list(tenant: Tenant, query: NewsListQuery) {
    const tenantId = asTenantId(tenant.id);
    const filter = filterOf(query.soort);
    const asked = pageNumber(query.pagina);
    const now = this.clock.now();
    const { rows, page, pages } = await this.tx.run(tenantId, async (em) => {
      const count = newsCountQuery(tenantId, now, filter);
      const [{ total }] = await em.query<{ total: number }[]>(count.sql, count.params);
      const pages = Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE));
      const page = Math.min(asked, pages);
      const list = newsPageQuery(
        tenantId,
        now,
        filter,
        (page - 1) * NEWS_PAGE_SIZE,
        NEWS_PAGE_SIZE,
      );
      const rows = await em.query<(ListedNews & { pinnedFirst: boolean })[]>(list.sql, list.params);
      return { rows, page, pages };
    });
    const title =
      filter === 'local'
        ? t('news.pages.list.titleLocal')
        : filter === 'general'
          ? t('news.pages.list.titleGeneral')
          : t('news.pages.list.title');
    return {
      title: page > 1 ? `${title}, ${t('news.pages.list.pageOf', { page, pages })}` : title,
      heading: title,
      lead: t('news.pages.list.lead', { name: tenant.name }),
      items: rows.map((row) => ({ ...newsItemView(row), pinnedFirst: row.pinnedFirst })),
      filtered: filter !== 'all',
      filters: (['all', 'local', 'general'] as const).map((f) => ({
        href: listHref(f),
        label: t(`news.pages.filter.${f}`),
        hint:
          f === 'local'
            ? t('news.pages.filter.localHint', { name: tenant.name })
            : f === 'general'
              ? t('news.pages.filter.generalHint')
              : '',
        current: f === filter,
      })),
      page,
      pages,
      pageOf: pages > 1 ? t('news.pages.list.pageOf', { page, pages }) : '',
      previousHref: page > 1 ? listHref(filter, page - 1) : null,
      nextHref: page < pages ? listHref(filter, page + 1) : null,
      alternateLinks: [
        {
          type: 'application/rss+xml',
          title: t('news.pages.rss.title', { name: tenant.name }),
          href: '/nieuws.rss',
        },
      ],
    };
  }

  /**
   * `/nieuws/<slug>`: an article in full, or a feed item (its summary, or its content when its
   * feed shows items in full) with the source and a link to the original. Null: no visible item
   * of this hub by that address (a draft, a future or archived article, a hidden item, another
   * hub's, or an address that cannot be one).
   */
  async item(tenant: Tenant, slug: string) {
    if (newsSlugProblem(slug)) return null;
    const tenantId = asTenantId(tenant.id);
    const now = this.clock.now();
    const [found] = await this.tx.run(tenantId, (em) =>
      em.query<FoundNews[]>(FIND_NEWS_SQL, [tenantId, now, slug]),
    );
    if (!found) return null;
    const ownHost = this.hostOf(tenant);
    const view = newsItemView(found);
    const article = isArticle(found.kind);
    const full = !article && found.showFull && found.content.trim() !== '';
    return {
      title: found.title,
      item: view,
      source: view.source ?? tenant.name,
      article,
      // Only the output of the one renderer and the one allowlist reaches the page as HTML.
      html: article
        ? renderMarkdown(found.body, { ownHost })
        : full
          ? safeHtml(found.content, { headings: false, ownHost })
          : null,
      summary: article || full ? null : found.summary,
      // An article's summary leads its text; an item's is its text when shown as a summary.
      lead: article ? found.summary : null,
      original: article ? null : httpLink(found.link),
    };
  }

  /** /nieuws.rss: the newest visible items, built for nobody in particular (no viewer). */
  async rss(tenant: Tenant): Promise<string> {
    const tenantId = asTenantId(tenant.id);
    const now = this.clock.now();
    const rows = await this.tx.run(tenantId, (em) =>
      em.query<ListedNews[]>(RSS_NEWS_SQL, [tenantId, now]),
    );
    return newsRss({
      title: t('news.pages.rss.title', { name: tenant.name }),
      description: t('news.pages.rss.description', { name: tenant.name }),
      origin: this.config.originFor(tenant.slug),
      items: rows.map((row) => {
        const view = newsItemView(row);
        return {
          title: row.title,
          slug: row.slug,
          at: new Date(row.at),
          description: row.summary,
          category: view.label,
        };
      }),
    });
  }

  /** The hub's host name: links to any other host get `rel="noopener"`. */
  private hostOf(tenant: Tenant): string {
    return new URL(this.config.originFor(tenant.slug)).hostname;
  }
}
