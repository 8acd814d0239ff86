import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import type { LookupFunction } from 'node:net';
import { Agent, request, type Dispatcher } from 'undici';
import { Clock } from '../../../common/clock';
import { AppConfig } from '../../../config/app-config';
import type { FetchErrorCode, FetchHints, FetchOutcome, FetchRequest } from './fetch-contract';
import { FetchFailure } from './fetch-failure';
import { guardedConnector } from './guarded-connector';
import { FeedParsePool } from './feed-parse-pool';
import { MAX_ITEMS } from './parse-feed';
import { readBody } from './read-body';
import {
  expiresAtOnce,
  hintsFrom,
  maxAgeSeconds,
  NO_HINTS,
  retryAfterSeconds,
} from './response-hints';

/** The fetcher's limits; the defaults are the issue's, tests inject small ones. */
export interface FeedFetcherOptions {
  /** No connection (DNS included) within this: `timeout`. */
  connectTimeoutMs: number;
  /** The whole refresh (every hop, headers and body) within this: `timeout`. */
  responseTimeoutMs: number;
  /** At most this many bytes after decompression: `too_large`. */
  maxBodyBytes: number;
  /** Redirects followed; one more: `too_many_redirects`. */
  maxRedirects: number;
  /** Hosts whose address is not checked; default NEWS_FEED_ALLOWED_HOSTS. */
  allowedHosts: readonly string[];
  /** How names resolve; null: the system's (tests and the bench map `*.localhost` to loopback). */
  lookup: LookupFunction | null;
  /** At most this many items per feed (the newest). */
  maxItems: number;
  /** Threads that parse and clean the bodies (default NEWS_FEED_PARSE_THREADS); 0: on the event loop. */
  parseThreads: number;
  /** Refuse IP literals and DNS answers that are not public before connecting (default true; tests switch it off to prove the socket check alone). */
  checkBeforeConnecting?: boolean;
}

export const DEFAULT_FEED_FETCHER_LIMITS = {
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 20_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
  maxItems: MAX_ITEMS,
} as const;

/** Provide this (a `Partial<FeedFetcherOptions>`) to change the fetcher's limits in a module. */
export const FEED_FETCHER_OPTIONS = Symbol('FEED_FETCHER_OPTIONS');

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Error codes of the network (Node and undici) that mean the site could not be reached. */
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/**
 * One refresh of one feed over HTTP: SSRF-safe (every connection's address checked, redirects
 * followed by hand, at most 3), conditional (ETag, Last-Modified), bounded (connect 10 s, whole
 * response 20 s, 5 MB after decompression), polite (User-Agent, Retry-After, max-age, `<ttl>`),
 * and parsed and cleaned (parse-feed.ts). It never throws: every failure is an outcome with a
 * code the admin reads in plain Dutch (fetch-error-strings.ts). No database: the feed jobs store
 * what comes back (fetch-contract.ts).
 */
@Injectable()
export class FeedFetcherService implements OnModuleDestroy {
  readonly options: FeedFetcherOptions;
  private readonly agent: Agent;
  private readonly userAgent: string;
  private readonly parser: FeedParsePool;

  constructor(
    @Inject(AppConfig)
    config: Pick<AppConfig, 'BASE_DOMAIN' | 'newsFeedAllowedHosts' | 'newsFeedParseThreads'>,
    @Inject(Clock) private readonly clock: Clock,
    @Optional() @Inject(FEED_FETCHER_OPTIONS) overrides: Partial<FeedFetcherOptions> | null = null,
  ) {
    this.options = {
      ...DEFAULT_FEED_FETCHER_LIMITS,
      allowedHosts: config.newsFeedAllowedHosts,
      lookup: null,
      parseThreads: config.newsFeedParseThreads,
      ...(overrides ?? {}),
    };
    this.userAgent = `Mantelzorghub-feeds/1.0 (+https://${config.BASE_DOMAIN})`;
    this.parser = new FeedParsePool(this.options.parseThreads);
    this.agent = new Agent({
      connect: guardedConnector(this.options),
      headersTimeout: this.options.responseTimeoutMs,
      bodyTimeout: this.options.responseTimeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  async fetch(feed: FetchRequest): Promise<FetchOutcome> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.responseTimeoutMs);
    try {
      return await this.follow(feed, deadline.signal);
    } catch (error) {
      return this.failed(error, deadline.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Closes the connections kept open (tests, shutdown). */
  async close(): Promise<void> {
    await Promise.all([this.agent.destroy(), this.parser.close()]);
  }

  private async follow(feed: FetchRequest, signal: AbortSignal): Promise<FetchOutcome> {
    let url = checkedUrl(feed.url, 'invalid_url');
    for (let hop = 0; ; hop++) {
      const response = await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        headers: this.headersFor(feed),
        signal,
      });
      if (REDIRECT_STATUSES.has(response.statusCode)) {
        await drain(response);
        const location = firstHeader(response, 'location');
        if (!location)
          throw new FetchFailure('http_status', `${response.statusCode} zonder Location`);
        if (hop >= this.options.maxRedirects) {
          throw new FetchFailure('too_many_redirects', `> ${this.options.maxRedirects}`);
        }
        url = checkedUrl(new URL(location, url).href, 'refused_scheme');
        continue;
      }
      return await this.answer(response, url, signal);
    }
  }

  private async answer(
    response: Dispatcher.ResponseData,
    url: URL,
    signal: AbortSignal,
  ): Promise<FetchOutcome> {
    const now = this.clock.now();
    const status = response.statusCode;
    const maxAge = maxAgeSeconds(header(response, 'cache-control'));
    if (status === 304) {
      await drain(response);
      return { kind: 'not_modified', hints: hintsFrom(maxAge) };
    }
    const retryAfter = retryAfterSeconds(header(response, 'retry-after'), now);
    if (status === 429 || (status === 503 && retryAfter !== null)) {
      await drain(response);
      return {
        kind: 'failed',
        code: 'rate_limited',
        detail: String(status),
        hints: hintsFrom(retryAfter, maxAge),
      };
    }
    if (status !== 200) {
      await drain(response);
      throw new FetchFailure('http_status', String(status));
    }

    const encoding = header(response, 'content-encoding');
    const length = Number(header(response, 'content-length'));
    if (!encoding && length > this.options.maxBodyBytes) {
      discard(response);
      throw new FetchFailure('too_large', `${length} bytes`);
    }
    let body: Buffer;
    try {
      body = await readBody(response.body, encoding, this.options.maxBodyBytes);
    } catch (error) {
      discard(response);
      throw error;
    }
    const result = await this.parser.parse(
      {
        body,
        url: url.href,
        contentType: header(response, 'content-type') ?? null,
        nowMs: now.getTime(),
        maxItems: this.options.maxItems,
      },
      signal,
    );
    if (!result.ok) throw new FetchFailure(result.code, result.detail);
    const parsed = result.feed;
    const stale = expiresAtOnce(header(response, 'expires'), header(response, 'date'), now);
    return {
      kind: 'fetched',
      feedTitle: parsed.feedTitle,
      items: parsed.items,
      etag: stale ? null : (header(response, 'etag') ?? null),
      lastModified: stale ? null : (header(response, 'last-modified') ?? null),
      hints: hintsFrom(parsed.ttlMinutes === null ? null : parsed.ttlMinutes * 60, maxAge),
    };
  }

  private headersFor(feed: FetchRequest): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (feed.etag) headers['if-none-match'] = feed.etag;
    if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
    return headers;
  }

  private failed(error: unknown, deadlinePassed: boolean): FetchOutcome {
    const { code, detail } = classify(error, deadlinePassed, this.options.responseTimeoutMs);
    return { kind: 'failed', code, detail, hints: NO_HINTS satisfies FetchHints };
  }
}

/** A URL the fetcher may request: parseable and http(s); `invalid` is the code when it is not a URL. */
function checkedUrl(value: string, invalid: FetchErrorCode): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new FetchFailure(invalid, null);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchFailure('refused_scheme', url.protocol.replace(/:$/, ''));
  }
  return url;
}

function header(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The first value of a header a server may have sent twice (Location). */
function firstHeader(response: Dispatcher.ResponseData, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Up to this much of a body we do not want is read to its end, so the connection is kept. */
const DRAIN_LIMIT = 64 * 1024;

/**
 * A body we do not want (a 304's, a redirect's, an error page): read to its end when it is
 * small, so the connection can serve the next request (a 304 pass reuses its connections),
 * thrown away with its connection when it is bigger than DRAIN_LIMIT.
 */
async function drain(response: Dispatcher.ResponseData): Promise<void> {
  response.body.on('error', () => undefined);
  await response.body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
}

/**
 * A body we do not (or no longer) read: thrown away without waiting (undici closes the
 * connection if it was not read to its end). Destroying an undici body emits an error: ignored.
 */
function discard(response: Dispatcher.ResponseData): void {
  response.body.on('error', () => undefined);
  response.body.destroy();
}

function classify(
  error: unknown,
  deadlinePassed: boolean,
  responseTimeoutMs: number,
): { code: FetchErrorCode; detail: string | null } {
  const failure = findFailure(error);
  if (failure) return { code: failure.code, detail: failure.detail };
  if (deadlinePassed) return { code: 'timeout', detail: `${responseTimeoutMs} ms` };
  const code = errorCode(error);
  if (code && TIMEOUT_CODES.has(code)) return { code: 'timeout', detail: code };
  return { code: 'unreachable', detail: code ?? (error instanceof Error ? error.name : null) };
}

/** Our own failure, also when undici or a stream wrapped it as the cause of its error. */
function findFailure(error: unknown): FetchFailure | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof FetchFailure) return e;
  }
  return null;
}

function errorCode(error: unknown): string | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}
