import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Redis connections shared by the app: `command` for rate limits and caches, `subscriber` for
 * pub/sub (a subscribed connection can do nothing else). BullMQ makes its own connections.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  readonly command: Redis;
  readonly subscriber: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.command = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  }

  /** Channel and key names carry the configured prefix so several test apps share one Redis. */
  key(name: string): string {
    return `${this.config.redisPrefix}:${name}`;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.command.quit(), this.subscriber.quit()]);
  }
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
