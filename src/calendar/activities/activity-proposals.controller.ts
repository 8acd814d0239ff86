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
import { RequireRole } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { ValidatesOwnForm } from '../../web/input-guard';
import type { Activity, ActivityStatus } from '../common/entities/activity.entity';
import { refusal } from './activities-admin.controller';
import { ActivitiesService } from './activities.service';
import { activityValues, newActivityValues, parseActivityForm } from './activity-form';
import { FORM_VIEW, formPage, PROPOSALS_BASE, summaryView } from './activity-pages';

/** A proposal is the professional's to change while it waits or was sent back. */
function changeable(status: ActivityStatus): boolean {
  return status === 'submitted' || status === 'returned';
}

/**
 * /kalender/voorstellen: a care professional proposes an activity for the hub's calendar; it
 * shows once an admin published it. A returned proposal can be changed and sent again; one that
 * waits can still be corrected. Someone else's proposal is a 404 (to an admin too, who answers
 * proposals at /beheer/activiteiten).
 */
@Controller('kalender/voorstellen')
@RequireRole('professional', 'tenant_admin')
export class ActivityProposalsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly activities: ActivitiesService,
  ) {}

  @Get()
  @Render('calendar/activities/proposals')
  async list(@Req() req: Request) {
    const rows = await this.activities.list(this.ctx.tenantId, req.membership!.id);
    return {
      title: t('activities.proposal.title'),
      proposals: rows.map((row) =>
        summaryView(row, changeable(row.status) ? `${PROPOSALS_BASE}/${row.id}` : null),
      ),
    };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  async newProposal() {
    const { status: _admin, ...values } = newActivityValues();
    return this.page(null, values);
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('activities.proposal.newTitle'))
  @ValidatesOwnForm()
  async create(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const parsed = await parseActivityForm(body);
    if (!parsed.ok) return this.again(req, res, null, parsed.errors);
    const saved = await this.activities.create(
      this.ctx.tenantId,
      parsed.input,
      'submitted',
      req.membership!.id,
    );
    if (!saved.ok)
      return this.again(
        req,
        res,
        null,
        refusal(saved.reason === 'organisation' ? 'organisation' : 'slug-taken'),
      );
    req.session.flash = t('activities.proposal.sent', { title: saved.activity.title });
    res.redirect(303, PROPOSALS_BASE);
  }

  @Get(':id')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('id') id: string, @Req() req: Request) {
    const activity = await this.own(id, req);
    return this.page(activity, activityValues(activity));
  }

  @Post(':id')
  @FormSubmit(FORM_VIEW, () => t('activities.proposal.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.own(id, req);
    const parsed = await parseActivityForm(body);
    if (!parsed.ok) return this.again(req, res, activity, parsed.errors);
    const saved = await this.activities.update(
      this.ctx.tenantId,
      activity.id,
      parsed.input,
      'submitted',
    );
    if (!saved.ok) {
      if (saved.reason === 'not-found') throw new NotFoundException();
      return this.again(req, res, activity, refusal(saved.reason));
    }
    req.session.flash = t('activities.proposal.sent', { title: saved.activity.title });
    res.redirect(303, PROPOSALS_BASE);
  }

  /** This professional's proposal that is still theirs to change (waiting or returned); else a 404. */
  private async own(id: string, req: Request): Promise<Activity> {
    const activity = await this.activities.find(this.ctx.tenantId, id);
    const mine = activity && activity.submittedBy === req.membership?.id;
    if (!mine || !changeable(activity.status)) throw new NotFoundException();
    return activity;
  }

  private async page(activity: Activity | null, values: Record<string, unknown>) {
    return formPage({
      admin: false,
      activity,
      values,
      organisations: await this.activities.organisations(this.ctx.tenantId),
    });
  }

  private async again(
    req: Request,
    res: Response,
    activity: Activity | null,
    errors: Record<string, string>,
  ): Promise<void> {
    const { values: _typed, ...extra } = await this.page(activity, req.body);
    renderForm(req, res, { view: FORM_VIEW, title: extra.title }, errors, extra);
  }
}
