import { Module } from '@nestjs/common';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { CafeManagerGuard } from './cafe-access.guard';
import { CafeManageController } from './cafe-manage.controller';
import { CafesAdminController } from './cafes-admin.controller';
import { CafesController } from './cafes.controller';
import { CafesService } from './cafes.service';
import { SignedLinks } from '../common/signed-links';
import { FollowsService } from './follows.service';
import { ReminderSettingsController } from './reminder-settings.controller';
import { SignupsController } from './signups.controller';
import { SignupsService } from './signups.service';
import { HostDashboardController } from './host-dashboard.controller';
import { HostDashboardService } from './host-dashboard.service';
import { WishesController } from './wishes.controller';
import { WishesService } from './wishes.service';
import { MeetingNoticesService } from './reminders/meeting-notices.service';
import { ReminderLinks } from './reminders/reminder-links';
import { ReminderLinksController } from './reminders/reminder-links.controller';
import { MeetingPage } from './meeting-page';

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
  ],
  exports: [CafesService, SignupsService, ReminderLinks],
})
export class CafesModule {}
