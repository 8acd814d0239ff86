import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { NewsSlugsService } from './common/news-slugs.service';
import { NEWS_PARTS } from './news.parts';

/**
 * News: local and general articles, feeds aggregated by the worker, and the pages that show
 * them. Each capability lists its controllers and providers in its part file (news.parts.ts);
 * this module only puts them together.
 */
@Module({
  controllers: NEWS_PARTS.flatMap((part) => part.controllers),
  providers: [
    FormPageInterceptor,
    NewsSlugsService,
    ...NEWS_PARTS.flatMap((part) => part.providers),
  ],
  exports: [NewsSlugsService, ...NEWS_PARTS.flatMap((part) => part.providers)],
})
export class NewsModule {}
