import { Controller, Get, NotFoundException, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage } from '../../web/form-page.interceptor';
import { formatDate } from '../../web/view-helpers';
import { ManageCourse } from '../common/course-access.guard';
import { REVOKE_OUTCOMES } from './attendance-outcomes';
import { groupedCode } from './certificate-code';
import { CertificatesService } from './certificates.service';

/**
 * Certificates: `/attest/<code>` for anyone (no login: genuine, revoked or unknown), and the
 * admin's list of a course's certificates with "intrekken".
 */
@Controller()
export class CertificatesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly certificates: CertificatesService,
  ) {}

  @Get('attest/:code')
  async verify(@Param('code') code: string, @Res() res: Response): Promise<void> {
    const result = await this.certificates.verify(this.ctx.tenantId, code);
    if (result.status === 'unknown') {
      res.status(404).render('academy/attendance/verify', {
        title: t('academy.verify.unknown.title'),
        unknown: true,
      });
      return;
    }
    const { certificate } = result;
    res.render('academy/attendance/verify', {
      title: t(`academy.verify.${result.status}.title`),
      genuine: result.status === 'genuine',
      revoked: result.status === 'revoked',
      holderName: certificate.holderName,
      courseTitle: certificate.courseTitle,
      completedOn: formatDate(certificate.completedOn),
      code: groupedCode(certificate.code),
    });
  }

  @Get('beheer/academie/:slug/attesten')
  @ManageCourse('admin')
  @FormPage()
  @Render('academy/attendance/certificates')
  async list(@Req() req: Request) {
    const { course } = req.courseAccess!;
    const rows = await this.certificates.listFor(this.ctx.tenantId, course);
    return {
      title: t('academy.certificates.title', { title: course.title }),
      certificates: rows.map((r) => ({
        ...r,
        grouped: groupedCode(r.code),
        completed: formatDate(r.completedOn),
      })),
    };
  }

  @Post('beheer/academie/:slug/attesten/:certificateId/intrekken')
  @ManageCourse('admin')
  async revoke(
    @Param('certificateId') certificateId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { course } = req.courseAccess!;
    const result = await this.certificates.revoke(this.ctx.tenantId, course, certificateId);
    const answer = REVOKE_OUTCOMES[result.ok ? 'revoked' : result.reason];
    if (answer.status === 404) throw new NotFoundException();
    req.session.flash = t(answer.flash!, { name: result.ok ? result.holderName : '' });
    res.redirect(answer.status, `/beheer/academie/${course.slug}/attesten`);
  }
}
