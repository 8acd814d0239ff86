import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import type { LegalPageKind } from '../tenancy/entities/legal-page.entity';
import { LegalPagesService } from '../tenancy/legal-pages.service';
import { RequestContext } from '../tenancy/request-context';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { LegalPageDto } from './dto/legal-page.dto';

const EDIT_VIEW = 'admin/legal-edit';
const RESET_VIEW = 'admin/legal-reset';
const PRIVACY_TITLE = t('admin.legal.privacy.title');
const ACCESSIBILITY_TITLE = t('admin.legal.toegankelijkheid.title');

/**
 * Admins edit the privacy and accessibility statements (plain text), or go back to the generated
 * standard text. Two fixed paths per page rather than a parameter: nothing here takes an id.
 */
@Controller('beheer')
@RequireRole('tenant_admin')
export class LegalPagesAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly legalPages: LegalPagesService,
  ) {}

  @Get('privacy')
  @FormPage()
  @Render(EDIT_VIEW)
  editPrivacy() {
    return this.editView('privacy');
  }

  @Post('privacy')
  @FormSubmit(EDIT_VIEW, PRIVACY_TITLE)
  savePrivacy(@Body() dto: LegalPageDto, @Req() req: Request, @Res() res: Response) {
    return this.save('privacy', dto, req, res);
  }

  @Get('privacy/standaard')
  @FormPage()
  @Render(RESET_VIEW)
  confirmResetPrivacy() {
    return this.resetView('privacy');
  }

  @Post('privacy/standaard')
  resetPrivacy(@Req() req: Request, @Res() res: Response) {
    return this.reset('privacy', req, res);
  }

  @Get('toegankelijkheid')
  @FormPage()
  @Render(EDIT_VIEW)
  editAccessibility() {
    return this.editView('toegankelijkheid');
  }

  @Post('toegankelijkheid')
  @FormSubmit(EDIT_VIEW, ACCESSIBILITY_TITLE)
  saveAccessibility(@Body() dto: LegalPageDto, @Req() req: Request, @Res() res: Response) {
    return this.save('toegankelijkheid', dto, req, res);
  }

  @Get('toegankelijkheid/standaard')
  @FormPage()
  @Render(RESET_VIEW)
  confirmResetAccessibility() {
    return this.resetView('toegankelijkheid');
  }

  @Post('toegankelijkheid/standaard')
  resetAccessibility(@Req() req: Request, @Res() res: Response) {
    return this.reset('toegankelijkheid', req, res);
  }

  private async editView(kind: LegalPageKind) {
    const text = await this.legalPages.textFor(this.ctx.tenantId, this.ctx.tenant, kind);
    return {
      title: t(`admin.legal.${kind}.title`),
      kind,
      custom: text.custom,
      updatedAt: text.updatedAt,
      values: { body: text.body },
    };
  }

  private resetView(kind: LegalPageKind) {
    return { title: t('admin.legal.reset.title'), kind };
  }

  private async save(
    kind: LegalPageKind,
    dto: LegalPageDto,
    req: Request,
    res: Response,
  ): Promise<void> {
    await this.legalPages.save(this.ctx.tenantId, this.ctx.tenant, kind, dto.body);
    req.session.flash = t('admin.legal.saved');
    res.redirect(303, `/beheer/${kind}`);
  }

  private async reset(kind: LegalPageKind, req: Request, res: Response): Promise<void> {
    await this.legalPages.reset(this.ctx.tenantId, kind);
    req.session.flash = t('admin.legal.restored');
    res.redirect(303, `/beheer/${kind}`);
  }
}
