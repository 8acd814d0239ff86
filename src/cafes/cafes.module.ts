import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { CafeManagerGuard } from './hosting/cafe-access.guard';
import { CafeManageController } from './meetings/cafe-manage.controller';
import { CafesAdminController } from './admin/cafes-admin.controller';
import { CafesController } from './cafes.controller';
import { CafeFinderController } from './finder/cafe-finder.controller';
import { CafeFinderCopyService } from './finder/cafe-finder-copy.service';
import { CafeFinderService } from './finder/cafe-finder.service';
import { CafesService } from './cafes.service';
import { SignedLinks } from '../common/signed-links';
import { FollowsService } from './follows/follows.service';
import { ReminderSettingsController } from './reminders/reminder-settings.controller';
import { SignupsController } from './signups/signups.controller';
import { SignupsService } from './signups/signups.service';
import { HostDashboardController } from './hosting/host-dashboard.controller';
import { HostDashboardService } from './hosting/host-dashboard.service';
import { WishesController } from './wishes/wishes.controller';
import { WishesService } from './wishes/wishes.service';
import { MeetingNoticesService } from './reminders/meeting-notices.service';
import { ReminderLinksService } from './reminders/reminder-links.service';
import { ReminderLinkPagesService } from './reminders/reminder-link-pages.service';
import { CafeReminderSource } from './reminders/cafe-reminders.source';
import { SignupPagesService } from './signups/signup-pages.service';
import { EventsModule } from '../events/events.module';
import { ReminderLinksController } from './reminders/reminder-links.controller';
import { MeetingPageService } from './meetings/meeting-page.service';
import { MeetingsService } from './meetings/meetings.service';
import { HostsService } from './hosting/hosts.service';
import { CafeAccessPolicy } from './hosting/cafe-access';
import { CafesAdminService } from './admin/cafes-admin.service';
import { MeetingsCalendarSource } from './meetings/meetings.calendar-source';
import { NextMeetingsHomeSection } from './meetings/next-meetings.home-section';
import { MySignupsSource } from './signups/my-signups.source';

/**
 * Mantelzorgcafés: cafés, their core group and meetings, sign-up, wishes and reminders, and the
 * platform's Flanders-wide café finder.
 */
@Module({
  imports: [EventsModule],
  // Order matters: '/cafes/:slug/beheer' must be matched before '/cafes/:slug/:meeting'.
  controllers: [
    CafesAdminController,
    CafeManageController,
    HostDashboardController,
    WishesController,
    SignupsController,
    ReminderSettingsController,
    ReminderLinksController,
    CafesController,
    CafeFinderController,
  ],
  providers: [
    CafesService,
    CafeManagerGuard,
    FormPageInterceptor,
    WishesService,
    HostDashboardService,
    SignupsService,
    FollowsService,
    SignedLinks,
    ReminderLinksService,
    ReminderLinkPagesService,
    CafeReminderSource,
    SignupPagesService,
    MeetingNoticesService,
    MeetingPageService,
    MeetingsService,
    HostsService,
    CafeAccessPolicy,
    CafesAdminService,
    NextMeetingsHomeSection,
    MySignupsSource,
    MeetingsCalendarSource,
    CafeFinderService,
    CafeFinderCopyService,
  ],
  exports: [
    CafesService,
    MeetingsService,
    SignupsService,
    ReminderLinksService,
    CafeReminderSource,
    EventsModule,
    CafeFinderCopyService,
  ],
})
export class CafesModule {}
