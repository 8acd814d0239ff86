import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Redis connections shared by the app: `command` for rate limits and caches, `subscriber` for
 * pub/sub (a subscribed connection can do nothing else). BullMQ makes its own connections.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly command: Redis;
  readonly subscriber: Redis;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.command = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
    this.subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event.
    // Readiness (/readyz) is what tells operators Redis is gone; log the state change only.
    for (const [name, client] of [
      ['command', this.command],
      ['subscriber', this.subscriber],
    ] as const) {
      let down = false;
      client.on('error', (e: Error) => {
        if (!down) this.logger.warn(`redis ${name} connection: ${e.message}`);
        down = true;
      });
      client.on('ready', () => (down = false));
    }
  }

  /** Channel and key names carry the configured prefix so several test apps share one Redis. */
  key(name: string): string {
    return `${this.config.redisPrefix}:${name}`;
  }

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for a reply that never comes when Redis is down: disconnect in that case.
    await Promise.allSettled(
      [this.command, this.subscriber].map((c) =>
        c.status === 'ready' ? c.quit() : Promise.resolve(c.disconnect()),
      ),
    );
  }
}

@Global()
@Module({ providers: [RedisConnections], exports: [RedisConnections] })
export class RedisModule {}
