import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { ActivitiesAdminController } from './activities/activities-admin.controller';
import { ActivitiesCalendarSource } from './activities/activities.calendar-source';
import { ActivitiesController } from './activities/activities.controller';
import { ActivitiesService } from './activities/activities.service';
import { ActivityProposalsController } from './activities/activity-proposals.controller';
import { ActivityReviewService } from './activities/activity-review.service';

/**
 * The calendar's own activities (docs/calendar.md): written by the hub's admins or proposed by
 * professionals, shown on /kalender through ActivitiesCalendarSource. The calendar page itself
 * is the platform's (src/web/calendar).
 */
@Module({
  // The proposals' routes before /kalender/:slug, which would take "voorstellen" as an address.
  controllers: [ActivityProposalsController, ActivitiesAdminController, ActivitiesController],
  providers: [
    FormPageInterceptor,
    ActivitiesService,
    ActivityReviewService,
    ActivitiesCalendarSource,
  ],
  exports: [ActivitiesService],
})
export class CalendarModule {}
