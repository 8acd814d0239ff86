import { Controller, Get, Query, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { RequestContext } from '../../tenancy/request-context';
import { viewerOf } from '../surfaces/viewer';
import { CalendarPageService } from './calendar-page.service';

/** The municipality's calendar: café meetings, course sessions and activities together. */
@Controller('kalender')
export class CalendarController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly calendar: CalendarPageService,
  ) {}

  @Get()
  @Render('calendar/calendar')
  page(@Req() req: Request, @Query() query: Record<string, unknown>) {
    return this.calendar.page(this.ctx.tenantId, viewerOf(req.membership), query);
  }
}
