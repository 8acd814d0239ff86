import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BrandService } from './brand.service';
import { FaviconController } from './favicon.controller';
import { FormPageInterceptor } from './form-page.interceptor';
import { HomeController } from './home.controller';
import { HomePageService } from './home/home-page.service';
import { MyActivityController } from './my/my-activity.controller';
import { MyActivityService } from './my/my-activity.service';
import { NavigationService } from './navigation.service';

/**
 * The platform's pages on a municipality's host and its shared surfaces: the home page and
 * "mijn aanmeldingen" gather the sections features register (HomeSectionOf,
 * MyActivitySourceOf), the header the features' NAV_ITEMS.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [HomeController, MyActivityController, FaviconController],
  providers: [
    FormPageInterceptor,
    BrandService,
    HomePageService,
    MyActivityService,
    NavigationService,
  ],
})
export class WebModule {}
