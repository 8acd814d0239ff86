import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../../redis/redis.module';

/**
 * Takes a place if fewer than `limit` unexpired leases are held on the host (a sorted set of
 * lease → expiry, on Redis's own clock), so a crashed worker's place frees itself.
 */
const ACQUIRE = `
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`;

/** A place taken on a host; give it back with `release`. */
export interface HostLease {
  key: string;
  id: string;
}

/**
 * The per-host limit of feed fetches (NEWS_FEED_PER_HOST_LIMIT, default 2), counted in Redis so
 * every worker agrees: many feeds on one site are never fetched all at once. A lease lasts a
 * little longer than the longest refresh (20 s) and frees itself if its worker died.
 */
@Injectable()
export class FeedHostLimitService {
  static readonly LEASE_MS = 45_000;

  constructor(
    private readonly redis: RedisConnections,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** A place on `host`, or null when the limit is reached. */
  async acquire(host: string): Promise<HostLease | null> {
    const lease = { key: this.redis.key(`news:host:${host.toLowerCase()}`), id: randomUUID() };
    const got = await this.redis.command.eval(
      ACQUIRE,
      1,
      lease.key,
      String(this.config.newsFeedPerHostLimit),
      String(FeedHostLimitService.LEASE_MS),
      lease.id,
    );
    return Number(got) === 1 ? lease : null;
  }

  async release(lease: HostLease): Promise<void> {
    await this.redis.command.zrem(lease.key, lease.id);
  }
}
