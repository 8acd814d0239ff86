import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { OnJob, OnSchedule } from '../../jobs/job.decorators';
import { fanOutPeriod, scheduledAt, TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { FeedbackService } from './feedback.service';

export const FEEDBACK_JOBS = {
  /** Every 15 minutes: one `feedbackTenant` job per active municipality. */
  feedback: 'academy-feedback',
  /** One municipality's feedback mails for courses that ended (FeedbackService.queueDue). */
  feedbackTenant: 'academy-feedback-tenant',
} as const;

export const FEEDBACK_SCHEDULER = { id: 'academy-feedback', every: 15 * 60_000 } as const;

/**
 * The feedback mail after a course, on the `reminders` queue: every 15 minutes one job per active
 * municipality (id: tenant and minute); each run derives from PostgreSQL who is due, and the
 * outbox key `course-feedback:<enrollmentId>` makes it once per person.
 */
@Injectable()
export class FeedbackJobsService {
  constructor(
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
    private readonly fanOut: TenantFanOut,
    private readonly feedback: FeedbackService,
  ) {}

  @OnSchedule({
    id: FEEDBACK_SCHEDULER.id,
    queue: QUEUES.reminders,
    name: FEEDBACK_JOBS.feedback,
    every: FEEDBACK_SCHEDULER.every,
  })
  schedule(job: Job): Promise<{ tenants: number }> {
    return this.fanOut.enqueue(
      this.queue,
      FEEDBACK_JOBS.feedbackTenant,
      fanOutPeriod.minute(scheduledAt(job)),
      { attempts: 3, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } },
    );
  }

  @OnJob({ queue: QUEUES.reminders, name: FEEDBACK_JOBS.feedbackTenant })
  async feedbackTenant(
    job: Job,
  ): Promise<{ courses: number; queued: number } | { skipped: 'not-active' }> {
    const tenant = await this.fanOut.activeTenant(job);
    if (!tenant) return { skipped: 'not-active' };
    return this.feedback.queueDue(tenant);
  }
}
