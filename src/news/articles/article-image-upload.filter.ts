import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  Injectable,
  NotFoundException,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { Clock } from '../../common/clock';
import { uploadRefusalMessage, type ImageUse } from '../../files/image-upload';
import { lazyStrings } from '../../i18n/i18n';
import { generateCsrfToken } from '../../web/csrf';
import { RefusedInputException } from '../../web/input-guard';
import { articleValues } from './article-form';
import { FORM_VIEW, imageErrorsPage } from './article-pages';
import { kindOf, type ArticleRow, type ArticleScope } from './article-scope';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * An article's image: at most 5 MB uploaded (PNG, JPEG or WebP, known from its bytes), stored
 * as a JPEG at most 1600×1200 without metadata: the café photo's use, with the news's words.
 */
export const ARTICLE_IMAGE_USE: ImageUse = {
  maxBytes: MAX_IMAGE_BYTES,
  maxWidth: 1600,
  maxHeight: 1200,
  output: 'jpeg',
  messages: lazyStrings('news.articles.image.error', [
    'missing',
    'tooLarge',
    'wrongType',
    'unreadable',
    'notReceived',
  ]),
};

/** The article's edit page again, with errors on the image form (the article form keeps its stored values). */
export function renderImageErrors(
  req: Request,
  res: Response,
  found: { scope: ArticleScope; article: ArticleRow },
  errors: Record<string, string>,
  now: Date,
  status = 400,
): void {
  const { scope, article } = found;
  res.status(status).render(FORM_VIEW, {
    ...imageErrorsPage(
      kindOf(scope),
      article,
      articleValues(article),
      req.body as Record<string, unknown> | undefined,
      errors,
      now,
    ),
    csrfToken: generateCsrfToken(req),
  });
}

/**
 * Multer's own refusals (a file over 5 MB, a second file, a wrong field) and refused text fields
 * become an error on the image form of the article's page, in Dutch, never a bare 413 or 400.
 * The article was found before multer ran (ArticleOfUploadInterceptor): another hub's is a 404.
 */
@Catch(PayloadTooLargeException, BadRequestException, RefusedInputException)
@Injectable()
export class ArticleImageUploadFilter implements ExceptionFilter {
  constructor(private readonly clock: Clock) {}

  catch(
    exception: PayloadTooLargeException | BadRequestException | RefusedInputException,
    host: ArgumentsHost,
  ): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (!req.newsArticle) throw new NotFoundException();
    if (exception instanceof RefusedInputException)
      return renderImageErrors(
        req,
        res,
        req.newsArticle,
        exception.refused.errors,
        this.clock.now(),
        exception.refused.status,
      );
    renderImageErrors(
      req,
      res,
      req.newsArticle,
      { image: uploadRefusalMessage(exception, ARTICLE_IMAGE_USE.messages) },
      this.clock.now(),
      exception instanceof PayloadTooLargeException ? 413 : 400,
    );
  }
}
