import { t } from '../../i18n/i18n';
import { DEFAULT_REFRESH_MINUTES, MIN_REFRESH_MINUTES } from '../common/entities/feed-columns';
import { validateBody } from '../../web/forms/validate-body';
import { FeedDto } from './dto/feed.dto';
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

/** The form's fields in their order on the page (the error summary follows it). */
const FIELDS = ['url', 'name', 'refreshMinutes', 'enabled', 'display'];

/**
 * The whole form checked: the DTO (types, lengths, the choices), then what it cannot check
 * alone (the address, the interval as a whole number in range), also when the DTO refused
 * another field, so every field with a problem gets its message at once.
 */
export async function parseFeedForm(body: Record<string, unknown>): Promise<ParsedFeed> {
  const valid = await validateBody(FeedDto, body);
  const typed = (field: string) => (typeof body[field] === 'string' ? body[field].trim() : '');
  const url = valid.ok ? valid.dto.url : typed('url');
  const minutesTyped = valid.ok ? valid.dto.refreshMinutes : typed('refreshMinutes');
  const errors: Record<string, string> = {};
  const address = url === '' ? null : feedUrl(url);
  if (address && 'problem' in address)
    errors.url = t(
      address.problem === 'scheme' ? 'news.feeds.error.urlScheme' : 'news.feeds.error.url',
    );
  const minutes = /^\d{1,5}$/.test(minutesTyped) ? Number(minutesTyped) : NaN;
  if (!(minutes >= MIN_REFRESH_MINUTES && minutes <= MAX_REFRESH_MINUTES))
    errors.refreshMinutes = t('news.feeds.error.refreshMinutes', {
      min: MIN_REFRESH_MINUTES,
      max: MAX_REFRESH_MINUTES,
    });
  // The DTO's message wins at its field (a missing address says so, not "invalid").
  if (!valid.ok) Object.assign(errors, valid.errors);
  if (!valid.ok || Object.keys(errors).length > 0 || !address || 'problem' in address)
    return { ok: false, errors: inFormOrder(errors) };
  return {
    ok: true,
    input: {
      url: address.url,
      name: valid.dto.name,
      refreshMinutes: minutes,
      enabled: valid.dto.enabled === '1',
      showFull: valid.dto.display === 'volledig',
    },
  };
}

function inFormOrder(errors: Record<string, string>): Record<string, string> {
  const rank = (field: string) => (FIELDS.includes(field) ? FIELDS.indexOf(field) : FIELDS.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
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
