import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DeclaredSchedulers, type SchedulerSpec } from '../../jobs/declared-schedulers';
import { QUEUES } from '../../jobs/job-defaults';
import { CAFE_JOBS, CAFE_SCHEDULERS } from './cafes.constants';

/** The cafés' recurring jobs: the six-month horizon (daily) and the reminder planner (every minute). */
@Injectable()
export class CafesSchedulers extends DeclaredSchedulers {
  protected readonly specs: readonly SchedulerSpec[] = [
    {
      id: CAFE_SCHEDULERS.horizon.id,
      repeat: { pattern: CAFE_SCHEDULERS.horizon.pattern, tz: CAFE_SCHEDULERS.horizon.tz },
      jobName: CAFE_JOBS.horizon,
    },
    {
      id: CAFE_SCHEDULERS.reminders.id,
      repeat: { every: CAFE_SCHEDULERS.reminders.every },
      jobName: CAFE_JOBS.reminders,
    },
  ];

  constructor(@InjectQueue(QUEUES.reminders) protected readonly queue: Queue) {
    super();
  }
}
