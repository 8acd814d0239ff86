import { newsItemView, type ListedNews } from './news-listing';

export { LATEST_NEWS_SQL } from './news-listing';

/**
 * The home page's newest news (LatestNewsHomeSection), in a file of plain values so the
 * benchmark's bare server (bench/bare-server.js) requires the very statement (LATEST_NEWS_SQL,
 * `$1` tenant, `$2` now), view model and partial from dist/.
 */

/** The section's template (views/news/pages/home-news.hbs), a partial of the home page. */
export const LATEST_NEWS_PARTIAL = 'news/pages/home-news';

/** After the café's next meetings (10) and the academy's next courses (20). */
export const LATEST_NEWS_ORDER = 30;

/** The section's data for the rows of LATEST_NEWS_SQL; none: no section. */
export function homeNews(rows: ListedNews[]): { items: ReturnType<typeof newsItemView>[] } | null {
  return rows.length ? { items: rows.map(newsItemView) } : null;
}
