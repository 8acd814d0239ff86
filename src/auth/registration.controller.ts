import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { asTenantId } from '../database/tenant-id';
import { t } from '../i18n/i18n';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { AuthFlowsService } from './auth-flows.service';
import { ConfirmDto, JoinDto, RegisterDto } from './dto/auth.dto';
import { RequireLogin } from './guards/auth.guards';
import { MembershipsService } from './memberships.service';
import { hashPassword } from './passwords';
import { FormRateLimit, MailFormRateLimit } from './rate-limit';
import { logIn, saveSession } from './session-login';
import { renderInvalidLink, showMailSent, tenantOf } from './web';

/**
 * Registration on a municipality's host, verification of the e-mail address, and joining a
 * second municipality with an existing account (by e-mailed link, or logged in).
 *
 * The password typed at registration is hashed and kept in this browser's server-side session,
 * bound to the verification token; it is set on the account only when that token is used from
 * this session. So whoever opens the link from the mailbox decides, and someone who registers
 * another person's address cannot plant a password on their account. Opened in another browser,
 * the confirmation page asks for the password again (optional).
 *
 * Joining by link: the link was mailed to the account's address, so like a login link it proves
 * the address; using it creates the membership and logs in (no password needed).
 */
@Controller()
export class RegistrationController {
  constructor(
    private readonly flows: AuthFlowsService,
    private readonly memberships: MembershipsService,
  ) {}

  private tenant(res: Response): Tenant {
    const tenant = tenantOf(res);
    if (!tenant) throw new NotFoundException();
    return tenant;
  }

  @Get('registreren')
  @FormPage()
  async registerPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const tenant = this.tenant(res);
    if (req.user) {
      const member = await this.memberships.findForUser(asTenantId(tenant.id), req.user.id);
      return res.redirect(303, member ? '/' : '/aansluiten');
    }
    res.render('auth/register', { title: 'Account maken', values: {} });
  }

  @Post('registreren')
  @MailFormRateLimit()
  @FormSubmit('auth/register', 'Account maken')
  async register(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: RegisterDto,
  ): Promise<void> {
    const tenant = this.tenant(res);
    // The same path for every address: hash, queue the mail job (which looks the address up
    // after this answer), and keep the hash bound to the verification token's id in this
    // browser's session (used only if the address turns out to be new).
    const passwordHash = body.password ? await hashPassword(body.password) : null;
    const { verifyTokenId } = await this.flows.requestRegistration(tenant, {
      email: body.email,
      displayName: body.displayName,
    });
    req.session.pendingRegistration = { tokenId: verifyTokenId, passwordHash };
    await showMailSent(req, res, 'register', body.email);
  }

  @Get('bevestigen/:token')
  @FormPage()
  async confirmPage(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
  ): Promise<void> {
    const token = await this.flows.findToken(
      { kind: 'tenant', tenant: this.tenant(res) },
      'verify',
      raw,
    );
    if (!token) return renderInvalidLink(res, 'verify');
    const sameBrowser = req.session.pendingRegistration?.tokenId === token.id;
    res.render('auth/confirm', {
      title: 'Bevestig je account',
      email: token.email,
      displayName: token.displayName,
      askPassword: !sameBrowser,
      values: {},
    });
  }

  @Post('bevestigen/:token')
  @FormRateLimit()
  @FormSubmit('auth/confirm', 'Bevestig je account')
  async confirm(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
    @Body() body: ConfirmDto,
  ): Promise<void> {
    const tenant = this.tenant(res);
    const typedHash = body.password ? await hashPassword(body.password) : null;
    const pending = req.session.pendingRegistration;
    const user = /^[A-Za-z0-9_-]{20,100}$/.test(raw)
      ? await this.flows.confirmRegistration(
          tenant,
          raw,
          (tokenId) => typedHash ?? (pending?.tokenId === tokenId ? pending.passwordHash : null),
        )
      : null;
    if (!user) return renderInvalidLink(res, 'verify');
    await logIn(req, res, user);
    req.session.flash = t('auth.welcomeRegistered', { tenant: tenant.name });
    await saveSession(req);
    res.redirect(303, '/');
  }

  @Get('aansluiten/:token')
  @FormPage()
  async joinTokenPage(@Res() res: Response, @Param('token') raw: string): Promise<void> {
    const tenant = this.tenant(res);
    const token = await this.flows.findToken({ kind: 'tenant', tenant }, 'join', raw);
    if (!token) return renderInvalidLink(res, 'join');
    res.render('auth/join-token', {
      title: `Doe mee met de Mantelzorghub ${tenant.name}`,
      email: token.email,
      displayName: token.displayName,
    });
  }

  @Post('aansluiten/:token')
  @FormRateLimit()
  async joinWithToken(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
  ): Promise<void> {
    const tenant = this.tenant(res);
    const user = /^[A-Za-z0-9_-]{20,100}$/.test(raw)
      ? await this.flows.joinWithToken(tenant, raw)
      : null;
    if (!user) return renderInvalidLink(res, 'join');
    await logIn(req, res, user);
    req.session.flash = `${t('auth.welcomeJoined', { tenant: tenant.name })} ${t('auth.loggedIn')}`;
    await saveSession(req);
    res.redirect(303, '/');
  }

  @Get('aansluiten')
  @RequireLogin()
  @FormPage()
  async joinPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const tenant = this.tenant(res);
    if (req.membership) return res.redirect(303, '/');
    res.render('auth/join', { title: `Doe mee met de Mantelzorghub ${tenant.name}`, values: {} });
  }

  @Post('aansluiten')
  @RequireLogin()
  @FormSubmit('auth/join', 'Doe mee met de Mantelzorghub')
  async join(@Req() req: Request, @Res() res: Response, @Body() body: JoinDto): Promise<void> {
    const tenant = this.tenant(res);
    await this.flows.join(tenant, req.user!.id, body.displayName);
    req.session.flash = t('auth.welcomeJoined', { tenant: tenant.name });
    res.redirect(303, '/');
  }
}
