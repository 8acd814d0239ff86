import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { AuthFlowsService } from './auth-flows.service';
import { EmailDto, LoginDto } from './dto/auth.dto';
import { MembershipsService } from './memberships.service';
import { verifyPassword } from './passwords';
import { FormRateLimit, MailFormRateLimit, RateLimiter, tooManyRequests } from './rate-limit';
import { SESSION_COOKIE } from './session';
import { logIn, logOut, safeReturnPath } from './session-login';
import { UsersService } from './users.service';
import { bothHosts, renderInvalidLink, showMailSent, siteOf, tenantOf } from './web';
import type { User } from './entities/user.entity';
import { asTenantId } from '../database/tenant-id';
import { t } from '../i18n/i18n';

export const LOGIN_FAILED = t('auth.loginFailed');

/** Login with a password or an e-mailed link, logout, and the "check your mail" page (both hosts). */
@Controller()
export class LoginController {
  constructor(
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
    private readonly flows: AuthFlowsService,
    private readonly limiter: RateLimiter,
  ) {}

  @Get(bothHosts('inloggen'))
  @FormPage()
  loginPage(@Req() req: Request, @Res() res: Response, @Query('terug') terug?: string): void {
    if (req.user) return res.redirect(303, safeReturnPath(terug));
    res.render('auth/login', { title: 'Inloggen', values: { terug: safeReturnPath(terug, '') } });
  }

  @Post(bothHosts('inloggen'))
  @FormSubmit('auth/login', 'Inloggen')
  async login(@Req() req: Request, @Res() res: Response, @Body() body: LoginDto): Promise<void> {
    // Rate limits count FAILED logins (RATE_LIMITS.login): the attempt is reserved here and
    // given back when the password is right, so nobody's failures shut out a correct login
    // from another IP. Known and unknown addresses are counted alike.
    const attempt = await this.limiter.reserve(this.limiter.loginCounters(req, body.email));
    if (!attempt.allowed) {
      if (attempt.scope !== 'login-account') throw tooManyRequests(res, attempt);
      // The address's daily ceiling: no more password guesses today, a login link still works.
      res.setHeader('Retry-After', String(Math.ceil(attempt.retryAfterMs / 1000)));
      return renderForm(
        req,
        res,
        { view: 'auth/login', title: 'Inloggen' },
        { email: t('auth.passwordLoginPaused') },
        {},
        429,
      );
    }
    // argon2 outside any transaction; unknown e-mail and wrong password take the same path.
    const user = await this.users.findByEmail(body.email);
    const ok = await verifyPassword(user?.passwordHash, body.password);
    if (!user || !ok) {
      return renderForm(
        req,
        res,
        { view: 'auth/login', title: 'Inloggen' },
        { email: LOGIN_FAILED },
      );
    }
    await attempt.release();
    if (!user.emailVerifiedAt) {
      // Only someone who knows the password gets here: send a login link, which also verifies.
      await this.flows.requestLink(siteOf(res), 'login', user.email);
      return showMailSent(req, res, 'verify-first', user.email);
    }
    await this.finishLogin(req, res, user, body.terug);
  }

  @Get(bothHosts('inloggen/link'))
  @FormPage()
  linkPage(@Res() res: Response): void {
    res.render('auth/login-link', { title: 'Inloggen met een link in je e-mail', values: {} });
  }

  @Post(bothHosts('inloggen/link'))
  @MailFormRateLimit()
  @FormSubmit('auth/login-link', 'Inloggen met een link in je e-mail')
  async requestLink(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: EmailDto,
  ): Promise<void> {
    // Only queues the work: the same answer, by the same path, for every address.
    await this.flows.requestLink(siteOf(res), 'login', body.email);
    await showMailSent(req, res, 'login-link', body.email);
  }

  @Get(bothHosts('inloggen/link/:token'))
  @FormPage()
  async linkConfirmPage(@Res() res: Response, @Param('token') raw: string): Promise<void> {
    const token = await this.flows.findToken(siteOf(res), 'login', raw);
    if (!token) return renderInvalidLink(res, 'login');
    res.render('auth/login-link-confirm', { title: 'Inloggen', email: token.email });
  }

  @Post(bothHosts('inloggen/link/:token'))
  @FormRateLimit()
  async loginWithLink(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
  ): Promise<void> {
    const user = /^[A-Za-z0-9_-]{20,100}$/.test(raw)
      ? await this.flows.loginWithLink(siteOf(res), raw)
      : null;
    if (!user) return renderInvalidLink(res, 'login');
    await this.finishLogin(req, res, user, undefined);
  }

  /** Logged in: on a municipality where the account has no membership yet, offer to join. */
  private async finishLogin(
    req: Request,
    res: Response,
    user: User,
    terug: string | undefined,
  ): Promise<void> {
    await logIn(req, res, user);
    const tenant = tenantOf(res);
    if (tenant && !(await this.memberships.findForUser(asTenantId(tenant.id), user.id))) {
      return res.redirect(303, '/aansluiten');
    }
    req.session.flash = t('auth.loggedIn');
    res.redirect(303, safeReturnPath(terug));
  }

  @Get(bothHosts('uitloggen'))
  @FormPage()
  logoutPage(@Req() req: Request, @Res() res: Response): void {
    if (!req.user) return res.redirect(303, '/');
    res.render('auth/logout', { title: 'Uitloggen' });
  }

  @Post(bothHosts('uitloggen'))
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    await logOut(req, res, SESSION_COOKIE);
    res.redirect(303, '/uitgelogd');
  }

  @Get(bothHosts('uitgelogd'))
  loggedOut(@Res() res: Response, @Query('overal') everywhere?: string): void {
    res.render('auth/logged-out', { title: 'Je bent uitgelogd', everywhere: everywhere === '1' });
  }

  @Get(bothHosts('mail-verstuurd'))
  mailSent(@Req() req: Request, @Res() res: Response): void {
    const sent = req.session?.mailSent;
    if (!sent) return res.redirect(303, '/');
    res.render('auth/check-mail', {
      title: 'Kijk in je mailbox',
      email: sent.email,
      [`is_${sent.kind.replace('-', '_')}`]: true,
    });
  }
}
