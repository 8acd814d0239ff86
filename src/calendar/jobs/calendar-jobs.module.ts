import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { CalendarModule } from '../calendar.module';
import { ActivityJobsService } from './activity-jobs.service';

/** The calendar's jobs on the `calendar` queue (WORKER_MODULES). */
@Module({
  imports: [
    CalendarModule,
    BullModule.registerQueue({ name: QUEUES.calendar, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [TenantFanOut, ActivityJobsService],
})
export class CalendarJobsModule {}
