import { Controller, Get, NotFoundException, Param, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { describeSchedule } from './common/cafe-form';
import { CafesService } from './cafes.service';
import { meetingIcs } from './common/meeting-ics';
import { generateCsrfToken } from '../web/csrf';
import { MeetingPageService } from './meetings/meeting-page.service';
import { sendStoredFile } from '../files/stored-files';

/** The public café pages: the list, one café, one meeting and its .ics. */
@Controller('cafes')
export class CafesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly config: AppConfig,
    private readonly meetingPage: MeetingPageService,
  ) {}

  @Get()
  @Render('cafes/list')
  async list() {
    const cafes = await this.cafes.listPage(this.ctx.tenantId);
    return { title: t('cafes.title'), cafes };
  }

  @Get(':slug')
  @Render('cafes/cafe')
  async cafe(@Param('slug') slug: string, @Req() req: Request) {
    const membership = req.membership;
    const page = await this.cafes.cafePage(this.ctx.tenantId, slug, membership);
    if (!page) throw new NotFoundException();
    return {
      title: page.cafe.name,
      ...page,
      schedule: describeSchedule(page.cafe),
      here: `/cafes/${page.cafe.slug}`,
      // Vote and follow buttons for signed-in members only: anonymous readers get no session.
      csrfToken: membership ? generateCsrfToken(req) : undefined,
    };
  }

  /** The café's photo (public, like the page); `?v=<file id>` in the page makes a new one load at once. */
  @Get(':slug/foto')
  async photo(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const file = await this.cafes.photoFile(this.ctx.tenantId, slug);
    if (!file) throw new NotFoundException();
    sendStoredFile(res, file);
  }

  // Declared before ':slug/:meeting' (Express 5 would otherwise take "2026-12-01.ics" as a key).
  @Get(':slug/:meeting.ics')
  async ics(
    @Param('slug') slug: string,
    @Param('meeting') key: string,
    @Res() res: Response,
  ): Promise<void> {
    const tenant = this.ctx.tenant;
    const found = await this.cafes.meeting(this.ctx.tenantId, slug, key);
    if (!found) throw new NotFoundException();
    const body = meetingIcs({
      ...found,
      tenantName: tenant.name,
      url: `${this.config.originFor(tenant.slug)}/cafes/${found.cafe.slug}/${found.meeting.key}`,
      domain: this.config.BASE_DOMAIN,
    });
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${found.cafe.slug}-${found.meeting.key}.ics"`,
      'Cache-Control': 'no-cache',
    });
    res.send(body);
  }

  @Get(':slug/:meeting')
  @Render('cafes/meeting')
  async meeting(@Param('slug') slug: string, @Param('meeting') key: string, @Req() req: Request) {
    const page = await this.meetingPage.build(req, slug, key);
    if (!page) throw new NotFoundException();
    return page;
  }
}
