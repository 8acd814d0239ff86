import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BrandService } from './brand.service';
import { CalendarAdminController } from './calendar/calendar-admin.controller';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarPageService } from './calendar/calendar-page.service';
import { FaviconController } from './favicon.controller';
import { FormPageInterceptor } from './form-page.interceptor';
import { HomeController } from './home.controller';
import { HomePageService } from './home/home-page.service';
import { MyActivityController } from './my/my-activity.controller';
import { MyActivityService } from './my/my-activity.service';
import { NavigationService } from './navigation.service';
import { SearchController } from './search/search.controller';
import { SearchService } from './search/search.service';

/**
 * The platform's pages on a municipality's host and its shared surfaces: the home page,
 * "mijn aanmeldingen" and the calendar gather what features register (HomeSectionOf,
 * MyActivitySourceOf, CalendarSourceOf), the header the features' NAV_ITEMS.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [
    HomeController,
    MyActivityController,
    CalendarController,
    CalendarAdminController,
    SearchController,
    FaviconController,
  ],
  providers: [
    FormPageInterceptor,
    BrandService,
    HomePageService,
    CalendarPageService,
    MyActivityService,
    NavigationService,
    SearchService,
  ],
})
export class WebModule {}
