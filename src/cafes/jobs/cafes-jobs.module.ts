import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { CafesModule } from '../cafes.module';
import { CafeFinderJobsService } from '../finder/cafe-finder-jobs.service';
import { ReminderPlannerService } from '../reminders/reminder-planner.service';
import { CafeJobsService } from './cafe-jobs.service';
import { CafesHorizonService } from './cafes-horizon.service';

/**
 * The cafés' jobs on the `reminders` queue (CafeJobsService) and the café finder's on the
 * `finder` queue (CafeFinderJobsService); WORKER_MODULES.
 */
@Module({
  imports: [
    CafesModule,
    BullModule.registerQueue(
      { name: QUEUES.reminders, defaultJobOptions: DEFAULT_JOB_OPTIONS },
      { name: QUEUES.finder, defaultJobOptions: DEFAULT_JOB_OPTIONS },
    ),
  ],
  providers: [
    CafesHorizonService,
    ReminderPlannerService,
    TenantFanOut,
    CafeJobsService,
    CafeFinderJobsService,
  ],
  exports: [CafesHorizonService, ReminderPlannerService],
})
export class CafesJobsModule {}
