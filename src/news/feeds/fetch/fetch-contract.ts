/**
 * The contract between the fetcher (./, pure: no database) and the feed jobs (../): what a
 * refresh asks for and what comes back. The jobs store the outcome; the fetcher never touches
 * PostgreSQL. `FeedFetcherService.fetch()` (feed-fetcher.service.ts) never throws; the admin's
 * message of a failure is `FETCH_ERROR_MESSAGE_KEYS[code]` (fetch-error-strings.ts). See README.md.
 */

/** Why a refresh failed; each has a plain-Dutch message for the admin (`news.feeds.error.<code>`). */
export const FETCH_ERROR_CODES = [
  /** The address is no valid http(s) URL. */
  'invalid_url',
  /** A scheme other than http or https (file:, ftp:, data:, ...), also in a redirect. */
  'refused_scheme',
  /** The address connected to is not public unicast (loopback, private, link-local, ...). */
  'refused_address',
  /** The name did not resolve, or the connection was refused or reset. */
  'unreachable',
  /** No connection within 10 s, or the whole response not within 20 s. */
  'timeout',
  /** More than 3 redirects. */
  'too_many_redirects',
  /** More than 5 MB after decompression. */
  'too_large',
  /** 429 or 503 with Retry-After: the server asked to come back later. */
  'rate_limited',
  /** Any other status than 200 or 304 (the status is in `detail`). */
  'http_status',
  /** The body is no RSS 2.0, Atom or RDF feed (malformed XML too). */
  'not_a_feed',
] as const;
export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

/** One refresh of one feed: its URL and the validators stored from the last 200. */
export interface FetchRequest {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/** What the fetcher learnt about how often it may come back (minutes), when the server said so. */
export interface FetchHints {
  /**
   * The longest of RSS `<ttl>`, `Cache-Control: max-age` and `Retry-After`, rounded up, at most
   * a day (1440: a server cannot stop a feed for good); null: none. Only ever a reason to fetch
   * LESS often.
   */
  minIntervalMinutes: number | null;
}

/** One item as parsed and cleaned: sanitized HTML, plain-text summary, absolute http(s) link. */
export interface ParsedItem {
  /** sha256 hex of the item's identity (guid with http/https folded; guid + link when the feed repeats guids; link, then title, when there is none). */
  guidHash: string;
  /** sha256 hex of what is shown (title, link, summary, content): a change updates the stored item. */
  contentHash: string;
  link: string | null;
  title: string;
  summary: string;
  content: string;
  publishedAt: Date | null;
}

export type FetchOutcome =
  | {
      kind: 'fetched';
      /** The feed's own title, if it has one. */
      feedTitle: string | null;
      items: ParsedItem[];
      /** Validators to store; null when absent or when the server said `Expires: 0`. */
      etag: string | null;
      lastModified: string | null;
      hints: FetchHints;
    }
  | { kind: 'not_modified'; hints: FetchHints }
  | {
      kind: 'failed';
      code: FetchErrorCode;
      /** For the admin: an HTTP status, a host name; never the body. */
      detail: string | null;
      hints: FetchHints;
    };
