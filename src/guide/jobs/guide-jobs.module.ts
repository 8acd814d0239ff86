import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { GuideModule } from '../guide.module';
import { GUIDE_PARTS } from '../guide.parts';

/** The Wegwijzer's jobs on the `guide` queue (each part's jobProviders; WORKER_MODULES). */
@Module({
  imports: [
    GuideModule,
    BullModule.registerQueue({ name: QUEUES.guide, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [TenantFanOut, ...GUIDE_PARTS.flatMap((part) => part.jobProviders)],
})
export class GuideJobsModule {}
