import { Controller, Get, Header, Query, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequestContext } from '../../tenancy/request-context';
import { viewerOf } from '../surfaces/viewer';
import { CalendarPageService } from './calendar-page.service';

/**
 * The municipality's calendar: café meetings, course sessions and activities together, as a page
 * (`/kalender`), as a feed to subscribe to (`/kalender.ics`) and as a widget for the
 * municipality's own website (`/kalender/widget`).
 */
@Controller()
export class CalendarController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly calendar: CalendarPageService,
  ) {}

  @Get('kalender')
  @Render('calendar/calendar')
  page(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.calendar.page(this.ctx.tenant, viewerOf(req.membership), query);
  }

  @Get('kalender.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="kalender.ics"')
  @Header('Cache-Control', 'no-cache')
  feed(@Query() query: Record<string, unknown>): Promise<string> {
    return this.calendar.feed(this.ctx.tenant, query);
  }

  /**
   * The widget, framed only by the sites the hub's admins listed (`frame-ancestors`; helmet's
   * X-Frame-Options would forbid every frame): every other page keeps `frame-ancestors 'none'`.
   */
  @Get('kalender/widget')
  @Render('calendar/widget')
  async widget(@Res({ passthrough: true }) res: Response) {
    const origins = this.ctx.tenant.calendarWidgetOrigins;
    const policy = String(res.getHeader('Content-Security-Policy') ?? '');
    res.setHeader(
      'Content-Security-Policy',
      policy.replace(
        /frame-ancestors [^;]*/,
        `frame-ancestors ${origins.length ? origins.join(' ') : "'none'"}`,
      ),
    );
    res.removeHeader('X-Frame-Options');
    return { layout: 'layouts/widget', ...(await this.calendar.widget(this.ctx.tenant)) };
  }
}
