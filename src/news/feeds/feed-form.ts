import { t } from '../../i18n/i18n';
import { DEFAULT_REFRESH_MINUTES, MIN_REFRESH_MINUTES } from '../common/entities/feed-columns';
import type { FeedDto } from './dto/feed.dto';
import { MAX_REFRESH_MINUTES } from './feed-schedule';
import type { FeedInput, FeedRow } from './feeds.service';

export type ParsedFeed =
  { ok: true; input: FeedInput } | { ok: false; errors: Record<string, string> };

/**
 * The address as it is stored: an absolute http(s) URL with a host, without its #fragment; null
 * when it is none (`javascript:`, `file:`, a relative path, a user name and password in it).
 */
export function feedUrl(typed: string): { url: string } | { problem: 'form' | 'scheme' } {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { problem: 'form' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (!url.hostname || url.username || url.password) return { problem: 'form' };
  url.hash = '';
  return { url: url.href };
}

/** The checks a DTO cannot make alone: the address, the interval as a whole number in range. */
export function feedInputFromForm(dto: FeedDto): ParsedFeed {
  const errors: Record<string, string> = {};
  const address = feedUrl(dto.url);
  if ('problem' in address)
    errors.url = t(
      address.problem === 'scheme' ? 'news.feeds.error.urlScheme' : 'news.feeds.error.url',
    );
  const minutes = /^\d{1,5}$/.test(dto.refreshMinutes) ? Number(dto.refreshMinutes) : NaN;
  if (!(minutes >= MIN_REFRESH_MINUTES && minutes <= MAX_REFRESH_MINUTES))
    errors.refreshMinutes = t('news.feeds.error.refreshMinutes', {
      min: MIN_REFRESH_MINUTES,
      max: MAX_REFRESH_MINUTES,
    });
  if (Object.keys(errors).length > 0 || 'problem' in address) return { ok: false, errors };
  return {
    ok: true,
    input: {
      url: address.url,
      name: dto.name,
      refreshMinutes: minutes,
      enabled: dto.enabled === '1',
      showFull: dto.display === 'volledig',
    },
  };
}

/** The form's values for a new feed: on, every hour, summaries with a link. */
export const newFeedValues = (): Record<string, string> => ({
  url: '',
  name: '',
  refreshMinutes: String(DEFAULT_REFRESH_MINUTES),
  enabled: '1',
  display: 'samenvatting',
});

/** The form's values for a stored feed. */
export const feedValues = (feed: FeedRow): Record<string, string> => ({
  url: feed.url,
  name: feed.name,
  refreshMinutes: String(feed.refreshMinutes),
  enabled: feed.enabled ? '1' : '',
  display: feed.showFull ? 'volledig' : 'samenvatting',
});
