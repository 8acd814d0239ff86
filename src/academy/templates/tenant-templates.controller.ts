import { Controller, Get, NotFoundException, Param, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequireRole } from '../../auth/guards/auth.guards';
import { sendPlatformFile } from '../../files/platform-files';
import { t } from '../../i18n/i18n';
import { detailView, summaryLine } from './template-pages';
import { TemplatesService } from './templates.service';

const BASE = '/beheer/academie/sjablonen';

/**
 * The catalogue for a municipality's admin (/beheer/academie/sjablonen): the active templates,
 * each with its whole programme and materials, and the way to start a course from one.
 */
@Controller('beheer/academie/sjablonen')
@RequireRole('tenant_admin')
export class TenantTemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Render('academy/templates/list')
  async list() {
    const summaries = await this.templates.summaries(true);
    return { title: t('academy.templates.catalogue.title'), templates: summaries.map(summaryLine) };
  }

  @Get(':templateSlug')
  @Render('academy/templates/detail')
  async detail(@Param('templateSlug') slug: string) {
    const detail = await this.templates.findBySlug(slug);
    if (!detail || detail.template.status !== 'active') throw new NotFoundException();
    const template = detailView(detail, `${BASE}/${detail.template.slug}/materiaal`);
    return {
      title: detail.template.title,
      template,
      startUrl: `/beheer/academie/nieuw?sjabloon=${encodeURIComponent(detail.template.slug)}`,
    };
  }

  @Get(':templateSlug/materiaal/:materialId')
  async download(
    @Param('templateSlug') slug: string,
    @Param('materialId') materialId: string,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.templates.material(slug, materialId, true);
    if (!found) throw new NotFoundException();
    sendPlatformFile(res, found.file, found.material.filename);
  }
}
