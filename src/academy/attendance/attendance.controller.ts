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
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { ValidatesOwnForm } from '../../web/input-guard';
import { renderForm } from '../../web/html-exception.filter';
import { formatDateTime } from '../../web/view-helpers';
import { ManageCourse } from '../common/course-access.guard';
import type { Course } from '../common/entities/course.entity';
import { LIST_FIELD, MARK_FIELD } from './attendance-form';
import { AttendanceService, type SessionList } from './attendance.service';

const SESSION_VIEW = 'academy/attendance/session';

/**
 * Attendance (the course's trainer or a tenant admin): the sessions with how many are marked,
 * and per session one list of the confirmed people with two big radios each and one save
 * button (works without JavaScript, on a phone, and prints as a list with a signature column).
 */
@Controller('beheer/academie')
export class AttendanceController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly attendance: AttendanceService,
  ) {}

  @Get(':slug/aanwezigheid')
  @ManageCourse('trainer')
  @Render('academy/attendance/overview')
  async overview(@Req() req: Request) {
    const { course, right } = req.courseAccess!;
    const { sessions, confirmed } = await this.attendance.overview(this.ctx.tenantId, course);
    return {
      title: t('academy.attendance.overview.title', { title: course.title }),
      admin: right === 'admin',
      confirmed,
      sessions: sessions.map((s, i) => ({
        ...s,
        number: i + 1,
        when: formatDateTime(s.session.startsAt),
        cancelled: s.session.status === 'cancelled',
      })),
    };
  }

  @Get(':slug/aanwezigheid/:sessionId')
  @ManageCourse('trainer')
  @FormPage()
  async sessionPage(
    @Param('sessionId') sessionId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { course } = req.courseAccess!;
    const list = await this.attendance.sessionList(this.ctx.tenantId, course, sessionId);
    if (!list) throw new NotFoundException();
    res.render(SESSION_VIEW, sessionView(course, list, {}));
  }

  @Post(':slug/aanwezigheid/:sessionId')
  @ManageCourse('trainer')
  @FormSubmit(SESSION_VIEW, () => t('academy.attendance.session.heading'))
  @ValidatesOwnForm()
  async save(
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { course } = req.courseAccess!;
    const input = body && typeof body === 'object' ? body : {};
    const result = await this.attendance.save(
      this.ctx.tenantId,
      course,
      sessionId,
      req.membership!.id,
      input,
    );
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) {
      const page = sessionView(course, result.list, input);
      return renderForm(req, res, { view: SESSION_VIEW, title: page.title }, result.errors, page);
    }
    req.session.flash = t('academy.attendance.saved', { count: result.saved });
    res.redirect(303, `/beheer/academie/${course.slug}/aanwezigheid`);
  }
}

/** The session page's model: per person the two radios, what was typed (or stored) kept. */
function sessionView(course: Course, list: SessionList, values: Record<string, unknown>) {
  const when = formatDateTime(list.session.startsAt);
  return {
    title: t('academy.attendance.session.title', { title: course.title, when }),
    when,
    session: list.session,
    listField: LIST_FIELD,
    people: list.people.map((p) => {
      const field = `${MARK_FIELD}${p.enrollmentId}`;
      const typed = values[field];
      const chosen =
        typeof typed === 'string'
          ? typed
          : p.present === null
            ? null
            : p.present
              ? 'aanwezig'
              : 'afwezig';
      return {
        ...p,
        field,
        present: chosen === 'aanwezig',
        absent: chosen === 'afwezig',
      };
    }),
  };
}
