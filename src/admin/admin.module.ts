import { Module } from '@nestjs/common';
import { LegalPagesModule } from '../tenancy/legal-pages.module';
import { FormPageInterceptor } from '../web/form-page.interceptor';
import { AdminController } from './admin.controller';
import { BrandingController } from './branding.controller';
import { BrandingService } from './branding.service';
import { LegalPagesAdminController } from './legal-pages-admin.controller';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { WelcomeController } from './welcome.controller';

/** A municipality's admin area (/beheer), for its tenant_admins. Also brings the legal pages. */
@Module({
  imports: [LegalPagesModule],
  controllers: [
    AdminController,
    BrandingController,
    WelcomeController,
    MembersController,
    LegalPagesAdminController,
  ],
  providers: [BrandingService, MembersService, FormPageInterceptor],
})
export class AdminModule {}
