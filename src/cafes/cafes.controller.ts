import { Controller, Get, NotFoundException, Param, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { describeSchedule } from './common/cafe-form';
import { CafesService } from './cafes.service';
import { meetingIcs } from './common/meeting-ics';
import { WishesService } from './wishes/wishes.service';
import { FollowsService } from './follows/follows.service';
import { SignupsService } from './signups/signups.service';
import { generateCsrfToken } from '../web/csrf';
import { MEETING_KEY } from './common/recurrence';
import { MeetingPage } from './meetings/meeting-page';
import { sendStoredFile } from '../files/stored-files';

/** The public café pages: the list, one café, one meeting and its .ics. */
@Controller('cafes')
export class CafesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly config: AppConfig,
    private readonly wishes: WishesService,
    private readonly signups: SignupsService,
    private readonly follows: FollowsService,
    private readonly meetingPage: MeetingPage,
  ) {}

  @Get()
  @Render('cafes/list')
  async list() {
    const tenantId = this.ctx.tenantId;
    const cafes = await this.cafes.run(tenantId, (em) => this.cafes.list(em, tenantId));
    return { title: t('cafes.title'), cafes };
  }

  @Get(':slug')
  @Render('cafes/cafe')
  async cafe(@Param('slug') slug: string, @Req() req: Request) {
    const tenantId = this.ctx.tenantId;
    const membership = req.membership;
    const page = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return null;
      // One connection per transaction: queries run one after the other.
      const meetings = await this.cafes.upcoming(em, tenantId, cafe.id, 6);
      // A member sees at a glance which of them they signed up for.
      const mine = membership
        ? await this.signups.statusesFor(
            em,
            tenantId,
            membership.id,
            meetings.map((m) => m.id),
          )
        : new Map<string, string>();
      const upcoming = meetings.map((m) => ({ ...m, mine: mine.get(m.id) ?? null }));
      const past = await this.cafes.pastThemes(em, tenantId, cafe.id, 10);
      // Hosts' names are for members of this municipality, not for every visitor.
      const hosts = membership ? await this.cafes.hosts(em, tenantId, cafe.id) : null;
      const canManage =
        membership?.role === 'tenant_admin' ||
        (hosts ?? []).some((h) => h.membershipId === membership?.id);
      const wishes = await this.wishes.list(em, tenantId, cafe.id, membership?.id ?? null, {
        status: 'open',
        limit: 5,
      });
      // Which reminders the member gets for this café (null: not following it).
      const reminders = membership
        ? await this.follows.effectiveReminders(em, tenantId, cafe.id, membership.id)
        : null;
      const following = reminders !== null;
      return { cafe, upcoming, past, hosts, canManage, wishes, following, reminders };
    });
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
    const tenantId = this.ctx.tenantId;
    const file = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      return cafe ? this.cafes.photo(em, tenantId, cafe) : null;
    });
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
    const found = await this.find(slug, key);
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

  private find(slug: string, key: string) {
    const tenantId = this.ctx.tenantId;
    return this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe || !MEETING_KEY.test(key)) return null;
      const meeting = await this.cafes.findMeeting(em, tenantId, cafe.id, key);
      return meeting ? { cafe, meeting } : null;
    });
  }
}
