import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { safeReturnPath } from '../../auth/session-login';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { validateBody } from '../../web/forms/validate-body';
import { refusedFields, ValidatesOwnForm, withoutControls } from '../../web/input-guard';
import { formatDateTime } from '../../web/view-helpers';
import { MeetingPageService } from '../meetings/meeting-page.service';
import { SignupFormDto, signupFields, toSignupInput } from './dto/signup.dto';
import {
  CANCEL_LINK_OUTCOMES,
  CANCEL_LINK_REFUSALS,
  CANCEL_OWN_OUTCOMES,
  SIGNUP_PAGE_OUTCOMES,
} from './signup-outcomes';
import { SignupPagesService, type LinkRefusal } from './signup-pages.service';

/**
 * Sign-up, cancel and follow for members, and the one-click cancel link from e-mail
 * (`/e/afmelden/<token>`: GET shows one button, POST acts; no CSRF, the token is the proof).
 * Each request is one call to SignupPagesService; the answers come from signup-outcomes.ts.
 */
@Controller()
export class SignupsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly pages: SignupPagesService,
    private readonly meetingPage: MeetingPageService,
  ) {}

  @Post('cafes/:slug/:meeting/aanmelden')
  @RequireMember()
  @ValidatesOwnForm()
  async signUp(
    @Param('slug') slug: string,
    @Param('meeting') key: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // What the input guard refused comes back as the form; a body the form cannot have sent
    // (companions out of range) gets a flash.
    const refused = refusedFields(body);
    const checked = refused ? null : await validateBody(SignupFormDto, signupFields(body));
    const input = checked?.ok ? toSignupInput(checked.dto) : null;
    const signedUp = await this.pages.signUp(this.ctx.tenant, slug, key, req.membership!.id, input);
    if (!signedUp.found) throw new NotFoundException();
    const { found, result } = signedUp;
    if (refused) {
      // The meeting page again, the error at the field, the input kept.
      const values = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, withoutControls(String([v].flat()[0] ?? ''))]),
      );
      const page = await this.meetingPage.build(req, slug, key, { errors: refused, values });
      res.status(400).render('cafes/meeting', page!);
      return;
    }
    const answer = SIGNUP_PAGE_OUTCOMES[result.ok ? result.status : result.reason];
    if (answer.status === 404) throw new NotFoundException();
    if (answer.flash) {
      req.session.flash = t(answer.flash, {
        date: formatDateTime(found.meeting.startsAt),
        position: result.ok ? result.position : null,
      });
      return res.redirect(answer.status, `/cafes/${found.cafe.slug}/${found.meeting.key}`);
    }
    res.status(answer.status).render('errors/error', {
      title: t(answer.title!),
      message: t(answer.message!),
    });
  }

  @Post('cafes/:slug/:meeting/afmelden')
  @RequireMember()
  async cancelOwn(
    @Param('slug') slug: string,
    @Param('meeting') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const cancelled = await this.pages.cancelOwn(this.ctx.tenant, slug, key, req.membership!.id);
    if (!cancelled.found) throw new NotFoundException();
    const { found, result } = cancelled;
    const answer = CANCEL_OWN_OUTCOMES[result.ok ? 'cancelled' : result.reason];
    req.session.flash = t(answer.flash, { date: formatDateTime(found.meeting.startsAt) });
    const back = `/cafes/${found.cafe.slug}/${found.meeting.key}`;
    res.redirect(answer.status, safeReturnPath(req.body?.terug, back));
  }

  @Post('cafes/:slug/volgen')
  @RequireMember()
  async follow(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    await this.setFollow(slug, req, res, true);
  }

  @Post('cafes/:slug/ontvolgen')
  @RequireMember()
  async unfollow(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    await this.setFollow(slug, req, res, false);
  }

  @Get('e/afmelden/:token')
  async cancelLinkPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cancelLinkPage(this.ctx.tenantId, token);
    if (!found.ok) return this.refuseLink(res, found.refusal);
    const { cafe, meeting, signup, active } = found.target;
    res.render('cafes/signup-cancel', {
      title: t('signups.link.title'),
      cafe,
      meeting,
      signup,
      active,
      past: found.past,
    });
  }

  /** Also the RFC 8058-style one-click POST: the token alone is enough. */
  @Post('e/afmelden/:token')
  @HttpCode(200)
  async cancelLink(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cancelByLink(this.ctx.tenant, token);
    if (!found.ok) return this.refuseLink(res, found.refusal);
    const { cafe, meeting } = found.target;
    const { result } = found;
    const answer = CANCEL_LINK_OUTCOMES[result.ok ? 'cancelled' : result.reason];
    res.status(answer.status).render('cafes/signup-cancelled', {
      title: t(answer.title),
      cafe,
      meeting,
      done: result.ok,
      past: !result.ok && result.reason === 'past',
    });
  }

  private async setFollow(slug: string, req: Request, res: Response, on: boolean) {
    const cafe = await this.pages.setFollow(this.ctx.tenantId, slug, req.membership!.id, on);
    if (!cafe) throw new NotFoundException();
    req.session.flash = t(on ? 'signups.follow.done' : 'signups.unfollow.done', {
      name: cafe.name,
    });
    res.redirect(303, safeReturnPath(req.body?.terug, `/cafes/${cafe.slug}`));
  }

  /** A link that does not act: a damaged one or one of another municipality → 404, expired → 400. */
  private refuseLink(res: Response, refusal: LinkRefusal): void {
    const answer = CANCEL_LINK_REFUSALS[refusal];
    res.status(answer.status).render('errors/error', {
      title: t(answer.title),
      message: t(answer.message),
    });
  }
}
