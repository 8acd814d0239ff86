import { Body, Controller, Get, NotFoundException, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../i18n/i18n';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { AuthFlowsService } from './auth-flows.service';
import { ChangePasswordDto, ProfileDto } from './dto/auth.dto';
import { RequireLogin } from './guards/auth.guards';
import { hashPassword, verifyPassword } from './passwords';
import { FormRateLimit } from './rate-limit';
import { SESSION_COOKIE } from './session';
import { logIn, logOut, saveSession } from './session-login';
import { UsersService } from './users.service';
import { bothHosts, tenantOf } from './web';

/** The signed-in person's own account: details in this municipality, password, log out everywhere. */
@Controller()
@RequireLogin()
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly flows: AuthFlowsService,
  ) {}

  @Get(bothHosts('account'))
  @FormPage()
  async account(@Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.users.findById(req.user!.id);
    const membership = req.membership;
    res.render('account/index', {
      title: 'Mijn account',
      email: req.user!.email,
      noPassword: !user?.passwordHash,
      values: membership
        ? { displayName: membership.displayName, phone: membership.phone ?? '' }
        : {},
    });
  }

  @Post('account/gegevens')
  @FormSubmit('account/index', 'Mijn account')
  async profile(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: ProfileDto,
  ): Promise<void> {
    const tenant = tenantOf(res);
    if (!tenant || !req.membership) throw new NotFoundException();
    await this.flows.updateProfile(tenant, req.user!.id, {
      displayName: body.displayName,
      phone: body.phone ? body.phone : null,
    });
    req.session.flash = t('auth.profileSaved');
    res.redirect(303, '/account');
  }

  @Get(bothHosts('account/wachtwoord'))
  @FormPage()
  async passwordPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const user = await this.users.findById(req.user!.id);
    res.render('account/password', {
      title: 'Wachtwoord wijzigen',
      noPassword: !user?.passwordHash,
      values: {},
    });
  }

  @Post(bothHosts('account/wachtwoord'))
  @FormRateLimit(10)
  @FormSubmit('account/password', 'Wachtwoord wijzigen')
  async changePassword(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    const user = await this.users.findById(req.user!.id);
    if (!user) throw new NotFoundException();
    if (
      user.passwordHash &&
      !(await verifyPassword(user.passwordHash, body.currentPassword ?? ''))
    ) {
      return renderForm(
        req,
        res,
        { view: 'account/password', title: 'Wachtwoord wijzigen' },
        { currentPassword: t('auth.wrongCurrentPassword') },
      );
    }
    const passwordHash = await hashPassword(body.newPassword);
    // Other sessions and open login/reset links are void now; this browser gets a fresh session.
    const sessionsValidAfter = await this.flows.endSessions(user.id, { passwordHash });
    await logIn(req, res, { ...user, passwordHash, sessionsValidAfter });
    req.session.flash = t('auth.passwordChanged');
    await saveSession(req);
    res.redirect(303, '/account');
  }

  @Post(bothHosts('account/overal-uitloggen'))
  async logoutEverywhere(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.flows.endSessions(req.user!.id);
    await logOut(req, res, SESSION_COOKIE);
    res.redirect(303, '/uitgelogd?overal=1');
  }
}
