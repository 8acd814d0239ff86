import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/guards/auth.guards';
import { AppConfig } from '../../config/app-config';
import { RequestContext } from '../../tenancy/request-context';
import { TenantsService } from '../../tenancy/tenants.service';
import { FormPage, FormSubmit } from '../form-page.interceptor';
import { validateBody } from '../forms/validate-body';
import { renderForm } from '../html-exception.filter';
import { ValidatesOwnForm } from '../input-guard';
import { CalendarWidgetDto } from './calendar-widget.dto';
import { parseWidgetOrigins } from './widget-origins';

const VIEW = 'calendar/admin';
const TITLE = 'De kalender op de website van de gemeente';

/**
 * `/beheer/kalender`: the hub's admins name the sites that may show the calendar's widget in a
 * frame, and copy the snippet that shows it there.
 */
@Controller('beheer/kalender')
@RequireRole('tenant_admin')
export class CalendarAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly tenants: TenantsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @FormPage()
  @Render(VIEW)
  page() {
    return {
      ...this.view(),
      values: { origins: this.ctx.tenant.calendarWidgetOrigins.join('\n') },
    };
  }

  @Post()
  @FormSubmit(VIEW, TITLE)
  @ValidatesOwnForm()
  async save(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const valid = await validateBody(CalendarWidgetDto, body);
    const parsed = valid.ok ? parseWidgetOrigins(valid.dto.origins) : null;
    if (!valid.ok || !parsed?.ok)
      return renderForm(
        req,
        res,
        { view: VIEW, title: TITLE },
        valid.ok ? {} : valid.errors,
        this.view(),
      );
    const origins = parsed.origins;
    await this.tenants.update(this.ctx.tenantId, { calendarWidgetOrigins: origins });
    req.session.flash = origins.length
      ? `Opgeslagen. De kalender mag nu op ${origins.length === 1 ? 'deze website' : `deze ${origins.length} websites`} staan.`
      : 'Opgeslagen. De kalender staat op geen enkele andere website.';
    res.redirect(303, '/beheer/kalender');
  }

  private view() {
    const tenant = this.ctx.tenant;
    const src = `${this.config.originFor(tenant.slug)}/kalender/widget`;
    return {
      title: TITLE,
      snippet: `<iframe src="${src}" title="Activiteiten voor mantelzorgers in ${tenant.name}" width="100%" height="520" style="border:0" loading="lazy"></iframe>`,
    };
  }
}
