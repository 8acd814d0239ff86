import { Controller, Get, Render, Req } from '@nestjs/common';
import type { Request } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage } from '../form-page.interceptor';
import { viewerOf } from '../surfaces/viewer';
import { MyActivityService } from './my-activity.service';

/** "Mijn aanmeldingen": what a member signed up for or follows, gathered from every feature. */
@Controller()
export class MyActivityController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly myActivity: MyActivityService,
  ) {}

  @Get('mijn-aanmeldingen')
  @RequireMember()
  @FormPage()
  @Render('my/activity')
  mine(@Req() req: Request) {
    return this.myActivity.page(this.ctx.tenantId, viewerOf(req.membership)!);
  }
}
