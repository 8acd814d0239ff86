import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { CafesModule } from '../cafes.module';
import { ReminderPlannerService } from '../reminders/reminder-planner.service';
import { CafeJobsService } from './cafe-jobs.service';
import { CafesHorizonService } from './cafes-horizon.service';

/** The cafés' jobs on the `reminders` queue (CafeJobsService; WORKER_MODULES). */
@Module({
  imports: [
    CafesModule,
    BullModule.registerQueue({ name: QUEUES.reminders, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [CafesHorizonService, ReminderPlannerService, TenantFanOut, CafeJobsService],
  exports: [CafesHorizonService, ReminderPlannerService],
})
export class CafesJobsModule {}
