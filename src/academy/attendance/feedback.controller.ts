import {
  Body,
  Controller,
  Get,
  HttpCode,
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
import { errorList } from '../../web/forms/form-validation';
import { validateBody } from '../../web/forms/validate-body';
import { ValidatesOwnForm, withoutControls } from '../../web/input-guard';
import { ManageCourse } from '../common/course-access.guard';
import { TemplatesService } from '../templates/templates.service';
import { FEEDBACK_REFUSALS } from './attendance-outcomes';
import { FeedbackDto } from './dto/feedback.dto';
import { FEEDBACK_MIN_ANSWERS, FeedbackService, type FeedbackRefusal } from './feedback.service';

const FORM_VIEW = 'academy/attendance/feedback-form';
const SCORES = [5, 4, 3, 2, 1];

/**
 * Feedback after a course: the form behind the mail's signed link (`/e/opleiding-feedback/<token>`:
 * no login, no CSRF, the token is the proof; one answer per person), and the results for admins
 * per course and per template across this municipality's courses (never who wrote what, nothing
 * below five answers).
 */
@Controller()
export class FeedbackController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly feedback: FeedbackService,
    private readonly templates: TemplatesService,
  ) {}

  @Get('e/opleiding-feedback/:token')
  async form(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.feedback.target(this.ctx.tenantId, token);
    if (!found.ok) return this.refuse(res, found.reason);
    res.render(FORM_VIEW, formView(found.target.course.title, {}, {}));
  }

  @Post('e/opleiding-feedback/:token')
  @HttpCode(200)
  @ValidatesOwnForm()
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // No CSRF check here (the token is the proof), so nothing takes a `_csrf` field out. In
    // place: the input guard's refusals belong to this body.
    if (body && typeof body === 'object') delete body._csrf;
    const checked = await validateBody(FeedbackDto, body);
    if (!checked.ok) {
      const found = await this.feedback.target(this.ctx.tenantId, token);
      if (!found.ok) return this.refuse(res, found.reason);
      const values = Object.fromEntries(
        Object.entries(body ?? {}).map(([k, v]) => [
          k,
          withoutControls(String([v].flat()[0] ?? '')),
        ]),
      );
      res
        .status(400)
        .render(FORM_VIEW, formView(found.target.course.title, checked.errors, values));
      return;
    }
    const { dto } = checked;
    const result = await this.feedback.answer(this.ctx.tenantId, token, {
      usefulness: Number(dto.usefulness),
      better: (dto.better ?? '').trim(),
      comment: (dto.comment ?? '').trim(),
    });
    if (!result.ok) return this.refuse(res, result.reason);
    res.render('academy/attendance/feedback-done', {
      title: t('academy.feedback.done.title'),
      courseTitle: result.course.title,
    });
  }

  @Get('beheer/academie/sjablonen/:templateSlug/feedback')
  @RequireRole('tenant_admin')
  @Render('academy/attendance/feedback-results')
  async templateResults(@Param('templateSlug') templateSlug: string) {
    const found = await this.templates.findBySlug(templateSlug);
    if (!found) throw new NotFoundException();
    const results = await this.feedback.forTemplate(this.ctx.tenantId, found.template.id);
    return {
      title: t('academy.feedback.results.templateTitle', { title: found.template.title }),
      subject: found.template.title,
      backHref: `/beheer/academie/sjablonen/${found.template.slug}`,
      backLabel: t('academy.feedback.results.backToTemplate'),
      template: true,
      min: FEEDBACK_MIN_ANSWERS,
      ...results,
    };
  }

  @Get('beheer/academie/:slug/feedback')
  @ManageCourse('admin')
  @Render('academy/attendance/feedback-results')
  async courseResults(@Req() req: Request) {
    const { course } = req.courseAccess!;
    const results = await this.feedback.forCourse(this.ctx.tenantId, course.id);
    return {
      title: t('academy.feedback.results.title', { title: course.title }),
      subject: course.title,
      backHref: `/beheer/academie/${course.slug}`,
      backLabel: t('academy.feedback.results.backToCourse'),
      min: FEEDBACK_MIN_ANSWERS,
      ...results,
    };
  }

  private refuse(res: Response, reason: FeedbackRefusal): void {
    const answer = FEEDBACK_REFUSALS[reason];
    res.status(answer.status).render('errors/error', {
      title: t(answer.title),
      message: t(answer.message),
    });
  }
}

function formView(
  courseTitle: string,
  errors: Record<string, string>,
  values: Record<string, string>,
) {
  return {
    title: t('academy.feedback.form.title', { title: courseTitle }),
    courseTitle,
    errors,
    errorList: errorList(errors),
    values,
    scores: SCORES.map((score) => ({
      score,
      label: t(`academy.feedback.score.${score}`),
      checked: values.usefulness === String(score),
    })),
  };
}
