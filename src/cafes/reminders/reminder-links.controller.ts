import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { formatDateTime } from '../../web/view-helpers';
import { ONE_CLICK_SIGNUP_OUTCOMES } from '../signups/signup-outcomes';
import { REMINDER_LINK_REFUSALS } from './reminder-link-outcomes';
import { ReminderLinkPagesService, type ReminderLinkRefusal } from './reminder-link-pages.service';

/**
 * The one-click links of a reminder mail, without logging in (the signed token is the proof; `/e/`
 * has no CSRF): sign up for the meeting, stop this café's reminders (also the RFC 8058
 * `List-Unsubscribe-Post` target), stop all café reminders. Every GET only shows one button,
 * because mail scanners open links; the POST acts. Each request is one ReminderLinkPagesService call.
 */
@Controller('e')
export class ReminderLinksController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly pages: ReminderLinkPagesService,
  ) {}

  @Get('aanmelden/:token')
  async signupPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.signupPage(this.ctx.tenantId, token);
    if (!found.ok) return this.refuse(res, found.refusal);
    const { meeting, cafe, membershipId } = found;
    res.render('cafes/oneclick-signup', {
      title: t('reminderLinks.signup.title'),
      meeting,
      cafe,
      membershipId,
    });
  }

  @Post('aanmelden/:token')
  @HttpCode(200)
  async signup(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.signUp(this.ctx.tenant, token);
    if (!found.ok) return this.refuse(res, found.refusal);
    const { meeting, cafe, membershipId, result } = found;
    const answer = ONE_CLICK_SIGNUP_OUTCOMES[result.ok ? result.status : result.reason];
    res.status(answer.status).render('cafes/oneclick-signup', {
      title: t(answer.title),
      meeting,
      cafe,
      membershipId,
      done: true,
      message: t(answer.message, {
        name: cafe.name,
        date: formatDateTime(meeting.startsAt),
        position: result.ok ? result.position : '',
      }),
    });
  }

  @Get('herinneringen/:token')
  async cafeOffPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cafeOffPage(this.ctx.tenantId, token);
    if (!found.ok) return this.refuse(res, found.refusal);
    res.render('cafes/reminders-off', {
      title: t('reminderLinks.cafeOff.title'),
      cafe: found.cafe,
      membershipId: found.membershipId,
    });
  }

  /** The RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`) lands here too. */
  @Post('herinneringen/:token')
  @HttpCode(200)
  async cafeOff(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.cafeOff(this.ctx.tenantId, token);
    if (!found.ok) return this.refuse(res, found.refusal);
    res.render('cafes/reminders-off', {
      title: t('reminderLinks.cafeOff.done.title'),
      cafe: found.cafe,
      membershipId: found.membershipId,
      done: true,
      // The offer to stop all of them: a second one-click link.
      allOffToken: found.allOffToken,
    });
  }

  @Get('herinneringen-alle/:token')
  async allOffPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.pages.allOffPage(this.ctx.tenantId, token);
    if (!found.ok) return this.refuse(res, found.refusal);
    res.render('cafes/reminders-all-off', { title: t('reminderLinks.allOff.title') });
  }

  @Post('herinneringen-alle/:token')
  @HttpCode(200)
  async allOff(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const done = await this.pages.allOff(this.ctx.tenantId, token);
    if (!done.ok) return this.refuse(res, done.refusal);
    res.render('cafes/reminders-all-off', {
      title: t('reminderLinks.allOff.done.title'),
      done: true,
    });
  }

  private refuse(res: Response, refusal: ReminderLinkRefusal): void {
    const answer = REMINDER_LINK_REFUSALS[refusal];
    res.status(answer.status).render('errors/error', {
      title: t(answer.title),
      message: t(answer.message),
    });
  }
}
