/// <reference types="multer" />
import {
  Body,
  Controller,
  Get,
  Post,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../auth/guards/auth.guards';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { contrastRatio, MIN_BRAND_CONTRAST } from '../web/contrast';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { BrandingService } from './branding.service';
import { BRANDING_FORM, brandingValues } from './branding.view';
import { BrandingDto } from './dto/branding.dto';
import { MAX_LOGO_BYTES, prepareLogo } from './logo-image';
import { LogoUploadErrorFilter } from './upload-error.filter';
import { CheckedFileInterceptor } from '../web/input-guard';

/** "2,5": Dutch decimal comma, rounded down so a refused colour never shows as 4,5. */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 10) / 10).toFixed(1).replace('.', ',');
}

export function contrastMessage(colour: string, ratio: number): string {
  return (
    `De kleur ${colour} is te licht: witte tekst erop haalt maar een contrast van ` +
    `${formatRatio(ratio)} tegen 1. Er is minstens ${formatRatio(MIN_BRAND_CONTRAST)} tegen 1 nodig, ` +
    'zodat iedereen de kopbalk en de knoppen goed kan lezen. Daarom: kies een donkerdere kleur.'
  );
}

/** Name, colour and logo of the municipality. */
@Controller('beheer/huisstijl')
@RequireRole('tenant_admin')
export class BrandingController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly branding: BrandingService,
  ) {}

  @Get()
  @FormPage()
  @Render(BRANDING_FORM.view)
  page() {
    return { title: BRANDING_FORM.title, values: brandingValues(this.ctx.tenant) };
  }

  @Post()
  @FormSubmit(BRANDING_FORM.view, BRANDING_FORM.title)
  async save(@Body() dto: BrandingDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const typed = Boolean(dto.brandColorText);
    const colour = typed ? dto.brandColorText! : dto.brandColor;
    const ratio = contrastRatio(colour, '#ffffff');
    if (ratio < MIN_BRAND_CONTRAST) {
      renderForm(req, res, BRANDING_FORM, {
        [typed ? 'brandColorText' : 'brandColor']: contrastMessage(colour, ratio),
      });
      return;
    }
    await this.branding.update(this.ctx.tenantId, { name: dto.name, brandColor: colour });
    req.session.flash = t('admin.branding.saved');
    res.redirect(303, '/beheer/huisstijl');
  }

  /** Multipart: the CSRF token comes in the query string (the CSRF check runs before multer). */
  @Post('logo')
  @UseFilters(LogoUploadErrorFilter)
  @UseInterceptors(
    CheckedFileInterceptor('logo', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 5 } }),
  )
  async uploadLogo(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await prepareLogo(file?.buffer ?? Buffer.alloc(0));
    if (!result.ok) {
      renderForm(
        req,
        res,
        BRANDING_FORM,
        { logo: result.message },
        { values: brandingValues(this.ctx.tenant) },
      );
      return;
    }
    await this.branding.replaceLogo(this.ctx.tenantId, result);
    req.session.flash = t('admin.branding.logo.saved');
    res.redirect(303, '/beheer/huisstijl');
  }

  @Post('logo/verwijderen')
  async removeLogo(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.branding.removeLogo(this.ctx.tenantId);
    req.session.flash = t('admin.branding.logo.removed');
    res.redirect(303, '/beheer/huisstijl');
  }
}
