import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { CafesModule } from '../cafes.module';
import { ReminderPlannerService } from '../reminders/reminder-planner.service';
import { CafesHorizonService } from './cafes-horizon.service';
import { CafesProcessor } from './cafes.processor';
import { CafesSchedulers } from './cafes-schedulers';

/** The cafés' job processor and schedulers (WORKER_MODULES). */
@Module({
  imports: [
    CafesModule,
    BullModule.registerQueue({ name: QUEUES.reminders, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [CafesHorizonService, ReminderPlannerService, CafesProcessor, CafesSchedulers],
  exports: [CafesHorizonService, ReminderPlannerService],
})
export class CafesJobsModule {}
