import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { GUIDE_PARTS } from './guide.parts';

/**
 * The Wegwijzer: the information guide (general pages with a hub's local parts, the hub's own
 * pages, the mantelzorgpremie). Each capability lists its controllers and providers in its part
 * file (guide.parts.ts).
 */
@Module({
  imports: [EventsModule],
  controllers: GUIDE_PARTS.flatMap((part) => part.controllers),
  providers: [FormPageInterceptor, ...GUIDE_PARTS.flatMap((part) => part.providers)],
  exports: GUIDE_PARTS.flatMap((part) => part.providers),
})
export class GuideModule {}
