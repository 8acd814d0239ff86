import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePlatformAdmin, RequireRole } from '../../auth/guards/auth.guards';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { renderMarkdown } from '../../web/content/markdown';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { typed } from '../../web/forms/typed';
import { validateBody } from '../../web/forms/validate-body';
import { renderForm } from '../../web/html-exception.filter';
import { refusedFields, ValidatesOwnForm } from '../../web/input-guard';
import { LocalPartDto } from './dto/premium.dto';
import { MAX_BODY } from './dto/guide-page.dto';
import {
  DELETE_VIEW,
  FORM_VIEW,
  GUIDE_ADMIN_BASE,
  LIST_VIEW,
  listLine,
  LOCAL_PART_VIEW,
  localPartPath,
  pageFormPage,
  pagePath,
  PREMIUM_PATH,
  FEEDBACK_VIEW,
  PREMIUM_VIEW,
  refusalErrors,
} from './guide-admin-pages';
import { GuideLocalService, type PageWithLocalPart } from './guide-local.service';
import {
  listOf,
  newPageValues,
  ORGANISATIONS_FIELD,
  pageValues,
  parseGuidePageForm,
} from './guide-page-form';
import {
  GENERAL_GUIDE,
  isGeneral,
  localGuide,
  publicPagePath,
  type GuidePageRow,
  type GuideScope,
} from './guide-page-scope';
import { GuidePagesService } from './guide-pages.service';
import { GuideVotesService } from './guide-votes.service';
import { parsePremiumForm, premiumValues } from './premium-form';

/**
 * The page editor, once for both hosts: a hub's admins write its own pages at
 * /beheer/wegwijzer/paginas (LocalGuideAdminController, which also has the local parts and the
 * premium), platform admins the general pages at the same path on the platform host
 * (GeneralGuideAdminController). The subclasses give the scope, the guard and the list page.
 */
export abstract class GuideAdminBaseController {
  constructor(
    protected readonly pages: GuidePagesService,
    protected readonly clock: Clock,
  ) {}

  /** Whose pages these are. */
  protected abstract scope(): GuideScope;
  /** The host whose links are the site's own in the preview (null on the platform: every hub's). */
  protected abstract ownHost(): string | null;

  private get general() {
    return isGeneral(this.scope());
  }

  private async find(id: string): Promise<GuidePageRow> {
    const page = await this.pages.find(this.scope(), id);
    if (!page) throw new NotFoundException();
    return page;
  }

  @Get('paginas/nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  async newPage() {
    return pageFormPage({
      general: this.general,
      page: null,
      values: newPageValues(this.clock.now()),
      related: await this.pages.relatedOptions(this.scope()),
    });
  }

  @Post('paginas/nieuw')
  @FormSubmit(FORM_VIEW, () => t('guide.pages.form.newTitle'))
  @ValidatesOwnForm()
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (body.actie === 'voorbeeld') return this.preview(req, res, null, body);
    const parsed = await parseGuidePageForm(body, this.clock.now());
    if (!parsed.ok) return this.renderAgain(req, res, null, body, parsed.errors);
    const created = await this.pages.create(this.scope(), parsed.input);
    if (!created.ok && created.reason === 'not-found') throw new NotFoundException();
    if (!created.ok) return this.renderAgain(req, res, null, body, refusalErrors(created));
    req.session.flash = t('guide.pages.done.created', { title: created.page.title });
    res.redirect(303, pagePath(created.page.id));
  }

  @Get('paginas/:pageId')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('pageId') id: string) {
    const page = await this.find(id);
    return pageFormPage({
      general: this.general,
      page,
      values: pageValues(page),
      related: await this.pages.relatedOptions(this.scope(), page.id),
    });
  }

  @Post('paginas/:pageId')
  @FormSubmit(FORM_VIEW, () => t('guide.pages.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('pageId') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.find(id);
    if (body.actie === 'voorbeeld') return this.preview(req, res, page, body);
    const parsed = await parseGuidePageForm(body, this.clock.now());
    if (!parsed.ok) return this.renderAgain(req, res, page, body, parsed.errors);
    const saved = await this.pages.update(this.scope(), page.id, parsed.input);
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundException();
    if (!saved.ok) return this.renderAgain(req, res, page, body, refusalErrors(saved));
    req.session.flash = t('guide.pages.done.saved', { title: saved.page.title });
    res.redirect(303, pagePath(saved.page.id));
  }

  @Get('paginas/:pageId/verwijderen')
  @FormPage()
  @Render(DELETE_VIEW)
  async confirmDelete(@Param('pageId') id: string) {
    const page = await this.find(id);
    return {
      title: t('guide.pages.delete.title', { title: page.title }),
      lead: t(this.general ? 'guide.pages.delete.leadGeneral' : 'guide.pages.delete.lead'),
      page: { title: page.title, href: pagePath(page.id) },
    };
  }

  @Post('paginas/:pageId/verwijderen')
  async remove(
    @Param('pageId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const removed = await this.pages.remove(this.scope(), id);
    if (!removed) throw new NotFoundException();
    req.session.flash = t('guide.pages.done.deleted', { title: removed.title });
    res.redirect(303, GUIDE_ADMIN_BASE);
  }

  /**
   * The form again with the body rendered above it (renderMarkdown, the one renderer), nothing
   * saved, every typed value kept; refused input and a body over the limit as errors instead.
   */
  private async preview(
    req: Request,
    res: Response,
    page: GuidePageRow | null,
    body: Record<string, unknown>,
  ): Promise<void> {
    const source = typed(body, 'body').replace(/\r\n?/g, '\n');
    const errors: Record<string, string> = { ...refusedFields(body) };
    if (source.length > MAX_BODY && !errors.body)
      errors.body = t('guide.pages.error.bodyTooLong', { max: MAX_BODY });
    if (Object.keys(errors).length > 0) return this.renderAgain(req, res, page, body, errors);
    const html = renderMarkdown(source, { ownHost: this.ownHost() });
    await this.renderAgain(req, res, page, body, {}, html);
  }

  /** The form again with errors (or the preview) and what was typed. */
  private async renderAgain(
    req: Request,
    res: Response,
    page: GuidePageRow | null,
    body: Record<string, unknown>,
    errors: Record<string, string>,
    preview?: string,
  ): Promise<void> {
    const view = pageFormPage({
      general: this.general,
      page,
      values: body,
      related: await this.pages.relatedOptions(this.scope(), page?.id ?? null),
      preview,
    });
    const { values: _typed, ...extra } = view;
    renderForm(
      req,
      res,
      { view: FORM_VIEW, title: view.title },
      errors,
      extra,
      preview ? 200 : 400,
    );
  }
}

/**
 * /beheer/wegwijzer on a hub: the general pages with the hub's local part under each, the hub's
 * own pages, and its mantelzorgpremie.
 */
@Controller('beheer/wegwijzer')
@RequireRole('tenant_admin')
export class LocalGuideAdminController extends GuideAdminBaseController {
  constructor(
    pages: GuidePagesService,
    clock: Clock,
    private readonly local: GuideLocalService,
    private readonly votes: GuideVotesService,
    private readonly ctx: RequestContext,
    private readonly config: AppConfig,
  ) {
    super(pages, clock);
  }

  /** What readers answered under the hub's own pages (a general page's answers are the platform's). */
  @Get('reacties')
  @Render(FEEDBACK_VIEW)
  async feedback() {
    return {
      title: t('guide.admin.feedback.titleHub', { hub: this.ctx.tenant.name }),
      lead: t('guide.admin.feedback.leadHub'),
      base: GUIDE_ADMIN_BASE,
      ...(await this.votes.local(this.ctx.tenantId)),
    };
  }

  protected scope(): GuideScope {
    return localGuide(this.ctx.tenantId);
  }

  protected ownHost(): string {
    return new URL(this.config.originFor(this.ctx.tenant.slug)).hostname;
  }

  @Get()
  @Render(LIST_VIEW)
  async list() {
    const tenantId = this.ctx.tenantId;
    const own = await this.pages.list(this.scope());
    const general = await this.pages.list(GENERAL_GUIDE);
    const withPart = await this.local.pagesWithPart(tenantId);
    const premium = await this.local.premium(tenantId);
    return {
      title: t('guide.admin.list.title', { hub: this.ctx.tenant.name }),
      general: false,
      hubName: this.ctx.tenant.name,
      base: GUIDE_ADMIN_BASE,
      pages: own.map((row) => listLine(false, row)),
      reviewDue: own.filter((row) => row.reviewDue).length,
      generalPages: general
        .filter((row) => row.status === 'published')
        .map((row) => ({
          title: row.title,
          themeLabel: listLine(true, row).themeLabel,
          publicHref: publicPagePath(true, row.slug),
          partHref: localPartPath(row.id),
          hasPart: withPart.has(row.id),
        })),
      premium: {
        href: PREMIUM_PATH,
        summary: premium
          ? t(premium.offered ? 'guide.premium.summary.offered' : 'guide.premium.summary.none')
          : t('guide.premium.summary.unknown'),
      },
    };
  }

  @Get('aanvulling/:pageId')
  @FormPage()
  @Render(LOCAL_PART_VIEW)
  async localPart(@Param('pageId') pageId: string) {
    const found = await this.local.localPart(this.ctx.tenantId, pageId);
    if (!found) throw new NotFoundException();
    return this.localPartPage(found, { body: found.part?.body ?? '' }, found.linked);
  }

  @Post('aanvulling/:pageId')
  @FormSubmit(LOCAL_PART_VIEW, () => t('guide.local.titleShort'))
  @ValidatesOwnForm()
  async saveLocalPart(
    @Param('pageId') pageId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.local.localPart(this.ctx.tenantId, pageId);
    if (!found) throw new NotFoundException();
    const chosen = listOf(body, ORGANISATIONS_FIELD);
    const again = (errors: Record<string, string>, preview?: string) => {
      const { values: _typed, ...extra } = this.localPartPage(found, body, chosen, preview);
      renderForm(
        req,
        res,
        { view: LOCAL_PART_VIEW, title: extra.title },
        errors,
        extra,
        preview === undefined ? 400 : 200,
      );
    };
    // The organisations' boxes (`organisations[]`) are checked by the service, the text here.
    const { [ORGANISATIONS_FIELD]: _chosen, ...fields } = body;
    const valid = await validateBody(LocalPartDto, fields);
    const refused = refusedFields(body);
    if (!valid.ok || refused) return again({ ...(valid.ok ? {} : valid.errors), ...refused });
    if (valid.dto.actie === 'voorbeeld')
      return again({}, renderMarkdown(valid.dto.body, { ownHost: this.ownHost() }));
    const saved = await this.local.saveLocalPart(
      this.ctx.tenantId,
      found.page.id,
      valid.dto.body,
      chosen,
    );
    if (saved === 'not-found') throw new NotFoundException();
    if (saved === 'unknown-organisation')
      return again({ organisations: t('guide.local.error.organisations') });
    req.session.flash = t(
      saved === 'saved' ? 'guide.local.done.saved' : 'guide.local.done.removed',
      {
        title: found.page.title,
      },
    );
    res.redirect(303, GUIDE_ADMIN_BASE);
  }

  @Get('premie')
  @FormPage()
  @Render(PREMIUM_VIEW)
  async premium() {
    return this.premiumPage(premiumValues(await this.local.premium(this.ctx.tenantId)));
  }

  @Post('premie')
  @FormSubmit(PREMIUM_VIEW, () => t('guide.premium.title', { hub: '' }))
  @ValidatesOwnForm()
  async savePremium(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const parsed = await parsePremiumForm(body);
    if (!parsed.ok) {
      const { values: _typed, ...extra } = this.premiumPage(body);
      return renderForm(req, res, { view: PREMIUM_VIEW, title: extra.title }, parsed.errors, extra);
    }
    await this.local.savePremium(this.ctx.tenantId, parsed.input);
    req.session.flash = t('guide.premium.done.saved');
    res.redirect(303, GUIDE_ADMIN_BASE);
  }

  private localPartPage(
    found: PageWithLocalPart,
    values: Record<string, unknown>,
    chosen: string[],
    preview?: string,
  ) {
    const { page } = found;
    const ticked = new Set(chosen);
    return {
      organisations: found.organisations.map((o, i) => ({
        ...o,
        field: `organisation-${i}`,
        checked: ticked.has(o.id),
      })),
      title: t('guide.local.title', { title: page.title }),
      base: GUIDE_ADMIN_BASE,
      action: localPartPath(page.id),
      hub: this.ctx.tenant.name,
      page: {
        title: page.title,
        answer: page.answer,
        publicHref: page.status === 'published' ? publicPagePath(true, page.slug) : null,
      },
      values,
      preview: preview === undefined ? null : { html: preview },
    };
  }

  private premiumPage(values: Record<string, unknown>) {
    const offered = typed(values, 'offered');
    const period = typed(values, 'period');
    return {
      title: t('guide.premium.title', { hub: this.ctx.tenant.name }),
      base: GUIDE_ADMIN_BASE,
      action: PREMIUM_PATH,
      values,
      offeredYes: offered === 'ja',
      offeredNo: offered === 'nee',
      periods: ['maand', 'jaar'].map((value) => ({
        value,
        label: t(`guide.premium.period.${value}`),
        checked: period === value,
      })),
    };
  }
}

/** /beheer/wegwijzer on the platform host: platform admins write the general pages, on every hub. */
@Controller('_platform/beheer/wegwijzer')
@RequirePlatformAdmin()
export class GeneralGuideAdminController extends GuideAdminBaseController {
  constructor(
    pages: GuidePagesService,
    clock: Clock,
    private readonly votes: GuideVotesService,
  ) {
    super(pages, clock);
  }

  protected scope(): GuideScope {
    return GENERAL_GUIDE;
  }

  /** What readers on every hub answered under the general pages, with the hub of each comment. */
  @Get('reacties')
  @Render(FEEDBACK_VIEW)
  async feedback() {
    return {
      title: t('guide.admin.feedback.title'),
      lead: t('guide.admin.feedback.lead'),
      base: GUIDE_ADMIN_BASE,
      ...(await this.votes.general()),
    };
  }

  /** A general page shows on every hub: every absolute link counts as another site's. */
  protected ownHost(): null {
    return null;
  }

  @Get()
  @Render(LIST_VIEW)
  async list() {
    const pages = await this.pages.list(GENERAL_GUIDE);
    return {
      title: t('guide.admin.list.titleGeneral'),
      general: true,
      base: GUIDE_ADMIN_BASE,
      pages: pages.map((row) => listLine(true, row)),
      reviewDue: pages.filter((row) => row.reviewDue).length,
    };
  }
}
