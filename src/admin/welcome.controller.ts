import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { TenantsService } from '../tenancy/tenants.service';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { WelcomeDto } from './dto/welcome.dto';

const VIEW = 'admin/welcome';
const TITLE = t('admin.welcome.title');

/** The welcome text of the home page and the contact details of the social services. */
@Controller('beheer/welkom')
@RequireRole('tenant_admin')
export class WelcomeController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly tenants: TenantsService,
  ) {}

  @Get()
  @FormPage()
  @Render(VIEW)
  page() {
    const tenant = this.ctx.tenant;
    return {
      title: TITLE,
      values: {
        welcomeText: tenant.welcomeText,
        contactEmail: tenant.contactEmail ?? '',
        contactPhone: tenant.contactPhone ?? '',
        contactAddress: tenant.contactAddress ?? '',
      },
    };
  }

  @Post()
  @FormSubmit(VIEW, TITLE)
  async save(@Body() dto: WelcomeDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.tenants.update(this.ctx.tenantId, {
      welcomeText: dto.welcomeText,
      contactEmail: dto.contactEmail ? dto.contactEmail.toLowerCase() : null,
      contactPhone: dto.contactPhone || null,
      contactAddress: dto.contactAddress || null,
    });
    req.session.flash = t('admin.welcome.saved');
    res.redirect(303, '/beheer/welkom');
  }
}
