import { Module } from '@nestjs/common';
import { SignedLinks } from '../common/signed-links';
import { EventsModule } from '../events/events.module';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { ACADEMY_PARTS } from './academy.parts';
import { CourseAccessPolicy } from './common/course-access';
import { CourseManagerGuard } from './common/course-access.guard';

/**
 * Mantelzorgacademie: templates, courses, enrolment, reminders, attendance, certificates and
 * feedback. Each capability lists its controllers and providers in its own part file
 * (academy.parts.ts); this module only puts them together.
 */
@Module({
  imports: [EventsModule],
  controllers: ACADEMY_PARTS.flatMap((part) => part.controllers),
  providers: [
    FormPageInterceptor,
    SignedLinks,
    CourseAccessPolicy,
    CourseManagerGuard,
    ...ACADEMY_PARTS.flatMap((part) => part.providers),
  ],
  exports: [EventsModule, ...ACADEMY_PARTS.flatMap((part) => part.providers)],
})
export class AcademyModule {}
