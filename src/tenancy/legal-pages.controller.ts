import { Controller, Get, Header, Render } from '@nestjs/common';
import { t } from '../i18n/i18n';
import type { LegalPageKind } from './entities/legal-page.entity';
import { LegalPagesService } from './legal-pages.service';
import { toSections } from './legal-pages.templates';
import { RequestContext } from './request-context';

/** The privacy and accessibility statements: public on every municipality's host. */
@Controller()
export class LegalPagesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly legalPages: LegalPagesService,
  ) {}

  @Get('privacy')
  @Render('legal/page')
  @Header('Cache-Control', 'no-cache')
  privacy() {
    return this.page('privacy');
  }

  @Get('toegankelijkheid')
  @Render('legal/page')
  @Header('Cache-Control', 'no-cache')
  accessibility() {
    return this.page('toegankelijkheid');
  }

  private async page(kind: LegalPageKind) {
    const text = await this.legalPages.textFor(this.ctx.tenantId, this.ctx.tenant, kind);
    return {
      title: t(`legal.${kind}.title`),
      sections: toSections(text.body),
      updatedAt: text.updatedAt,
    };
  }
}
