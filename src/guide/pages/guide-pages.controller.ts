import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '../../tenancy/request-context';
import { GuideReadingService } from './guide-reading.service';

/**
 * The guide as readers see it, on a hub: `/wegwijzer` (the themes with their questions),
 * `/wegwijzer/thema/<theme>`, `/wegwijzer/lokaal/<slug>` (the hub's own pages) and
 * `/wegwijzer/<slug>` (a general page with the hub's part; declared last). Public pages, one call
 * to GuideReadingService each.
 */
@Controller('wegwijzer')
export class GuidePagesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly reading: GuideReadingService,
  ) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    res.render('guide/pages/index', await this.reading.index(this.ctx.tenant));
  }

  @Get('thema/:theme')
  async theme(@Param('theme') theme: string, @Res() res: Response): Promise<void> {
    const page = await this.reading.theme(this.ctx.tenant, theme);
    if (!page) throw new NotFoundException();
    res.render('guide/pages/theme', page);
  }

  @Get('lokaal/:slug')
  async localPage(
    @Param('slug') slug: string,
    @Query('bedankt') thanked: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.reading.localPage(this.ctx.tenant, slug);
    if (!page) throw new NotFoundException();
    res.render('guide/pages/page', { ...page, thanked: thanked === '1' });
  }

  /** `?bedankt=1`: back from "Was dit nuttig?" (thanks instead of the question). */
  @Get(':slug')
  async generalPage(
    @Param('slug') slug: string,
    @Query('bedankt') thanked: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.reading.generalPage(this.ctx.tenant, slug);
    if (!page) throw new NotFoundException();
    res.render('guide/pages/page', { ...page, thanked: thanked === '1' });
  }
}
