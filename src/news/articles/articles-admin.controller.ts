/// <reference types="multer" />
import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Render,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePlatformAdmin, RequireRole } from '../../auth/guards/auth.guards';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { prepareImage } from '../../files/image-upload';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { renderMarkdown } from '../../web/content/markdown';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { pageNumber } from '../../web/page-number';
import { validateBody } from '../../web/forms/validate-body';
import { renderForm } from '../../web/html-exception.filter';
import { CheckedFileInterceptor, refusedFields, ValidatesOwnForm } from '../../web/input-guard';
import { typed } from '../../web/forms/typed';
import { articleValues, newArticleValues, parseArticleForm } from './article-form';
import {
  ARTICLE_DONE,
  ARTICLES_BASE,
  articlePath,
  DELETE_VIEW,
  FORM_VIEW,
  formPage,
  LIST_VIEW,
  listPage,
  refusalErrors,
} from './article-pages';
import {
  ARTICLE_IMAGE_USE,
  ArticleImageUploadFilter,
  MAX_IMAGE_BYTES,
  renderImageErrors,
} from './article-image-upload.filter';
import { ArticleOfUploadInterceptor } from './article-of-upload.interceptor';
import {
  GENERAL_ARTICLES,
  kindOf,
  localArticles,
  type ArticleRow,
  type ArticleScope,
} from './article-scope';
import { ArticlesService } from './articles.service';
import { ArticleImageDto, MAX_BODY } from './dto/article.dto';

/**
 * The article pages, once for both hosts: a hub's admins write its local articles at
 * /beheer/nieuws (LocalArticlesAdminController), platform admins the general ones at the same
 * path on the platform host (GeneralArticlesAdminController). The subclasses give the scope,
 * the guard and the host whose links count as the site's own; everything else is here.
 */
export abstract class ArticlesAdminBaseController {
  constructor(
    protected readonly articles: ArticlesService,
    protected readonly clock: Clock,
  ) {}

  /** Whose articles these pages show and change. */
  protected abstract scope(): ArticleScope;
  /** The hub's name for the titles (null on the platform). */
  protected abstract hubName(): string | null;
  /** The host whose links are the site's own in the preview (others get rel="noopener"). */
  protected abstract ownHost(): string | null;
  /** The admin who writes a new article (a hub's membership; null on the platform). */
  protected abstract authorOf(req: Request): string | null;

  private get kind() {
    return kindOf(this.scope());
  }

  private async find(id: string): Promise<ArticleRow> {
    const article = await this.articles.find(this.scope(), id);
    if (!article) throw new NotFoundException();
    return article;
  }

  @Get()
  @Render(LIST_VIEW)
  async list(@Query('pagina') pagina: unknown) {
    const list = await this.articles.list(this.scope(), pageNumber(pagina));
    return listPage(this.kind, this.hubName(), list, this.clock.now());
  }

  @Get('artikels/nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newArticle() {
    return formPage({
      kind: this.kind,
      article: null,
      values: newArticleValues(),
      now: this.clock.now(),
    });
  }

  @Post('artikels/nieuw')
  @FormSubmit(FORM_VIEW, () => t('news.articles.form.newTitle'))
  @ValidatesOwnForm()
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (this.previewAsked(body)) return this.preview(req, res, null, body);
    const again = (errors: Record<string, string>) =>
      this.renderAgain(req, res, null, body, errors);
    const parsed = await parseArticleForm(body);
    if (!parsed.ok) return again(parsed.errors);
    const created = await this.articles.create(this.scope(), parsed.input, this.authorOf(req));
    if (!created.ok && created.reason === 'not-found') throw new NotFoundException();
    if (!created.ok) return again(refusalErrors(this.kind, created));
    req.session.flash = t(ARTICLE_DONE.created, { title: created.article.title });
    res.redirect(303, articlePath(created.article.id));
  }

  @Get('artikels/:articleId')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('articleId') id: string) {
    const article = await this.find(id);
    return formPage({
      kind: this.kind,
      article,
      values: articleValues(article),
      now: this.clock.now(),
    });
  }

  @Post('artikels/:articleId')
  @FormSubmit(FORM_VIEW, () => t('news.articles.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('articleId') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const article = await this.find(id);
    if (this.previewAsked(body)) return this.preview(req, res, article, body);
    const again = (errors: Record<string, string>) =>
      this.renderAgain(req, res, article, body, errors);
    const parsed = await parseArticleForm(body);
    if (!parsed.ok) return again(parsed.errors);
    const saved = await this.articles.update(this.scope(), article.id, parsed.input);
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundException();
    if (!saved.ok) return again(refusalErrors(this.kind, saved));
    req.session.flash = t(ARTICLE_DONE.saved, { title: saved.article.title });
    res.redirect(303, articlePath(saved.article.id));
  }

  /** Multipart: the CSRF token comes in the query string (the CSRF check runs before multer). */
  @Post('artikels/:articleId/beeld')
  @UseFilters(ArticleImageUploadFilter)
  @UseInterceptors(
    ArticleOfUploadInterceptor,
    CheckedFileInterceptor('image', {
      limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 5 },
    }),
  )
  async uploadImage(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = req.newsArticle!;
    const { article } = found;
    const valid = await validateBody(ArticleImageDto, req.body);
    const errors: Record<string, string> = {};
    let image: { contentType: string; content: Buffer } | null = null;
    if (file && file.size > 0) {
      const prepared = await prepareImage(file.buffer, ARTICLE_IMAGE_USE);
      if (prepared.ok) image = prepared;
      else errors.image = prepared.message;
    } else if (!article.imageFileId) {
      errors.image = ARTICLE_IMAGE_USE.messages.missing;
    }
    if (!valid.ok) Object.assign(errors, valid.errors);
    if (!valid.ok || Object.keys(errors).length > 0)
      return renderImageErrors(req, res, found, errors, this.clock.now());
    if (!(await this.articles.setImage(this.scope(), article.id, image, valid.dto.imageAlt)))
      return renderImageErrors(
        req,
        res,
        found,
        { image: ARTICLE_IMAGE_USE.messages.missing },
        this.clock.now(),
      );
    req.session.flash = t(ARTICLE_DONE.imageSaved, { title: article.title });
    res.redirect(303, `${articlePath(article.id)}#afbeelding`);
  }

  @Post('artikels/:articleId/beeld/verwijderen')
  async removeImage(
    @Param('articleId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const article = await this.find(id);
    if (await this.articles.removeImage(this.scope(), article.id))
      req.session.flash = t(ARTICLE_DONE.imageRemoved, { title: article.title });
    res.redirect(303, `${articlePath(article.id)}#afbeelding`);
  }

  @Get('artikels/:articleId/verwijderen')
  @FormPage()
  @Render(DELETE_VIEW)
  async confirmDelete(@Param('articleId') id: string) {
    const article = await this.find(id);
    return {
      title: t('news.articles.delete.title', { title: article.title }),
      article: { id: article.id, title: article.title, href: articlePath(article.id) },
    };
  }

  @Post('artikels/:articleId/verwijderen')
  async remove(
    @Param('articleId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const removed = await this.articles.remove(this.scope(), id);
    if (!removed) throw new NotFoundException();
    req.session.flash = t(ARTICLE_DONE.deleted, { title: removed.title });
    res.redirect(303, ARTICLES_BASE);
  }

  /** "Voorbeeld bekijken": the button's name and value came with the form. */
  private previewAsked(body: Record<string, unknown>): boolean {
    return body.actie === 'voorbeeld';
  }

  /**
   * The form again with the body rendered above it (renderMarkdown, the one renderer), nothing
   * saved, every typed value kept. Input the guard refused (a control character, a field given
   * twice) and a body over the limit are shown as errors instead.
   */
  private preview(
    req: Request,
    res: Response,
    article: ArticleRow | null,
    body: Record<string, unknown>,
  ): void {
    const source = typed(body, 'body').replace(/\r\n?/g, '\n');
    const errors: Record<string, string> = { ...refusedFields(body) };
    if (source.length > MAX_BODY && !errors.body)
      errors.body = t('news.articles.error.bodyTooLong', { max: MAX_BODY });
    if (Object.keys(errors).length > 0) return this.renderAgain(req, res, article, body, errors);
    const html = renderMarkdown(source, { ownHost: this.ownHost() });
    const page = formPage({
      kind: this.kind,
      article,
      values: body,
      now: this.clock.now(),
      preview: html,
    });
    const { values: _typed, ...extra } = page;
    renderForm(req, res, { view: FORM_VIEW, title: page.title }, {}, extra, 200);
  }

  /** The form again with errors and what was typed (renderForm puts the typed values back). */
  private renderAgain(
    req: Request,
    res: Response,
    article: ArticleRow | null,
    body: Record<string, unknown>,
    errors: Record<string, string>,
  ): void {
    const page = formPage({ kind: this.kind, article, values: body, now: this.clock.now() });
    const { values: _typed, ...extra } = page;
    renderForm(req, res, { view: FORM_VIEW, title: page.title }, errors, extra);
  }
}

/** /beheer/nieuws on a hub: its admins write the municipality's own articles. */
@Controller('beheer/nieuws')
@RequireRole('tenant_admin')
export class LocalArticlesAdminController extends ArticlesAdminBaseController {
  constructor(
    articles: ArticlesService,
    clock: Clock,
    private readonly ctx: RequestContext,
    private readonly config: AppConfig,
  ) {
    super(articles, clock);
  }

  protected scope(): ArticleScope {
    return localArticles(this.ctx.tenantId);
  }

  protected hubName(): string {
    return this.ctx.tenant.name;
  }

  protected ownHost(): string {
    return new URL(this.config.originFor(this.ctx.tenant.slug)).hostname;
  }

  protected authorOf(req: Request): string | null {
    return req.membership?.id ?? null;
  }
}

/** /beheer/nieuws on the platform host: platform admins write the general articles, on every hub. */
@Controller('_platform/beheer/nieuws')
@RequirePlatformAdmin()
export class GeneralArticlesAdminController extends ArticlesAdminBaseController {
  constructor(articles: ArticlesService, clock: Clock) {
    super(articles, clock);
  }

  protected scope(): ArticleScope {
    return GENERAL_ARTICLES;
  }

  protected hubName(): null {
    return null;
  }

  /** A general article shows on every hub: every absolute link counts as another site's. */
  protected ownHost(): null {
    return null;
  }

  protected authorOf(): null {
    return null;
  }

  /** The image on the platform's own pages (the hubs serve it at /nieuws/beeld/algemeen/<id>). */
  @Get('artikels/:articleId/beeld')
  async image(@Param('articleId') id: string, @Res() res: Response): Promise<void> {
    const image = await this.articles.image(GENERAL_ARTICLES, id, true);
    if (!image) throw new NotFoundException();
    res.set({
      'Content-Type': image.contentType,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.send(image.content);
  }
}
