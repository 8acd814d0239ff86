import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue, RedisQueueBackend } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { MAIL_JOBS, MAIL_SCHEDULERS, SCHEDULED_JOB_OPTIONS } from './mail.constants';

/**
 * Declares the mail queue's recurring jobs (BullMQ job schedulers, so one run per interval across
 * all workers) when a worker starts and again whenever its Redis connection is ready after a
 * reconnect: a Redis that restarted empty gets them back.
 */
@Injectable()
export class MailSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailSchedulers');
  private backend: RedisQueueBackend | null = null;
  private stopped = false;
  private readonly onReady = () => {
    if (!this.stopped) void this.declare();
  };

  constructor(@InjectQueue(QUEUES.mail) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.declare();
    // The queue's backend says 'ready' after every (re)connect of its Redis connection.
    this.backend = this.queue.getBackend();
    this.backend.on('ready', this.onReady);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.backend?.off('ready', this.onReady);
  }

  /** Idempotent: the same scheduler ids are replaced, never doubled. */
  async declare(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        MAIL_SCHEDULERS.sweep.id,
        { every: MAIL_SCHEDULERS.sweep.every },
        { name: MAIL_JOBS.sweep, data: {}, opts: SCHEDULED_JOB_OPTIONS },
      );
      await this.queue.upsertJobScheduler(
        MAIL_SCHEDULERS.purge.id,
        { pattern: MAIL_SCHEDULERS.purge.pattern, tz: MAIL_SCHEDULERS.purge.tz },
        { name: MAIL_JOBS.purge, data: {}, opts: SCHEDULED_JOB_OPTIONS },
      );
    } catch (e) {
      // Redis is away: the next 'ready' declares them.
      this.logger.error(`mail schedulers not declared: ${(e as Error).message}`);
    }
  }
}
