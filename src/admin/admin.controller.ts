import { Controller, Get, Inject, Render } from '@nestjs/common';
import { RequireRole } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import { LegalPagesService } from '../tenancy/legal-pages.service';
import { RequestContext } from '../tenancy/request-context';
import { ADMIN_LINKS, adminCards, type AdminLink } from '../web/navigation';

/** /beheer: the municipality's admin area, one link per section. */
@Controller('beheer')
@RequireRole('tenant_admin')
export class AdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly legalPages: LegalPagesService,
    @Inject(ADMIN_LINKS) private readonly adminLinks: AdminLink[],
  ) {}

  @Get()
  @Render('admin/overview')
  async overview() {
    const custom = await this.legalPages.customKinds(this.ctx.tenantId);
    return {
      title: t('admin.overview.title'),
      features: adminCards(this.adminLinks, 'tenant'),
      privacyCustom: custom.has('privacy'),
      accessibilityCustom: custom.has('toegankelijkheid'),
    };
  }
}
