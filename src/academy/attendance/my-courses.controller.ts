import { Controller, Get, NotFoundException, Param, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { formatDate, formatDateTime } from '../../web/view-helpers';
import { CERTIFICATE_REFUSALS } from './attendance-outcomes';
import { CertificatesService } from './certificates.service';
import { MyCoursesService } from './my-courses.service';

/**
 * "Mijn opleidingen" (members): upcoming enrolments and the history with attendance and the
 * certificate of a completed course (`/mijn-opleidingen/<slug>/attest.pdf`, the member's own).
 */
@Controller('mijn-opleidingen')
export class MyCoursesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly myCourses: MyCoursesService,
    private readonly certificates: CertificatesService,
  ) {}

  @Get()
  @RequireMember()
  @Render('academy/attendance/my-courses')
  async page(@Req() req: Request) {
    const { upcoming, history } = await this.myCourses.page(this.ctx.tenantId, req.membership!.id);
    return {
      title: t('academy.my.title'),
      upcoming: upcoming.map((p) => ({
        ...p,
        when: p.firstStart ? formatDateTime(p.firstStart) : null,
      })),
      history: history.map((p) => ({
        ...p,
        lastDay: p.lastEnd ? formatDate(p.lastEnd) : '',
      })),
    };
  }

  @Get(':slug/attest.pdf')
  @RequireMember()
  async certificate(
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.certificates.pdfFor(this.ctx.tenant, req.membership!.id, slug);
    if (!result.ok) {
      const answer = CERTIFICATE_REFUSALS[result.reason];
      if (answer.status === 404) throw new NotFoundException();
      res.status(answer.status).render('errors/error', {
        title: t(answer.title!),
        message: t(answer.message!),
      });
      return;
    }
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'no-store',
    });
    res.send(result.pdf);
  }
}
