import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** One host: a name (`localhost`, `feeds.example.be`), `*.` + a name, an IPv4 or a bracketed IPv6. */
const ALLOWED_HOST = String.raw`(\*\.)?[a-z0-9.-]+|\[[0-9a-f:.]+\]`;
/** Empty, or hosts separated by commas (spaces around them allowed). */
const ALLOWED_HOSTS_PATTERN = new RegExp(
  String.raw`^\s*((${ALLOWED_HOST})\s*(,\s*(${ALLOWED_HOST})\s*)*)?$`,
  'i',
);

/**
 * The whole configuration of the platform, read once from the environment and validated.
 * Services receive this object (token `AppConfig`), never `process.env`.
 */
export class AppConfig {
  /** Connection of the app role (no ownership, no BYPASSRLS). */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Connection of the owner role; only the migration step needs it (keep it out of web/worker). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL!: string;

  /** Without it mail is kept as .eml files (development only). */
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Matches(/^(.+ )?<?[^@\s<>]+@[^@\s<>]+>?$/, {
    message: 'must be an address like "Mantelzorghub <noreply@example.be>"',
  })
  MAIL_FROM!: string;

  @Matches(/^[a-z0-9.-]+$/, {
    message: 'must be a host name such as mantelzorghub.be or localhost',
  })
  BASE_DOMAIN!: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET!: string;

  @IsIn(['development', 'production', 'test'])
  NODE_ENV!: 'development' | 'production' | 'test';

  /** Comma-separated proxy addresses whose X-Forwarded-* headers are trusted. */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  /** Prefix of every Redis key (queues, rate limits, cache channel); lets tests share one Redis. */
  @IsOptional()
  @Matches(/^[a-zA-Z0-9:_-]+$/)
  REDIS_PREFIX?: string;

  /** Where the development mail transport keeps .eml files. */
  @IsOptional()
  @IsString()
  MAIL_DIR?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /**
   * Comma-separated host names the feed fetcher connects to without checking that their address
   * is public (`localhost`, `*.localhost` for every subdomain, `127.0.0.1`, `[::1]`): tests and the
   * demo's local feed server. Empty (the default): every feed must be on a public address.
   */
  @IsOptional()
  @Matches(ALLOWED_HOSTS_PATTERN, {
    message: 'must be host names separated by commas, such as localhost,*.localhost',
  })
  NEWS_FEED_ALLOWED_HOSTS?: string;

  /** How many fetches of feeds on one host may run at once (default 2). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  NEWS_FEED_PER_HOST_LIMIT?: number;

  /** How many feed jobs one worker runs at once (default 8). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  NEWS_FEED_CONCURRENCY?: number;

  /**
   * How many threads parse and clean the feeds a worker fetches (default: one fewer than the
   * machine's cores, at least one); 0 parses on the worker's own thread.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(64)
  NEWS_FEED_PARSE_THREADS?: number;

  /** NEWS_FEED_ALLOWED_HOSTS as a list: lowercase, without spaces or empty entries. */
  get newsFeedAllowedHosts(): string[] {
    return (this.NEWS_FEED_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter((host) => host !== '');
  }

  get newsFeedPerHostLimit(): number {
    return this.NEWS_FEED_PER_HOST_LIMIT ?? 2;
  }

  get newsFeedConcurrency(): number {
    return this.NEWS_FEED_CONCURRENCY ?? 8;
  }

  get newsFeedParseThreads(): number {
    return this.NEWS_FEED_PARSE_THREADS ?? Math.max(1, availableParallelism() - 1);
  }

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get redisPrefix(): string {
    return this.REDIS_PREFIX ?? 'mzh';
  }

  /** Origin of the platform site, e.g. http://localhost:3000 or https://mantelzorghub.be. */
  get platformOrigin(): string {
    return this.originFor(null);
  }

  /** Origin of a municipality's hub (or of the platform site for null). */
  originFor(slug: string | null): string {
    const host = slug ? `${slug}.${this.BASE_DOMAIN}` : this.BASE_DOMAIN;
    return this.isProduction ? `https://${host}` : `http://${host}:${this.PORT}`;
  }
}

export class ConfigError extends Error {}

/** Validates an environment; throws a ConfigError that names every wrong variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const config = plainToInstance(AppConfig, env, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const value = env[e.property];
      const why =
        value === undefined || value === ''
          ? 'is missing'
          : Object.values(e.constraints ?? {}).join('; ');
      return `  ${e.property} ${why}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
