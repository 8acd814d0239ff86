import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { asTenantId } from '../database/tenant-id';
import { t } from '../i18n/i18n';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { AuthFlowsService } from './auth-flows.service';
import { EmailDto, NewPasswordDto } from './dto/auth.dto';
import { MembershipsService } from './memberships.service';
import { hashPassword } from './passwords';
import { FormRateLimit, MailFormRateLimit } from './rate-limit';
import { logIn, saveSession } from './session-login';
import { bothHosts, renderInvalidLink, showMailSent, siteOf, tenantOf } from './web';

/** "Wachtwoord vergeten": an e-mailed link (1 hour, single use, this host) to choose a new password. */
@Controller()
export class PasswordResetController {
  constructor(
    private readonly flows: AuthFlowsService,
    private readonly memberships: MembershipsService,
  ) {}

  @Get(bothHosts('wachtwoord-vergeten'))
  @FormPage()
  forgotPage(@Res() res: Response): void {
    res.render('auth/forgot', { title: 'Wachtwoord vergeten', values: {} });
  }

  @Post(bothHosts('wachtwoord-vergeten'))
  @MailFormRateLimit()
  @FormSubmit('auth/forgot', 'Wachtwoord vergeten')
  async forgot(@Req() req: Request, @Res() res: Response, @Body() body: EmailDto): Promise<void> {
    // Only queues the work: the same answer, by the same path, for every address.
    await this.flows.requestLink(siteOf(res), 'reset', body.email);
    await showMailSent(req, res, 'reset', body.email);
  }

  @Get(bothHosts('wachtwoord-vergeten/:token'))
  @FormPage()
  async resetPage(@Res() res: Response, @Param('token') raw: string): Promise<void> {
    const token = await this.flows.findToken(siteOf(res), 'reset', raw);
    if (!token) return renderInvalidLink(res, 'reset');
    res.render('auth/reset', {
      title: 'Kies een nieuw wachtwoord',
      email: token.email,
      values: {},
    });
  }

  @Post(bothHosts('wachtwoord-vergeten/:token'))
  @FormRateLimit()
  @FormSubmit('auth/reset', 'Kies een nieuw wachtwoord')
  async reset(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
    @Body() body: NewPasswordDto,
  ): Promise<void> {
    const site = siteOf(res);
    if (!(await this.flows.findToken(site, 'reset', raw))) return renderInvalidLink(res, 'reset');
    const passwordHash = await hashPassword(body.password);
    const user = await this.flows.resetPassword(site, raw, passwordHash);
    if (!user) return renderInvalidLink(res, 'reset');
    // Every other session of this account is now void (sessionsValidAfter); this one is new.
    await logIn(req, res, user);
    const tenant = tenantOf(res);
    if (tenant && !(await this.memberships.findForUser(asTenantId(tenant.id), user.id)))
      return res.redirect(303, '/aansluiten');
    req.session.flash = t('auth.passwordReset');
    await saveSession(req);
    res.redirect(303, '/');
  }
}
