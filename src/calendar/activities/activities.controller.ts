import { Controller, Get, Header, NotFoundException, Param, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { RequestContext } from '../../tenancy/request-context';
import { calendarFeed, feedRange } from '../../web/calendar/calendar-feed';
import { mayView } from '../../web/surfaces/audience';
import { viewerOf } from '../../web/surfaces/viewer';
import type { Activity } from '../common/entities/activity.entity';
import { ActivitiesService } from './activities.service';
import { activityPage } from './activity-pages';

/** How many coming dates an activity's page lists. */
const PAGE_DATES = 12;

/**
 * An activity's own page (/kalender/<slug>) and its dates as an .ics file: published ones only,
 * for the viewer's audiences (an activity for professionals is a 404 to anyone else). The .ics
 * is public: always as an anonymous visitor sees it, like the hub's feed.
 */
@Controller('kalender')
export class ActivitiesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly activities: ActivitiesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get(':slug.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  async ics(@Param('slug') slug: string): Promise<string> {
    const activity = await this.published(slug, null);
    const tenant = this.ctx.tenant;
    const range = feedRange(this.clock.now());
    const entries = await this.activities.publicEntries(this.ctx.tenantId, activity.id, range);
    return calendarFeed(
      entries,
      {
        name: tenant.name,
        origin: this.config.originFor(tenant.slug),
        domain: this.config.BASE_DOMAIN,
      },
      `${activity.title} (Mantelzorghub ${tenant.name})`,
    );
  }

  @Get(':slug')
  @Render('calendar/activities/activity')
  async page(@Param('slug') slug: string, @Req() req: Request) {
    const activity = await this.published(slug, req);
    const tenantId = this.ctx.tenantId;
    return activityPage(
      activity,
      await this.activities.organiserOf(tenantId, activity),
      await this.activities.occurrences(tenantId, activity.id, PAGE_DATES),
    );
  }

  private async published(slug: string, req: Request | null): Promise<Activity> {
    const activity = await this.activities.findBySlug(this.ctx.tenantId, slug);
    const viewer = req ? viewerOf(req.membership) : null;
    if (!activity || activity.status !== 'published' || !mayView(viewer, activity.audiences))
      throw new NotFoundException();
    return activity;
  }
}
