import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RedisQueueBackend, RepeatOptions } from 'bullmq';

export interface SchedulerSpec {
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  jobName: string;
}

/** Options of scheduled jobs: one attempt each (the next run comes anyway), little history. */
export const SCHEDULED_JOB_OPTIONS: JobSchedulerTemplateOptions = {
  attempts: 1,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 200 },
};

/**
 * A queue's recurring jobs (BullMQ job schedulers: one run per interval across all workers),
 * declared when a worker starts and again whenever the queue's Redis connection is ready after a
 * reconnect, so a Redis that restarted empty gets them back. Subclasses name the queue and specs.
 */
export abstract class DeclaredSchedulers implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly queue: Queue;
  protected abstract readonly specs: readonly SchedulerSpec[];
  private readonly logger = new Logger(this.constructor.name);
  private backend: RedisQueueBackend | null = null;
  private stopped = false;
  private readonly onReady = () => {
    if (!this.stopped) void this.declare();
  };

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
      for (const spec of this.specs) {
        await this.queue.upsertJobScheduler(spec.id, spec.repeat, {
          name: spec.jobName,
          data: {},
          opts: SCHEDULED_JOB_OPTIONS,
        });
      }
    } catch (e) {
      // Redis is away: the next 'ready' declares them.
      this.logger.error(`schedulers not declared: ${(e as Error).message}`);
    }
  }
}
