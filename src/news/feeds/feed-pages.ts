import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../web/view-helpers';
import { MIN_REFRESH_MINUTES } from '../common/entities/feed-columns';
import { FETCH_ERROR_CODES, type FetchErrorCode } from './fetch/fetch-contract';
import { FETCH_ERROR_MESSAGE_KEYS } from './fetch/fetch-error-strings';
import { FEED_DISPLAYS } from './dto/feed.dto';
import { isFlagged, MAX_REFRESH_MINUTES } from './feed-schedule';
import type { FeedItemRow, FeedRow, SaveFeedResult } from './feeds.service';

/** Both hosts show the feeds at the same public path (the platform's under /_platform inside). */
export const FEEDS_BASE = '/beheer/nieuws/feeds';
export const LIST_VIEW = 'news/feeds/list';
export const FORM_VIEW = 'news/feeds/form';
export const ITEMS_VIEW = 'news/feeds/items';
export const DELETE_VIEW = 'news/feeds/delete';

export const feedPath = (id: string, rest = '') => `${FEEDS_BASE}/${id}${rest}`;

/** The flash after a change (`name`: the feed's, `title`: an item's). */
export const FEED_DONE = {
  created: 'news.feeds.done.created',
  saved: 'news.feeds.done.saved',
  deleted: 'news.feeds.done.deleted',
  refresh: 'news.feeds.done.refresh',
  refreshOff: 'news.feeds.done.refreshOff',
  hidden: 'news.feeds.done.hidden',
  shown: 'news.feeds.done.shown',
} as const;

export type FeedKind = 'local' | 'general';

/** A refusal of the service as a message on its field (404s are the caller's). */
export function refusalErrors(
  result: Extract<SaveFeedResult, { reason: 'url-taken' }>,
): Record<string, string> {
  return { url: t('news.feeds.error.urlTaken', { name: result.name }) };
}

/** The plain-Dutch message of a stored error code (the fetcher's; an unknown one: a general message). */
export function errorMessage(code: string): string {
  return (FETCH_ERROR_CODES as readonly string[]).includes(code)
    ? t(FETCH_ERROR_MESSAGE_KEYS[code as FetchErrorCode])
    : t('news.feeds.error.unknown');
}

/** What the admin reads about how a feed is doing: the list's cells and the feed page's box. */
export function feedHealth(feed: FeedRow, now: Date) {
  const errorIsCurrent =
    feed.lastError !== null &&
    feed.lastErrorAt !== null &&
    (feed.lastSuccessAt === null || feed.lastErrorAt > feed.lastSuccessAt);
  const flagged = isFlagged(feed.failures);
  const state = !feed.enabled
    ? 'off'
    : errorIsCurrent
      ? 'problem'
      : feed.lastSuccessAt
        ? 'ok'
        : 'new';
  return {
    state,
    stateLabel: t(`news.feeds.health.${state}`),
    problem: state === 'problem',
    flagged,
    flaggedMessage: flagged ? t('news.feeds.health.flagged', { n: feed.failures }) : null,
    failures:
      feed.failures === 1
        ? t('news.feeds.health.failuresOne')
        : feed.failures > 1
          ? t('news.feeds.health.failures', { n: feed.failures })
          : null,
    lastSuccess: feed.lastSuccessAt
      ? formatDateTime(feed.lastSuccessAt)
      : t('news.feeds.health.never'),
    lastError:
      feed.lastError !== null
        ? {
            current: errorIsCurrent,
            message: errorMessage(feed.lastError),
            at: feed.lastErrorAt ? formatDateTime(feed.lastErrorAt) : null,
            detail: feed.lastErrorDetail,
          }
        : null,
    items:
      feed.hiddenItems > 0
        ? t('news.feeds.health.itemsCountHidden', { n: feed.items, hidden: feed.hiddenItems })
        : t('news.feeds.health.itemsCount', { n: feed.items }),
    next: !feed.enabled
      ? t('news.feeds.health.nextOff')
      : feed.nextFetchAt <= now
        ? t('news.feeds.health.nextSoon')
        : formatDateTime(feed.nextFetchAt),
  };
}

const titles = (kind: FeedKind, hubName: string | null) =>
  kind === 'general'
    ? t('news.feeds.list.titleGeneral')
    : t('news.feeds.list.title', { hub: hubName ?? '' });

/** /beheer/nieuws/feeds on a hub (`hubName`) or on the platform (null). */
export function listPage(kind: FeedKind, hubName: string | null, rows: FeedRow[], now: Date) {
  return {
    title: titles(kind, hubName),
    general: kind === 'general',
    base: FEEDS_BASE,
    feeds: rows.map((feed) => ({
      id: feed.id,
      name: feed.name,
      url: feed.url,
      href: feedPath(feed.id),
      itemsHref: feedPath(feed.id, '/berichten'),
      health: feedHealth(feed, now),
    })),
  };
}

/** The add and edit form (with the feed's health and its actions when it exists). */
export function formPage(opts: {
  kind: FeedKind;
  feed: FeedRow | null;
  values: Record<string, unknown>;
  now: Date;
}) {
  const { kind, feed, values, now } = opts;
  const display = typeof values.display === 'string' ? values.display : 'samenvatting';
  return {
    title: feed
      ? t('news.feeds.form.editTitle', { name: feed.name })
      : kind === 'general'
        ? t('news.feeds.form.newTitleGeneral')
        : t('news.feeds.form.newTitle'),
    isNew: !feed,
    action: feed ? feedPath(feed.id) : `${FEEDS_BASE}/nieuw`,
    base: FEEDS_BASE,
    values,
    enabledChecked: values.enabled === '1',
    minutesHint: t('news.feeds.form.refreshMinutes.hint', {
      min: MIN_REFRESH_MINUTES,
      max: MAX_REFRESH_MINUTES,
    }),
    displays: FEED_DISPLAYS.map((value) => ({
      value,
      label: t(`news.feeds.form.display.${value}`),
      hint: t(`news.feeds.form.display.${value}.hint`),
      checked: display === value,
    })),
    feed: feed
      ? {
          id: feed.id,
          name: feed.name,
          enabled: feed.enabled,
          href: feedPath(feed.id),
          refreshAction: feedPath(feed.id, '/vernieuwen'),
          itemsHref: feedPath(feed.id, '/berichten'),
          deleteHref: feedPath(feed.id, '/verwijderen'),
          health: feedHealth(feed, now),
        }
      : null,
  };
}

/** A feed's items, with "verbergen" / "weer tonen" per item. */
export function itemsPage(
  feed: FeedRow,
  items: FeedItemRow[],
  page: number,
  pages: number,
  publicLinks: boolean,
) {
  const pageHref = (n: number) =>
    `${feedPath(feed.id, '/berichten')}${n > 1 ? `?pagina=${n}` : ''}`;
  return {
    title: t('news.feeds.items.title', { name: feed.name }),
    feed: { id: feed.id, name: feed.name, href: feedPath(feed.id) },
    items: items.map((item) => ({
      ...item,
      // Only a hub shows its items at /nieuws/<slug> (a general one: on every hub, not here).
      publicHref: publicLinks && !item.hidden ? `/nieuws/${item.slug}` : null,
      action: feedPath(feed.id, `/berichten/${item.id}/${item.hidden ? 'tonen' : 'verbergen'}`),
      actionLabel: t(item.hidden ? 'news.feeds.items.show' : 'news.feeds.items.hide'),
      // After the button, back to the same page of the list.
      page: page > 1 ? String(page) : '',
    })),
    pageLabel: pages > 1 ? t('news.feeds.items.page', { page, pages }) : null,
    previousHref: page > 1 ? pageHref(page - 1) : null,
    nextHref: page < pages ? pageHref(page + 1) : null,
  };
}

/** The delete confirmation. */
export function deletePage(feed: FeedRow) {
  return {
    title: t('news.feeds.delete.title', { name: feed.name }),
    lead: t('news.feeds.delete.lead', { n: feed.items }),
    feed: { id: feed.id, name: feed.name, href: feedPath(feed.id) },
  };
}
