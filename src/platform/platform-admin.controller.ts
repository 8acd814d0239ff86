import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePlatformAdmin } from '../auth/guards/auth.guards';
import { INVITE_TTL_MS } from '../auth/invitations.service';
import { AppConfig } from '../config/app-config';
import { t } from '../i18n/i18n';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { InviteAdminDto } from './dto/invite-admin.dto';
import { proposeSlug } from './propose-slug';
import { CreateTenantProblem, PlatformAdminService } from './platform-admin.service';
import { ADMIN_LINKS, adminCards, type AdminLink } from '../web/navigation';

const NEW_TENANT_TITLE = t('platform.admin.newTenant.title');
const INVITE_TITLE = t('platform.admin.invite.title');
const INVITE_DAYS = Math.round(INVITE_TTL_MS / (24 * 3600 * 1000));

/** The platform admin console at /beheer on the platform host. */
@Controller('_platform/beheer')
@RequirePlatformAdmin()
export class PlatformAdminController {
  constructor(
    private readonly admin: PlatformAdminService,
    private readonly config: AppConfig,
    @Inject(ADMIN_LINKS) private readonly adminLinks: AdminLink[],
  ) {}

  private view(tenant: Tenant) {
    return {
      name: tenant.name,
      slug: tenant.slug,
      province: tenant.province,
      nisCode: tenant.nisCode,
      contactEmail: tenant.contactEmail,
      url: this.config.originFor(tenant.slug),
      suspended: tenant.status === 'suspended',
    };
  }

  @Get()
  @Render('platform/admin/overview')
  async overview() {
    const [requests, tenants] = await Promise.all([
      this.admin.openRequests(),
      this.admin.listTenants(),
    ]);
    return {
      title: t('platform.admin.title'),
      requests,
      tenants: tenants.map((x) => this.view(x)),
      features: adminCards(this.adminLinks, 'platform'),
    };
  }

  @Get('aanvragen/:id')
  @Render('platform/admin/request')
  async request(@Param('id') id: string) {
    const request = await this.admin.request(id);
    const created = request.createdTenantId
      ? await this.admin.tenantById(request.createdTenantId)
      : null;
    return {
      title: `Aanvraag van ${request.municipalityName}`,
      request,
      open: request.status === 'new',
      created: created ? this.view(created) : null,
    };
  }

  @Get('aanvragen/:id/afwijzen')
  @FormPage()
  @Render('platform/admin/decline')
  async declineConfirm(@Param('id') id: string) {
    const request = await this.admin.request(id);
    return { title: `Aanvraag van ${request.municipalityName} afwijzen`, request };
  }

  @Post('aanvragen/:id/afwijzen')
  @FormSubmit('platform/admin/decline', 'Aanvraag afwijzen')
  async decline(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const request = await this.admin.request(id);
    const done = await this.admin.decline(id, req.user!);
    req.session.flash = done
      ? `De aanvraag van ${request.municipalityName} is afgewezen.`
      : `De aanvraag van ${request.municipalityName} was al behandeld.`;
    res.redirect(303, '/beheer');
  }

  @Get('nieuwe-gemeente')
  @FormPage()
  @Render('platform/admin/new-tenant')
  async newTenant(@Query('aanvraag') requestId?: string) {
    if (!requestId) return { title: NEW_TENANT_TITLE, values: {} };
    const request = await this.admin.request(requestId);
    return {
      title: NEW_TENANT_TITLE,
      request,
      values: {
        requestId: request.id,
        name: request.municipalityName,
        slug: proposeSlug(request.municipalityName),
        adminEmail: request.email,
      },
    };
  }

  @Post('nieuwe-gemeente')
  @FormSubmit('platform/admin/new-tenant', NEW_TENANT_TITLE)
  async createTenant(
    @Body() body: CreateTenantDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const tenant = await this.admin.createTenant(body, req.user!);
      req.session.flash = `${tenant.name} is aangemaakt. We stuurden een uitnodiging naar ${body.adminEmail}.`;
      res.redirect(303, `/beheer/gemeenten/${tenant.slug}`);
    } catch (e) {
      if (!(e instanceof CreateTenantProblem)) throw e;
      renderForm(
        req,
        res,
        { view: 'platform/admin/new-tenant', title: NEW_TENANT_TITLE },
        { [e.field]: e.message },
        {},
        409,
      );
    }
  }

  @Get('gemeenten/:slug')
  @Render('platform/admin/tenant')
  async tenant(@Param('slug') slug: string) {
    const tenant = await this.admin.tenant(slug);
    return { title: tenant.name, municipality: this.view(tenant) };
  }

  @Get('gemeenten/:slug/uitnodigen')
  @FormPage()
  @Render('platform/admin/invite')
  async inviteForm(@Param('slug') slug: string) {
    const tenant = await this.admin.tenant(slug);
    return { title: INVITE_TITLE, municipality: this.view(tenant), values: {} };
  }

  @Post('gemeenten/:slug/uitnodigen')
  @FormSubmit('platform/admin/invite', INVITE_TITLE)
  async invite(
    @Param('slug') slug: string,
    @Body() body: InviteAdminDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const tenant = await this.admin.inviteAdmin(slug, body.email);
    req.session.flash = `We stuurden een uitnodiging naar ${body.email}. De link blijft ${INVITE_DAYS} dagen geldig.`;
    res.redirect(303, `/beheer/gemeenten/${tenant.slug}`);
  }

  @Get('gemeenten/:slug/opschorten')
  @FormPage()
  @Render('platform/admin/suspend')
  async suspendConfirm(@Param('slug') slug: string) {
    const tenant = await this.admin.tenant(slug);
    return { title: `${tenant.name} opschorten`, municipality: this.view(tenant) };
  }

  @Post('gemeenten/:slug/opschorten')
  @FormSubmit('platform/admin/suspend', 'Gemeente opschorten')
  async suspend(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const tenant = await this.admin.setStatus(slug, 'suspended');
    req.session.flash = `${tenant.name} is opgeschort. De Mantelzorghub is niet meer bereikbaar; er is niets gewist.`;
    res.redirect(303, `/beheer/gemeenten/${tenant.slug}`);
  }

  @Get('gemeenten/:slug/heractiveren')
  @FormPage()
  @Render('platform/admin/reactivate')
  async reactivateConfirm(@Param('slug') slug: string) {
    const tenant = await this.admin.tenant(slug);
    return { title: `${tenant.name} weer openzetten`, municipality: this.view(tenant) };
  }

  @Post('gemeenten/:slug/heractiveren')
  @FormSubmit('platform/admin/reactivate', 'Gemeente weer openzetten')
  async reactivate(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const tenant = await this.admin.setStatus(slug, 'active');
    req.session.flash = `${tenant.name} is weer bereikbaar op ${this.config.originFor(tenant.slug)}.`;
    res.redirect(303, `/beheer/gemeenten/${tenant.slug}`);
  }
}
