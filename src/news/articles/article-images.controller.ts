import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext } from '../../tenancy/request-context';
import { GENERAL_ARTICLES, localArticles, type ArticleScope } from './article-scope';
import { ArticlesService, type ArticleImage } from './articles.service';

/**
 * An article's image on a hub: `/nieuws/beeld/<id>` for the hub's own article (when it shows,
 * or to the hub's admins, whose edit page shows it before it does) and `/nieuws/beeld/algemeen/<id>`
 * for a general one (on every hub, when it shows; the platform's admins see theirs on the
 * platform host). Another hub's article, a draft or an article without image: 404, the same
 * answer as for no article at all. (articleImageUrl builds these addresses.)
 */
@Controller('nieuws/beeld')
export class ArticleImagesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly articles: ArticlesService,
  ) {}

  @Get('algemeen/:articleId')
  async general(@Param('articleId') id: string, @Res() res: Response): Promise<void> {
    await this.send(res, GENERAL_ARTICLES, id, false);
  }

  @Get(':articleId')
  async local(
    @Param('articleId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const admin = req.membership?.role === 'tenant_admin';
    await this.send(res, localArticles(this.ctx.tenantId), id, admin);
  }

  private async send(
    res: Response,
    scope: ArticleScope,
    id: string,
    asAdmin: boolean,
  ): Promise<void> {
    const image = await this.articles.image(scope, id, asAdmin);
    if (!image) throw new NotFoundException();
    sendArticleImage(res, image, asAdmin);
  }
}

/**
 * Sends an image with the type it was stored as, never sniffed as another. Anyone's copy may
 * be kept a few minutes (the address stays the same when an admin replaces the image); what an
 * admin sees before the article shows is kept by nobody.
 */
function sendArticleImage(res: Response, image: ArticleImage, asAdmin: boolean): void {
  res.set({
    'Content-Type': image.contentType,
    'Cache-Control': asAdmin ? 'private, no-store' : 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(image.content);
}
