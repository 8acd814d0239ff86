import { Column } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';

/** Default and shortest refresh interval of a feed, in minutes. */
export const DEFAULT_REFRESH_MINUTES = 60;
export const MIN_REFRESH_MINUTES = 15;
/** After this many failures in a row a feed is flagged for its admins (and stays on the slow schedule). */
export const FLAG_AFTER_FAILURES = 5;

/**
 * What a local feed (news_feeds, configured by a municipality's admins) and a general one
 * (general_feeds, by platform admins, shown on every hub) both have. The schedule lives here, in
 * PostgreSQL: the planner reads `next_fetch_at`, so a Redis that lost its jobs loses nothing.
 */
export abstract class FeedColumns extends Timestamps {
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The URL's host name in lower case: the per-host limit counts fetches by it. */
  @Column({ type: 'varchar', length: 255 })
  host: string;

  /** The source's name as readers see it ("Departement Zorg"). */
  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ name: 'refresh_minutes', type: 'integer', default: DEFAULT_REFRESH_MINUTES })
  refreshMinutes: number;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** true: items show in full on the hub; false: their summary with a link to the original. */
  @Column({ name: 'show_full', type: 'boolean', default: false })
  showFull: boolean;

  /** Validators for the next conditional GET (ignored when the server said `Expires: 0`). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  etag: string | null;

  @Column({ name: 'last_modified', type: 'varchar', length: 100, nullable: true })
  lastModified: string | null;

  /** When the planner next enqueues it; also the job's slot (`feed:<id>:<slot>`). */
  @Column({ name: 'next_fetch_at', type: 'timestamptz', default: () => 'now()' })
  nextFetchAt: Date;

  /** The longest interval the server last asked for (RSS ttl, max-age, Retry-After), in minutes. */
  @Column({ name: 'hinted_minutes', type: 'integer', nullable: true })
  hintedMinutes: number | null;

  /** Failures in a row (0 after a success): the backoff and the flag are computed from it. */
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  /** The last failure's code (src/news/feeds/fetch: FetchErrorCode), shown in plain Dutch. */
  @Column({ name: 'last_error', type: 'varchar', length: 40, nullable: true })
  lastError: string | null;

  /** A detail for the admin, e.g. the HTTP status; never the body. */
  @Column({ name: 'last_error_detail', type: 'varchar', length: 200, nullable: true })
  lastErrorDetail: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;
}
