import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DeclaredSchedulers, type SchedulerSpec } from '../../jobs/declared-schedulers';
import { QUEUES } from '../../jobs/job-defaults';
import { ACCOUNT_JOBS, ACCOUNT_SCHEDULERS } from './accounts.constants';

/** The accounts queue's recurring job: the daily purge of used and expired auth tokens. */
@Injectable()
export class AccountsSchedulers extends DeclaredSchedulers {
  protected readonly specs: readonly SchedulerSpec[] = [
    {
      id: ACCOUNT_SCHEDULERS.purgeTokens.id,
      repeat: {
        pattern: ACCOUNT_SCHEDULERS.purgeTokens.pattern,
        tz: ACCOUNT_SCHEDULERS.purgeTokens.tz,
      },
      jobName: ACCOUNT_JOBS.purgeTokens,
    },
  ];

  constructor(@InjectQueue(QUEUES.accounts) protected readonly queue: Queue) {
    super();
  }
}
