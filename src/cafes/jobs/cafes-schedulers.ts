import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue, RedisQueueBackend } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { CAFE_JOBS, CAFE_SCHEDULED_JOB_OPTIONS, CAFE_SCHEDULERS } from './cafes.constants';

/**
 * Declares the cafés' recurring jobs when a worker starts and again whenever its Redis connection
 * is ready after a reconnect (a Redis that restarted empty gets them back), like MailSchedulers.
 */
@Injectable()
export class CafesSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CafesSchedulers');
  private backend: RedisQueueBackend | null = null;
  private stopped = false;
  private readonly onReady = () => {
    if (!this.stopped) void this.declare();
  };

  constructor(@InjectQueue(QUEUES.reminders) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.declare();
    this.backend = this.queue.getBackend();
    this.backend.on('ready', this.onReady);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.backend?.off('ready', this.onReady);
  }

  /** Idempotent: the same scheduler id is replaced, never doubled. */
  async declare(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        CAFE_SCHEDULERS.horizon.id,
        { pattern: CAFE_SCHEDULERS.horizon.pattern, tz: CAFE_SCHEDULERS.horizon.tz },
        { name: CAFE_JOBS.horizon, data: {}, opts: CAFE_SCHEDULED_JOB_OPTIONS },
      );
    } catch (e) {
      this.logger.error(`cafe schedulers not declared: ${(e as Error).message}`);
    }
  }
}
