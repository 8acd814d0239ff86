import { Controller, Get, NotFoundException, Param, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { t } from '../i18n/i18n';
import { RequestContext } from '../tenancy/request-context';
import { formatDate } from '../web/view-helpers';
import { describeSchedule } from './cafe-form';
import { CafesService } from './cafes.service';
import { meetingIcs } from './meeting-ics';
import { WishesService } from './wishes.service';
import { FollowsService } from './follows.service';
import { SignupsService } from './signups.service';
import { generateCsrfToken } from '../web/csrf';
import { instantToLocal, MEETING_KEY } from './recurrence';
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
    private readonly clock: Clock,
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
    const tenantId = this.ctx.tenantId;
    const membership = req.membership;
    const page = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe || !MEETING_KEY.test(key)) return null;
      const meeting = await this.cafes.findMeeting(em, tenantId, cafe.id, key);
      if (!meeting) return null;
      const taken = await this.cafes.seatsTaken(em, tenantId, meeting.id);
      const canManage =
        membership?.role === 'tenant_admin' ||
        (!!membership && (await this.cafes.isHost(em, tenantId, cafe.id, membership.id)));
      // The member's own sign-up (or waitlist place) and whether they follow the café.
      const mine = membership
        ? await this.signups.mine(em, tenantId, meeting.id, membership.id)
        : null;
      const following =
        !!membership && (await this.follows.isFollowing(em, tenantId, cafe.id, membership.id));
      return { cafe, meeting, taken, canManage, mine, following };
    });
    if (!page) throw new NotFoundException();
    const { cafe, meeting, taken } = page;
    const past = meeting.endsAt.getTime() < this.clock.now().getTime();
    return {
      title: `${cafe.name}, ${formatDate(meeting.startsAt)}`,
      ...page,
      cancelled: meeting.status === 'cancelled',
      past,
      editable: page.canManage && !past && meeting.status === 'scheduled',
      endTime: instantToLocal(meeting.endsAt).time.replace(':', '.'),
      seatsLeft: Math.max(0, meeting.capacity - taken),
      full: taken >= meeting.capacity,
      here: `/cafes/${cafe.slug}/${meeting.key}`,
      // Sign-up and follow forms for signed-in members only: anonymous readers get no session.
      csrfToken: membership ? generateCsrfToken(req) : undefined,
    };
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
