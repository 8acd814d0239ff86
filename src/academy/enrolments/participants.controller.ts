import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { ManageCourse } from '../common/course-access.guard';
import { ADMIN_CANCEL_OUTCOMES } from './enrolment-outcomes';
import { EnrolmentPagesService } from './enrolment-pages.service';

/**
 * A course's participants for its admins and its linked trainer (`@ManageCourse('trainer')`):
 * the list with the answers (health-related: only here), its CSV, and an admin's cancel of
 * someone's enrolment (admins only; a notice goes to the person).
 */
@Controller('beheer/academie/:slug')
export class ParticipantsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly pages: EnrolmentPagesService,
  ) {}

  @Get('deelnemers.csv')
  @ManageCourse('trainer')
  async csv(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { course, right } = req.courseAccess!;
    const file = await this.pages.participantsCsv(this.ctx.tenantId, course, right);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="deelnemers-${course.slug}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(file);
  }

  @Get('deelnemers')
  @ManageCourse('trainer')
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { course, right } = req.courseAccess!;
    res.setHeader('Cache-Control', 'no-store');
    res.render(
      'academy/enrolments/participants',
      await this.pages.participants(req, this.ctx.tenantId, course, right),
    );
  }

  @Post('deelnemers/:enrollmentId/uitschrijven')
  @ManageCourse('admin')
  async cancel(
    @Param('enrollmentId') enrollmentId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { course } = req.courseAccess!;
    const result = await this.pages.adminCancel(this.ctx.tenant, course, enrollmentId);
    const answer = ADMIN_CANCEL_OUTCOMES[result.ok ? 'cancelled' : result.reason];
    if (!answer.flash) throw new NotFoundException();
    req.session.flash = t(answer.flash);
    res.redirect(answer.status, `/beheer/academie/${course.slug}/deelnemers`);
  }
}
