import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RequestContext } from '../../tenancy/request-context';
import { NewsPagesService, type NewsListQuery } from './news-pages.service';

/**
 * The news as readers see it, on a hub: `/nieuws` (local and general mixed, pinned first,
 * `?soort=lokaal|algemeen`, `?pagina=`), `/nieuws.rss`, and `/nieuws/<slug>` (declared last, after
 * the admin pages' and images' fixed paths of the other parts). Each request is one call to
 * NewsPagesService. Nothing depends on who reads: the pages are public.
 */
@Controller()
export class NewsPagesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly pages: NewsPagesService,
  ) {}

  @Get('nieuws')
  async list(@Query() query: NewsListQuery, @Res() res: Response): Promise<void> {
    res.render('news/pages/list', await this.pages.list(this.ctx.tenant, query));
  }

  @Get('nieuws.rss')
  async rss(@Res() res: Response): Promise<void> {
    const xml = await this.pages.rss(this.ctx.tenant);
    res.setHeader('Content-Type', 'application/rss+xml; charset=utf-8');
    res.send(xml);
  }

  @Get('nieuws/:slug')
  async item(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const page = await this.pages.item(this.ctx.tenant, slug);
    if (!page) throw new NotFoundException();
    res.render('news/pages/item', page);
  }
}
