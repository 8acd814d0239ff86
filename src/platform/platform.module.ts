import { Module } from '@nestjs/common';
import { OnboardingController } from './onboarding.controller';
import { OnboardingService } from './onboarding.service';
import { PlatformAdminController } from './platform-admin.controller';
import { PlatformAdminService } from './platform-admin.service';
import { PlatformHomeController } from './platform-home.controller';

@Module({
  controllers: [PlatformHomeController, OnboardingController, PlatformAdminController],
  providers: [OnboardingService, PlatformAdminService],
})
export class PlatformModule {}
