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
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequirePlatformAdmin, RequireRole } from '../../auth/guards/auth.guards';
import { Clock } from '../../common/clock';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { ValidatesOwnForm } from '../../web/input-guard';
import { pageNumber } from '../../web/page-number';
import { feedValues, newFeedValues, parseFeedForm } from './feed-form';
import {
  DELETE_VIEW,
  deletePage,
  FEED_DONE,
  FEEDS_BASE,
  feedPath,
  FORM_VIEW,
  formPage,
  ITEMS_VIEW,
  itemsPage,
  LIST_VIEW,
  listPage,
  refusalErrors,
  type FeedKind,
} from './feed-pages';
import { GENERAL_FEEDS, localFeeds, type FeedScope } from './feed-scope';
import { FeedsService, type FeedRow } from './feeds.service';

/**
 * The feed pages, once for both hosts: a hub's admins keep its local feeds at
 * /beheer/nieuws/feeds (LocalFeedsAdminController), platform admins the general ones at the same
 * path on the platform host (GeneralFeedsAdminController). The subclasses give the scope, the
 * guard and the hub's name; everything else is here.
 */
export abstract class FeedsAdminBaseController {
  constructor(
    protected readonly feeds: FeedsService,
    protected readonly clock: Clock,
  ) {}

  /** Whose feeds these pages show and change. */
  protected abstract scope(): FeedScope;
  /** The hub's name for the titles (null on the platform). */
  protected abstract hubName(): string | null;

  private get kind(): FeedKind {
    return this.scope().tenantId === null ? 'general' : 'local';
  }

  private async find(id: string): Promise<FeedRow> {
    const feed = await this.feeds.find(this.scope(), id);
    if (!feed) throw new NotFoundException();
    return feed;
  }

  @Get()
  @Render(LIST_VIEW)
  async list() {
    const rows = await this.feeds.list(this.scope());
    return listPage(this.kind, this.hubName(), rows, this.clock.now());
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  newFeed() {
    return formPage({
      kind: this.kind,
      feed: null,
      values: newFeedValues(),
      now: this.clock.now(),
    });
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('news.feeds.form.newTitle'))
  @ValidatesOwnForm()
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const again = (errors: Record<string, string>) => this.renderAgain(req, res, null, errors);
    const parsed = await parseFeedForm(body);
    if (!parsed.ok) return again(parsed.errors);
    const created = await this.feeds.create(this.scope(), parsed.input);
    if (!created.ok && created.reason === 'not-found') throw new NotFoundException();
    if (!created.ok) return again(refusalErrors(created));
    req.session.flash = t(FEED_DONE.created, { name: created.feed.name });
    res.redirect(303, feedPath(created.feed.id));
  }

  @Get(':feedId')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('feedId') id: string) {
    const feed = await this.find(id);
    return formPage({ kind: this.kind, feed, values: feedValues(feed), now: this.clock.now() });
  }

  @Post(':feedId')
  @FormSubmit(FORM_VIEW, () => t('news.feeds.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('feedId') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const feed = await this.find(id);
    const again = (errors: Record<string, string>) => this.renderAgain(req, res, feed, errors);
    const parsed = await parseFeedForm(body);
    if (!parsed.ok) return again(parsed.errors);
    const saved = await this.feeds.update(this.scope(), feed.id, parsed.input);
    if (!saved.ok && saved.reason === 'not-found') throw new NotFoundException();
    if (!saved.ok) return again(refusalErrors(saved));
    req.session.flash = t(FEED_DONE.saved, { name: saved.feed.name });
    res.redirect(303, feedPath(saved.feed.id));
  }

  /** "Nu vernieuwen": due now, off the slow schedule, its refresh enqueued. */
  @Post(':feedId/vernieuwen')
  async refresh(
    @Param('feedId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const feed = await this.feeds.refreshNow(this.scope(), id);
    if (!feed) throw new NotFoundException();
    req.session.flash = t(feed.enabled ? FEED_DONE.refresh : FEED_DONE.refreshOff, {
      name: feed.name,
    });
    res.redirect(303, `${feedPath(feed.id)}#gezondheid`);
  }

  @Get(':feedId/berichten')
  @FormPage()
  @Render(ITEMS_VIEW)
  async items(@Param('feedId') id: string, @Query('pagina') page: unknown) {
    const found = await this.feeds.items(this.scope(), id, pageNumber(page));
    if (!found) throw new NotFoundException();
    return itemsPage(found.feed, found.items, found.page, found.pages, this.kind === 'local');
  }

  @Post(':feedId/berichten/:itemId/verbergen')
  hide(
    @Param('feedId') feedId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setHidden(feedId, itemId, true, body, req, res);
  }

  @Post(':feedId/berichten/:itemId/tonen')
  show(
    @Param('feedId') feedId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setHidden(feedId, itemId, false, body, req, res);
  }

  @Get(':feedId/verwijderen')
  @FormPage()
  @Render(DELETE_VIEW)
  async confirmDelete(@Param('feedId') id: string) {
    return deletePage(await this.find(id));
  }

  @Post(':feedId/verwijderen')
  async remove(
    @Param('feedId') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const removed = await this.feeds.remove(this.scope(), id);
    if (!removed) throw new NotFoundException();
    req.session.flash = t(FEED_DONE.deleted, { name: removed.name });
    res.redirect(303, FEEDS_BASE);
  }

  private async setHidden(
    feedId: string,
    itemId: string,
    hidden: boolean,
    body: Record<string, unknown>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const item = await this.feeds.setItemHidden(this.scope(), feedId, itemId, hidden);
    if (!item) throw new NotFoundException();
    req.session.flash = t(hidden ? FEED_DONE.hidden : FEED_DONE.shown, { title: item.title });
    const page = pageNumber(body.pagina);
    res.redirect(303, `${feedPath(feedId, '/berichten')}${page > 1 ? `?pagina=${page}` : ''}`);
  }

  /** The form again with errors and what was typed (renderForm puts the typed values back). */
  private renderAgain(
    req: Request,
    res: Response,
    feed: FeedRow | null,
    errors: Record<string, string>,
  ): void {
    const page = formPage({
      kind: this.kind,
      feed,
      values: (req.body ?? {}) as Record<string, unknown>,
      now: this.clock.now(),
    });
    const { values: _typed, ...extra } = page;
    renderForm(req, res, { view: FORM_VIEW, title: page.title }, errors, extra);
  }
}

/** /beheer/nieuws/feeds on a hub: its admins keep the municipality's own feeds. */
@Controller('beheer/nieuws/feeds')
@RequireRole('tenant_admin')
export class LocalFeedsAdminController extends FeedsAdminBaseController {
  constructor(
    feeds: FeedsService,
    clock: Clock,
    private readonly ctx: RequestContext,
  ) {
    super(feeds, clock);
  }

  protected scope(): FeedScope {
    return localFeeds(this.ctx.tenantId);
  }

  protected hubName(): string {
    return this.ctx.tenant.name;
  }
}

/** /beheer/nieuws/feeds on the platform host: platform admins keep the general feeds, on every hub. */
@Controller('_platform/beheer/nieuws/feeds')
@RequirePlatformAdmin()
export class GeneralFeedsAdminController extends FeedsAdminBaseController {
  constructor(feeds: FeedsService, clock: Clock) {
    super(feeds, clock);
  }

  protected scope(): FeedScope {
    return GENERAL_FEEDS;
  }

  protected hubName(): null {
    return null;
  }
}
