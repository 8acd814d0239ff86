import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../jobs/job-defaults';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { GUIDE_PARTS } from './guide.parts';

/**
 * The Wegwijzer: the information guide (general pages with a hub's local parts, the hub's own
 * pages, the mantelzorgpremie), the directory of care organisations, and the platform's café
 * finder. Each capability lists its controllers and providers in its part file (guide.parts.ts).
 */
@Module({
  imports: [
    EventsModule,
    BullModule.registerQueue({ name: QUEUES.guide, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  controllers: GUIDE_PARTS.flatMap((part) => part.controllers),
  providers: [FormPageInterceptor, ...GUIDE_PARTS.flatMap((part) => part.providers)],
  exports: [EventsModule, BullModule, ...GUIDE_PARTS.flatMap((part) => part.providers)],
})
export class GuideModule {}
