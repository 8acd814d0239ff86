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
import { validateBody } from '../../web/forms/validate-body';
import { renderForm } from '../../web/html-exception.filter';
import { ValidatesOwnForm } from '../../web/input-guard';
import type { Activity } from '../common/entities/activity.entity';
import { ActivitiesService, type SaveResult } from './activities.service';
import { activityValues, newActivityValues, parseActivityForm } from './activity-form';
import { ADMIN_BASE, FORM_VIEW, formPage, summaryView } from './activity-pages';
import { ActivityReviewService } from './activity-review.service';
import { ReturnDto } from './dto/activity.dto';

/** How many coming dates the admin's page lists (to cancel one). */
const ADMIN_DATES = 30;

/**
 * /beheer/activiteiten: the hub's admins write activities, answer professionals' proposals
 * (publish, or send back with a comment: the professional gets an e-mail either way) and cancel
 * a single date.
 */
@Controller('beheer/activiteiten')
@RequireRole('tenant_admin')
export class ActivitiesAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly activities: ActivitiesService,
    private readonly review: ActivityReviewService,
  ) {}

  @Get()
  @Render('calendar/activities/admin-list')
  async list() {
    const rows = await this.activities.list(this.ctx.tenantId);
    const views = rows.map((row) => summaryView(row, `${ADMIN_BASE}/${row.id}`));
    return {
      title: t('activities.admin.title'),
      waiting: views.filter((v) => v.waiting),
      others: views.filter((v) => !v.waiting),
    };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  async newActivity() {
    return this.page(null, newActivityValues());
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('activities.form.newTitle'))
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
      parsed.status ?? 'published',
      null,
    );
    return this.done(req, res, null, saved, 'activities.admin.created');
  }

  @Get(':id')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Param('id') id: string) {
    const activity = await this.find(id);
    return this.page(activity, activityValues(activity));
  }

  @Post(':id')
  @FormSubmit(FORM_VIEW, () => t('activities.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.find(id);
    const parsed = await parseActivityForm(body);
    if (!parsed.ok) return this.again(req, res, activity, parsed.errors);
    // A proposal keeps waiting (or stays returned) until an admin answers it with the buttons.
    const review = activity.status === 'submitted' || activity.status === 'returned';
    const status = review ? activity.status : (parsed.status ?? activity.status);
    const saved = await this.activities.update(this.ctx.tenantId, id, parsed.input, status);
    return this.done(req, res, activity, saved, 'activities.admin.saved');
  }

  @Post(':id/goedkeuren')
  async approve(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    const activity = await this.find(id);
    const answered = await this.review.answer(this.ctx.tenant, activity.id, 'published');
    req.session.flash = t(answered ? 'activities.review.approved' : 'activities.review.already', {
      title: activity.title,
    });
    res.redirect(303, `${ADMIN_BASE}/${activity.id}`);
  }

  @Post(':id/terugsturen')
  @FormSubmit(FORM_VIEW, () => t('activities.form.editTitleShort'))
  @ValidatesOwnForm()
  async sendBack(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.find(id);
    const valid = await validateBody(ReturnDto, body);
    if (!valid.ok) return this.again(req, res, activity, valid.errors, activityValues(activity));
    const answered = await this.review.answer(
      this.ctx.tenant,
      activity.id,
      'returned',
      valid.dto.comment,
    );
    req.session.flash = t(answered ? 'activities.review.returned' : 'activities.review.already', {
      title: activity.title,
    });
    res.redirect(303, `${ADMIN_BASE}/${activity.id}`);
  }

  @Post(':id/data/:occurrenceId/annuleren')
  cancelDate(
    @Param('id') id: string,
    @Param('occurrenceId') occurrenceId: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.setDate(id, occurrenceId, 'cancelled', req, res);
  }

  @Post(':id/data/:occurrenceId/herstellen')
  restoreDate(
    @Param('id') id: string,
    @Param('occurrenceId') occurrenceId: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.setDate(id, occurrenceId, 'scheduled', req, res);
  }

  private async setDate(
    id: string,
    occurrenceId: string,
    status: 'scheduled' | 'cancelled',
    req: Request,
    res: Response,
  ): Promise<void> {
    const activity = await this.find(id);
    if (
      !(await this.activities.setOccurrenceStatus(
        this.ctx.tenantId,
        activity.id,
        occurrenceId,
        status,
      ))
    )
      throw new NotFoundException();
    req.session.flash = t(
      status === 'cancelled' ? 'activities.dates.cancelledDone' : 'activities.dates.restoredDone',
      { title: activity.title },
    );
    res.redirect(303, `${ADMIN_BASE}/${activity.id}#data`);
  }

  private async find(id: string): Promise<Activity> {
    const activity = await this.activities.find(this.ctx.tenantId, id);
    if (!activity) throw new NotFoundException();
    return activity;
  }

  private async page(activity: Activity | null, values: Record<string, unknown>) {
    const tenantId = this.ctx.tenantId;
    return formPage({
      admin: true,
      activity,
      values,
      organisations: await this.activities.organisations(tenantId),
      dates: activity ? await this.activities.occurrences(tenantId, activity.id, ADMIN_DATES) : [],
      submitterName: activity
        ? await this.activities.submitterName(tenantId, activity.submittedBy)
        : null,
    });
  }

  /** The form again with the errors; what was typed is kept (renderForm), or `values` instead. */
  private async again(
    req: Request,
    res: Response,
    activity: Activity | null,
    errors: Record<string, string>,
    values?: Record<string, unknown>,
  ): Promise<void> {
    const { values: pageValues, ...extra } = await this.page(activity, values ?? req.body);
    renderForm(req, res, { view: FORM_VIEW, title: extra.title }, errors, {
      ...extra,
      ...(values ? { values: { ...pageValues, ...req.body } } : {}),
    });
  }

  private async done(
    req: Request,
    res: Response,
    activity: Activity | null,
    saved: SaveResult,
    message: string,
  ): Promise<void> {
    if (!saved.ok) {
      if (saved.reason === 'not-found') throw new NotFoundException();
      return this.again(req, res, activity, refusal(saved.reason));
    }
    req.session.flash = t(message, { title: saved.activity.title });
    res.redirect(303, `${ADMIN_BASE}/${saved.activity.id}`);
  }
}

/** The service's refusal as the field's message. */
export function refusal(reason: 'slug-taken' | 'organisation'): Record<string, string> {
  return reason === 'slug-taken'
    ? { slug: 'Een andere activiteit heeft dit adres al. Kies een ander, of laat het veld leeg.' }
    : {
        organisationId: 'Die organisatie staat niet (meer) in de lijst. Kies er een uit de lijst.',
      };
}
