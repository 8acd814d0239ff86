import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { CAFE_JOBS } from './cafes.constants';
import { ReminderPlannerService } from '../reminders/reminder-planner.service';
import { CafesHorizonService } from './cafes-horizon.service';

/** The cafés' jobs on the `reminders` queue: the meetings' horizon and the reminder planner. */
@Processor(QUEUES.reminders, { concurrency: 1 })
export class CafesProcessor extends WorkerHost {
  constructor(
    private readonly horizon: CafesHorizonService,
    private readonly reminders: ReminderPlannerService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case CAFE_JOBS.horizon:
        return this.horizon.fillAll();
      case CAFE_JOBS.reminders:
        return this.reminders.planAll();
      default:
        throw new UnrecoverableError(`unknown reminders job ${job.name}`);
    }
  }
}
