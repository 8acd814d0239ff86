import { eurosText } from '../../common/money';
import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
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
import { ManageCourse } from '../common/course-access.guard';
import { QUESTION_KINDS, type QuestionKind } from '../common/entities/course-question.entity';
import {
  courseFormOptions,
  courseInputFromForm,
  courseValues,
  newCourseValues,
} from './course-form';
import { COURSE_DONE, COURSE_REFUSALS, refusalErrors } from './course-outcomes';
import { CoursesAdminService, type QuestionInput } from './courses-admin.service';
import { CourseDto } from './dto/course.dto';
import { QuestionDto } from './dto/question.dto';

const FORM_VIEW = 'academy/courses/form';
const QUESTIONS_VIEW = 'academy/courses/questions';
const QUESTION_VIEW = 'academy/courses/question';

/**
 * /beheer/academie: a municipality's courses (tenant admins only): the list, a new course from
 * scratch or a template, editing, the enrolment questions, publishing and cancelling.
 */
@Controller('beheer/academie')
@RequireRole('tenant_admin')
export class CoursesAdminController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly courses: CoursesAdminService,
  ) {}

  @Get()
  @Render('academy/courses/list')
  async list() {
    const courses = (await this.courses.list(this.ctx.tenantId)).map((c) => ({
      ...c,
      statusLabel: t(`academy.courses.status.${c.status}`),
    }));
    return { title: t('academy.courses.list.title'), courses };
  }

  @Get('nieuw')
  @FormPage()
  @Render(FORM_VIEW)
  async newCourse(@Query('sjabloon') sjabloon: unknown) {
    const detail =
      typeof sjabloon === 'string' && sjabloon ? await this.courses.template(sjabloon) : null;
    if (typeof sjabloon === 'string' && sjabloon && !detail) throw new NotFoundException();
    const values = newCourseValues(detail);
    const members = await this.courses.members(this.ctx.tenantId);
    return {
      title: t('academy.courses.form.newTitle'),
      isNew: true,
      template: detail?.template ?? null,
      values,
      ...courseFormOptions(values, members),
    };
  }

  @Post('nieuw')
  @FormSubmit(FORM_VIEW, () => t('academy.courses.form.newTitle'))
  @ValidatesOwnForm()
  async create(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const form = { view: FORM_VIEW, title: t('academy.courses.form.newTitle') };
    const templateSlug = typeof body.template === 'string' && body.template ? body.template : null;
    const template = templateSlug ? await this.courses.template(templateSlug) : null;
    const extra = {
      isNew: true,
      template: template?.template ?? null,
      ...courseFormOptions(body, await this.courses.members(this.ctx.tenantId)),
    };
    const valid = await validateBody(CourseDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = courseInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const created = await this.courses.create(
      this.ctx.tenantId,
      parsed.input,
      template ? templateSlug : null,
    );
    if (!created.ok) {
      const refusal = COURSE_REFUSALS[created.reason];
      return renderForm(req, res, form, refusalErrors(refusal), extra, refusal.status);
    }
    req.session.flash = t(COURSE_DONE.created, { title: created.course.title });
    res.redirect(303, `/beheer/academie/${created.course.slug}`);
  }

  @Get(':slug')
  @ManageCourse('admin')
  @FormPage()
  @Render(FORM_VIEW)
  async edit(@Req() req: Request) {
    const { course } = req.courseAccess!;
    const sessions = await this.courses.sessions(this.ctx.tenantId, course.id);
    const values = courseValues(course, sessions);
    return {
      title: t('academy.courses.form.editTitle', { title: course.title }),
      values,
      notEditable: course.status === 'cancelled',
      isDraft: course.status === 'draft',
      statusLabel: t(`academy.courses.status.${course.status}`),
      price:
        course.priceCents === 0 ? t('academy.courses.free') : `€ ${eurosText(course.priceCents)}`,
      ...courseFormOptions(values, await this.courses.members(this.ctx.tenantId)),
    };
  }

  @Post(':slug')
  @ManageCourse('admin')
  @FormSubmit(FORM_VIEW, () => t('academy.courses.form.editTitleShort'))
  @ValidatesOwnForm()
  async save(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const { course } = req.courseAccess!;
    const form = {
      view: FORM_VIEW,
      title: t('academy.courses.form.editTitle', { title: course.title }),
    };
    const extra = {
      isDraft: course.status === 'draft',
      statusLabel: t(`academy.courses.status.${course.status}`),
      ...courseFormOptions(body, await this.courses.members(this.ctx.tenantId)),
    };
    const valid = await validateBody(CourseDto, body);
    if (!valid.ok) return renderForm(req, res, form, valid.errors, extra);
    const parsed = courseInputFromForm(valid.dto);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const result = await this.courses.update(this.ctx.tenant, course.id, parsed.input);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) {
      const refusal = COURSE_REFUSALS[result.reason];
      return renderForm(req, res, form, refusalErrors(refusal), extra, refusal.status);
    }
    req.session.flash = t(COURSE_DONE.saved, { title: result.course.title });
    res.redirect(303, `/beheer/academie/${result.course.slug}`);
  }

  @Post(':slug/publiceren')
  @ManageCourse('admin')
  async publish(@Req() req: Request, @Res() res: Response) {
    const { course } = req.courseAccess!;
    const result = await this.courses.publish(this.ctx.tenantId, course.id);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) {
      const refusal = COURSE_REFUSALS[result.reason];
      const view = await this.edit(req);
      return renderForm(
        req,
        res,
        { view: FORM_VIEW, title: view.title },
        refusalErrors(refusal),
        view,
        refusal.status,
      );
    }
    req.session.flash = t(COURSE_DONE.published, { title: course.title });
    res.redirect(303, `/beheer/academie/${course.slug}`);
  }

  @Get(':slug/annuleren')
  @ManageCourse('admin')
  @FormPage()
  @Render('academy/courses/cancel')
  confirmCancel(@Req() req: Request) {
    const { course } = req.courseAccess!;
    return {
      title: t('academy.courses.cancel.title', { title: course.title }),
      alreadyCancelled: course.status === 'cancelled',
    };
  }

  @Post(':slug/annuleren')
  @ManageCourse('admin')
  async cancel(@Req() req: Request, @Res() res: Response) {
    const { course } = req.courseAccess!;
    const result = await this.courses.cancel(this.ctx.tenant, course.id);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    req.session.flash = t(COURSE_DONE.cancelled, { title: course.title });
    res.redirect(303, `/beheer/academie/${course.slug}`);
  }

  @Get(':slug/vragen')
  @ManageCourse('admin')
  @FormPage()
  @Render(QUESTIONS_VIEW)
  async questions(@Req() req: Request) {
    const { course } = req.courseAccess!;
    return this.questionsView(course.id, course.title, { kind: 'text', choices: '', label: '' });
  }

  @Post(':slug/vragen')
  @ManageCourse('admin')
  @FormSubmit(QUESTIONS_VIEW, () => t('academy.courses.questions.titleShort'))
  @ValidatesOwnForm()
  async addQuestion(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { course } = req.courseAccess!;
    const view = await this.questionsView(course.id, course.title, body);
    const form = { view: QUESTIONS_VIEW, title: view.title };
    const parsed = await questionInput(body);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, view);
    const result = await this.courses.addQuestion(this.ctx.tenantId, course.id, parsed.input);
    if (!result.ok) {
      const refusal = COURSE_REFUSALS[result.reason];
      return renderForm(req, res, form, { label: t(refusal.key ?? '') }, view, refusal.status);
    }
    req.session.flash = t(COURSE_DONE.questionAdded, { label: result.question.label });
    res.redirect(303, `/beheer/academie/${course.slug}/vragen`);
  }

  @Get(':slug/vragen/:questionId')
  @ManageCourse('admin')
  @FormPage()
  @Render(QUESTION_VIEW)
  async question(@Req() req: Request, @Param('questionId') questionId: string) {
    const { course } = req.courseAccess!;
    const q = await this.courses.question(this.ctx.tenantId, course.id, questionId);
    if (!q) throw new NotFoundException();
    const values = {
      kind: q.kind,
      label: q.label,
      choices: q.choices.join('\n'),
      required: q.required ? '1' : '',
    };
    return {
      title: t('academy.courses.question.title'),
      question: q,
      values,
      kinds: kindOptions(values),
    };
  }

  @Post(':slug/vragen/:questionId')
  @ManageCourse('admin')
  @FormSubmit(QUESTION_VIEW, () => t('academy.courses.question.title'))
  @ValidatesOwnForm()
  async saveQuestion(
    @Body() body: Record<string, unknown>,
    @Param('questionId') questionId: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { course } = req.courseAccess!;
    const q = await this.courses.question(this.ctx.tenantId, course.id, questionId);
    if (!q) throw new NotFoundException();
    const form = { view: QUESTION_VIEW, title: t('academy.courses.question.title') };
    const extra = { question: q, kinds: kindOptions(body) };
    const parsed = await questionInput(body);
    if (!parsed.ok) return renderForm(req, res, form, parsed.errors, extra);
    const result = await this.courses.editQuestion(
      this.ctx.tenantId,
      course.id,
      q.id,
      parsed.input,
    );
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) {
      const refusal = COURSE_REFUSALS[result.reason];
      return renderForm(req, res, form, { label: t(refusal.key ?? '') }, extra, refusal.status);
    }
    req.session.flash = t(COURSE_DONE.questionSaved, { label: result.question.label });
    res.redirect(303, `/beheer/academie/${course.slug}/vragen`);
  }

  @Post(':slug/vragen/:questionId/verwijderen')
  @ManageCourse('admin')
  async removeQuestion(
    @Param('questionId') questionId: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const { course } = req.courseAccess!;
    const result = await this.courses.removeQuestion(this.ctx.tenantId, course.id, questionId);
    if (!result.ok) throw new NotFoundException();
    req.session.flash = t(COURSE_DONE.questionRemoved, { label: result.question.label });
    res.redirect(303, `/beheer/academie/${course.slug}/vragen`);
  }

  private async questionsView(courseId: string, title: string, values: Record<string, unknown>) {
    const questions = (await this.courses.questions(this.ctx.tenantId, courseId)).map((q) => ({
      ...q,
      kindLabel: t(`academy.courses.question.kind.${q.kind}`),
    }));
    return {
      title: t('academy.courses.questions.title', { title }),
      questions,
      values,
      kinds: kindOptions(values),
    };
  }
}

function kindOptions(values: Record<string, unknown>) {
  return QUESTION_KINDS.map((k) => ({
    value: k,
    label: t(`academy.courses.question.kind.${k}`),
    checked: (values.kind ?? 'text') === k,
  }));
}

async function questionInput(
  body: Record<string, unknown>,
): Promise<{ ok: true; input: QuestionInput } | { ok: false; errors: Record<string, string> }> {
  const valid = await validateBody(QuestionDto, body);
  if (!valid.ok) return valid;
  const choices = valid.dto.choices
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
  if (valid.dto.kind === 'choice' && choices.length < 2)
    return { ok: false, errors: { choices: t('academy.courses.question.choices.tooFew') } };
  if (choices.length > 20 || choices.some((c) => c.length > 100))
    return { ok: false, errors: { choices: t('academy.courses.question.choices.tooMany') } };
  return {
    ok: true,
    input: {
      kind: valid.dto.kind as QuestionKind,
      label: valid.dto.label,
      choices,
      required: valid.dto.required === '1',
    },
  };
}
