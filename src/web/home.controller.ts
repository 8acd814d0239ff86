import { Controller, Get, Header, NotFoundException, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { sendStoredFile } from '../files/stored-files';
import { RequestContext } from '../tenancy/request-context';
import { BrandService } from './brand.service';
import { HomePageService } from './home/home-page.service';
import { viewerOf } from './surfaces/viewer';

/** A municipality's home page, its brand stylesheet and its logo. */
@Controller()
export class HomeController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly homePage: HomePageService,
    private readonly brand: BrandService,
  ) {}

  @Get()
  @Render('home/tenant')
  home(@Req() req: Request) {
    return this.homePage.page(this.ctx.tenant, viewerOf(req.membership));
  }

  /** The tenant's colour as CSS variables: a CSP without 'unsafe-inline' forbids inline styles. */
  @Get('brand.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  brandCss(): string {
    const colour = this.ctx.tenant.brandColor;
    return `:root{--brand:${/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#1d5c8f'};}\n`;
  }

  @Get('logo')
  async logo(@Res() res: Response): Promise<void> {
    const file = await this.brand.logo(this.ctx.tenant);
    if (!file) throw new NotFoundException();
    sendStoredFile(res, file);
  }
}
