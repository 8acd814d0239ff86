import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { QUEUES } from '../../jobs/job-defaults';
import { CAFE_JOBS } from './cafes.constants';
import { CafesHorizonService } from './cafes-horizon.service';

/** The cafés' jobs on the `reminders` queue (the reminder planner joins it in a later slice). */
@Processor(QUEUES.reminders, { concurrency: 1 })
export class CafesProcessor extends WorkerHost {
  constructor(private readonly horizon: CafesHorizonService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case CAFE_JOBS.horizon:
        return this.horizon.fillAll();
      default:
        throw new UnrecoverableError(`unknown reminders job ${job.name}`);
    }
  }
}
