import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { AcademyModule } from '../academy.module';
import { ACADEMY_PARTS } from '../academy.parts';

/** The academy's jobs on the `reminders` queue (each part's jobProviders; WORKER_MODULES). */
@Module({
  imports: [
    AcademyModule,
    BullModule.registerQueue({ name: QUEUES.reminders, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [TenantFanOut, ...ACADEMY_PARTS.flatMap((part) => part.jobProviders)],
})
export class AcademyJobsModule {}
