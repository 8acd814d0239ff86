import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '../jobs/job-defaults';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { NewsSlugsService } from './common/news-slugs.service';
import { NEWS_PARTS } from './news.parts';

/**
 * News: local and general articles, feeds aggregated by the worker, and the pages that show
 * them. Each capability lists its controllers and providers in its part file (news.parts.ts);
 * this module only puts them together.
 */
@Module({
  // The news queue here too: "nu vernieuwen" and a new feed enqueue their refresh from any web node.
  imports: [
    EventsModule,
    BullModule.registerQueue({ name: QUEUES.news, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ],
  controllers: NEWS_PARTS.flatMap((part) => part.controllers),
  providers: [
    FormPageInterceptor,
    NewsSlugsService,
    ...NEWS_PARTS.flatMap((part) => part.providers),
  ],
  exports: [
    EventsModule,
    BullModule,
    NewsSlugsService,
    ...NEWS_PARTS.flatMap((part) => part.providers),
  ],
})
export class NewsModule {}
