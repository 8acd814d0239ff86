import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../../jobs/job-defaults';
import { TenantFanOut } from '../../jobs/tenant-fan-out.service';
import { NewsModule } from '../news.module';
import { NEWS_PARTS } from '../news.parts';

/** The news's jobs on the `news` queue (each part's jobProviders; WORKER_MODULES). */
@Module({
  imports: [
    NewsModule,
    BullModule.registerQueue({ name: QUEUES.news, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  providers: [TenantFanOut, ...NEWS_PARTS.flatMap((part) => part.jobProviders)],
})
export class NewsJobsModule {}
