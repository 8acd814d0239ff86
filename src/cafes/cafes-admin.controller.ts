import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { ManageCafe } from './cafe-access.guard';
import { cafeInputFromForm, formValues, planningOptions } from './cafe-form';
import { CafesService } from './cafes.service';
import { CafeDto } from './dto/cafe.dto';
import { validateBody } from './form-body';

const FORM_VIEW = 'cafes/admin-form';
const HOSTS_VIEW = 'cafes/admin-hosts';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /beheer/cafes: tenant admins create cafés, set their planning and appoint the core group. */
@Controller('beheer/cafes')
@RequireRole('tenant_admin')
export class CafesAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
  ) {}

  @Get()
  @Render('cafes/admin-list')
  async list() {
    const tenantId = this.ctx.tenantId;
    const cafes = await this.cafes.run(tenantId, (em) => this.cafes.list(em, tenantId));
    return { title: t('cafes.admin.title'), cafes };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newCafe() {
    const values = formValues(null);
    return { title: t('cafes.form.newTitle'), isNew: true, values, ...planningOptions(values) };
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, t('cafes.form.newTitle'))
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = { view: FORM_VIEW, title: t('cafes.form.newTitle') };
    const extra = { isNew: true, ...planningOptions(body) };
    const valid = await validateBody(CafeDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = cafeInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const cafe = await this.cafes.create(this.ctx.tenantId, parsed.input);
    if (!cafe) return renderForm(req, res, form, { slug: t('cafes.form.slugTaken') }, extra);
    req.session.flash = t('cafes.form.created', { name: cafe.name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  @Get(':slug')
  @ManageCafe()
  @FormPage()
  @Render(FORM_VIEW)
  edit(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const values = formValues(cafe);
    return {
      title: t('cafes.form.editTitle', { name: cafe.name }),
      values,
      ...planningOptions(values),
    };
  }

  @Post(':slug')
  @ManageCafe()
  @FormSubmit(FORM_VIEW, 'Café aanpassen')
  async save(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const form = { view: FORM_VIEW, title: t('cafes.form.editTitle', { name: cafe.name }) };
    const extra = planningOptions(body);
    const valid = await validateBody(CafeDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = cafeInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const result = await this.cafes.update(this.ctx.tenant, cafe.id, parsed.input);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) return renderForm(req, res, form, { slug: t('cafes.form.slugTaken') }, extra);
    req.session.flash = t('cafes.form.saved', { name: result.cafe.name });
    res.redirect(303, `/beheer/cafes/${result.cafe.slug}`);
  }

  @Get(':slug/kerngroep')
  @ManageCafe()
  @FormPage()
  @Render(HOSTS_VIEW)
  async hosts(@Req() req: Request) {
    return this.hostsView(req);
  }

  @Post(':slug/kerngroep')
  @ManageCafe()
  async addHost(
    @Body('membershipId') membershipId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const name = await this.cafes.run(tenantId, async (em) => {
      const member =
        membershipId && UUID.test(membershipId)
          ? (await this.cafes.members(em, tenantId)).find((m) => m.id === membershipId)
          : undefined;
      if (!member) return null;
      await this.cafes.addHost(em, tenantId, cafe.id, member.id);
      return member.displayName;
    });
    if (!name) {
      const view = await this.hostsView(req);
      return renderForm(
        req,
        res,
        { view: HOSTS_VIEW, title: view.title },
        { membershipId: t('cafes.hosts.pick') },
        view,
      );
    }
    req.session.flash = t('cafes.hosts.added', { name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  @Post(':slug/kerngroep/:hostId/verwijderen')
  @ManageCafe()
  async removeHost(
    @Param('hostId') hostId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const name = await this.cafes.run(tenantId, async (em) => {
      if (!UUID.test(hostId)) return null;
      const host = (await this.cafes.hosts(em, tenantId, cafe.id)).find((h) => h.id === hostId);
      if (!host) return null;
      await this.cafes.removeHost(em, tenantId, cafe.id, hostId);
      return host.displayName;
    });
    if (!name) throw new NotFoundException();
    req.session.flash = t('cafes.hosts.removed', { name });
    res.redirect(303, `/beheer/cafes/${cafe.slug}/kerngroep`);
  }

  private async hostsView(req: Request) {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const { hosts, members } = await this.cafes.run(tenantId, async (em) => ({
      hosts: await this.cafes.hosts(em, tenantId, cafe.id),
      members: await this.cafes.members(em, tenantId),
    }));
    const hostIds = new Set(hosts.map((h) => h.membershipId));
    return {
      title: t('cafes.hosts.title', { name: cafe.name }),
      hosts,
      candidates: members.filter((m) => !hostIds.has(m.id)),
    };
  }
}
