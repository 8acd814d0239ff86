import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  NotFoundException,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap } from 'rxjs';
import { RequestContext } from '../../tenancy/request-context';
import {
  GENERAL_ARTICLES,
  localArticles,
  type ArticleRow,
  type ArticleScope,
} from './article-scope';
import { ArticlesService } from './articles.service';

declare module 'express-serve-static-core' {
  interface Request {
    /** The article of an image upload and its scope, found before multer reads the body. */
    newsArticle?: { scope: ArticleScope; article: ArticleRow };
  }
}

/** The articles of this request's host: the hub's own, or the platform's general ones. */
export function scopeOfSite(ctx: RequestContext): ArticleScope {
  return ctx.site?.kind === 'tenant' ? localArticles(ctx.tenantId) : GENERAL_ARTICLES;
}

/**
 * Before multer reads an image upload: finds the article of `:articleId` in this host's scope
 * (404 when there is none, before any byte is read), so a refused upload can show its page again.
 */
@Injectable()
export class ArticleOfUploadInterceptor implements NestInterceptor {
  constructor(
    private readonly ctx: RequestContext,
    private readonly articles: ArticlesService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const req = context.switchToHttp().getRequest<Request>();
    const scope = scopeOfSite(this.ctx);
    return from(this.articles.find(scope, String(req.params.articleId ?? ''))).pipe(
      switchMap((article) => {
        if (!article) throw new NotFoundException();
        req.newsArticle = { scope, article };
        return next.handle();
      }),
    );
  }
}
