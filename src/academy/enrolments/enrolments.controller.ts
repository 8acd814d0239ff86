import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { validateBody } from '../../web/forms/validate-body';
import { refusedFields, ValidatesOwnForm } from '../../web/input-guard';
import { answerFields, EnrolFormDto } from './enrolment-answers';
import {
  CANCEL_LINK_OUTCOMES,
  CANCEL_LINK_REFUSALS,
  CANCEL_OWN_OUTCOMES,
  ENROL_PAGE_OUTCOMES,
} from './enrolment-outcomes';
import {
  EnrolmentPagesService,
  type CatalogueQuery,
  type EnrolmentLinkRefusal,
} from './enrolment-pages.service';

/**
 * The public academy pages (the catalogue, a course page and its .ics), enrolling and cancelling
 * for members, and the one-click cancel link from e-mail (`/e/opleiding-afmelden/<token>`: GET
 * shows one button, POST acts; no CSRF, the token is the proof). Each request is one call to
 * EnrolmentPagesService; the answers come from enrolment-outcomes.ts.
 */
@Controller()
export class EnrolmentsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly pages: EnrolmentPagesService,
  ) {}

  @Get('academie')
  async catalogue(@Query() query: CatalogueQuery, @Req() req: Request, @Res() res: Response) {
    res.render(
      'academy/enrolments/catalogue',
      await this.pages.catalogue(this.ctx.tenantId, req.membership, query),
    );
  }

  @Get('academie/:slug.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async ics(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const file = await this.pages.courseIcsFile(this.ctx.tenant, slug);
    if (!file) throw new NotFoundException();
    res.setHeader('Content-Disposition', `attachment; filename="${slug}.ics"`);
    res.send(file);
  }

  @Get('academie/:slug')
  async course(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    const page = await this.pages.coursePage(req, this.ctx.tenantId, slug);
    if (!page) throw new NotFoundException();
    res.render('academy/enrolments/course', page);
  }

  @Post('academie/:slug/inschrijven')
  @RequireMember()
  @ValidatesOwnForm()
  async enrol(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const given = answerFields(body);
    const refused = refusedFields(body);
    const checked = await validateBody(EnrolFormDto, given);
    const enrolled = await this.pages.enrol(
      this.ctx.tenant,
      slug,
      req.membership!,
      checked.ok && !refused ? checked.dto.answers : null,
    );
    if (!enrolled.found) throw new NotFoundException();
    const { found, result } = enrolled;
    const errors =
      refused && !result.ok && result.reason === 'invalid'
        ? Object.fromEntries(
            Object.entries(refused).map(([k, v]) => [k.replace(/^answers\[(.*)\]$/, 'q-$1'), v]),
          )
        : !result.ok && result.reason === 'invalid'
          ? result.errors
          : null;
    if (errors) {
      // The course page again, each message at its question, the answers kept.
      const page = await this.pages.coursePage(req, this.ctx.tenantId, slug, {
        errors,
        values: given.answers,
      });
      if (!page) throw new NotFoundException();
      res.status(400).render('academy/enrolments/course', page);
      return;
    }
    const answer = ENROL_PAGE_OUTCOMES[result.ok ? result.status : result.reason];
    if (answer.status === 404) throw new NotFoundException();
    if (answer.flash) {
      req.session.flash = t(answer.flash, {
        title: found.title,
        position: result.ok ? result.position : null,
      });
      return res.redirect(answer.status, `/academie/${found.slug}`);
    }
    res.status(answer.status).render('errors/error', {
      title: t(answer.title!),
      message: t(answer.message!),
    });
  }

  @Post('academie/:slug/uitschrijven')
  @RequireMember()
  async cancelOwn(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    const cancelled = await this.pages.cancelOwn(this.ctx.tenant, slug, req.membership!);
    if (!cancelled.found) throw new NotFoundException();
    const { found, result } = cancelled;
    const answer = CANCEL_OWN_OUTCOMES[result.ok ? 'cancelled' : result.reason];
    req.session.flash = t(answer.flash, { title: found.title });
    res.redirect(answer.status, `/academie/${found.slug}`);
  }

  @Get('e/opleiding-afmelden/:token')
  async cancelLinkPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cancelLinkPage(this.ctx.tenantId, token);
    if (!found.ok) return this.refuseLink(res, found.refusal);
    const { course, enrollment, active } = found.target;
    res.render('academy/enrolments/cancel-link', {
      title: t('academy.enrolments.link.title'),
      course,
      waitlisted: enrollment.status === 'waitlisted',
      active,
      past: found.past,
    });
  }

  /** Also the RFC 8058-style one-click POST: the token alone is enough. */
  @Post('e/opleiding-afmelden/:token')
  @HttpCode(200)
  async cancelLink(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cancelByLink(this.ctx.tenant, token);
    if (!found.ok) return this.refuseLink(res, found.refusal);
    const { result } = found;
    const answer = CANCEL_LINK_OUTCOMES[result.ok ? 'cancelled' : result.reason];
    res.status(answer.status).render('academy/enrolments/cancelled-link', {
      title: t(answer.title),
      course: found.target.course,
      done: result.ok,
      past: !result.ok && result.reason === 'past',
    });
  }

  /** A link that does not act: a damaged one or one of another municipality → 404, expired → 400. */
  private refuseLink(res: Response, refusal: EnrolmentLinkRefusal): void {
    const answer = CANCEL_LINK_REFUSALS[refusal];
    res.status(answer.status).render('errors/error', {
      title: t(answer.title),
      message: t(answer.message),
    });
  }
}
