import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { CafeManagerGuard } from './hosting/cafe-access.guard';
import { CafeManageController } from './meetings/cafe-manage.controller';
import { CafesAdminController } from './admin/cafes-admin.controller';
import { CafesController } from './cafes.controller';
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
import { ReminderLinks } from './reminders/reminder-links';
import { ReminderLinksController } from './reminders/reminder-links.controller';
import { MeetingPage } from './meetings/meeting-page';
import { NextMeetingsHomeSection } from './meetings/next-meetings.home-section';
import { MySignupsSource } from './signups/my-signups.source';

/** Mantelzorgcafés: cafés, their core group and meetings, sign-up, wishes and reminders. */
@Module({
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
    ReminderLinks,
    MeetingNoticesService,
    MeetingPage,
    NextMeetingsHomeSection,
    MySignupsSource,
  ],
  exports: [CafesService, SignupsService, ReminderLinks],
})
export class CafesModule {}
