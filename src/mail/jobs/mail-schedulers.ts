import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DeclaredSchedulers, type SchedulerSpec } from '../../jobs/declared-schedulers';
import { QUEUES } from '../../jobs/job-defaults';
import { MAIL_JOBS, MAIL_SCHEDULERS } from './mail.constants';

/** The mail queue's recurring jobs: the sweep that re-queues unsent rows, and the daily purge. */
@Injectable()
export class MailSchedulers extends DeclaredSchedulers {
  protected readonly specs: readonly SchedulerSpec[] = [
    {
      id: MAIL_SCHEDULERS.sweep.id,
      repeat: { every: MAIL_SCHEDULERS.sweep.every },
      jobName: MAIL_JOBS.sweep,
    },
    {
      id: MAIL_SCHEDULERS.purge.id,
      repeat: { pattern: MAIL_SCHEDULERS.purge.pattern, tz: MAIL_SCHEDULERS.purge.tz },
      jobName: MAIL_JOBS.purge,
    },
  ];

  constructor(@InjectQueue(QUEUES.mail) protected readonly queue: Queue) {
    super();
  }
}
