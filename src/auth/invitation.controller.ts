import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../i18n/i18n';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import { FormPage } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { AuthFlowsService } from './auth-flows.service';
import { AcceptInvitationDto, MESSAGES } from './dto/auth.dto';
import { ROLE_LABELS } from './invitations.service';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';
import { FormRateLimit } from './rate-limit';
import { logIn, saveSession } from './session-login';
import { renderInvalidLink, tenantOf } from './web';
import { validateBody } from '../web/forms/validate-body';
import type { FieldErrors } from '../web/forms/form-validation';
import { ValidatesOwnForm } from '../web/input-guard';

/**
 * Accepting an invitation (/uitnodiging/<token>, on the municipality's host). The link was
 * mailed to the invited address, so it proves the address: a new account is created verified;
 * an existing account joins (or gets the higher role) without typing its password.
 */
@Controller()
export class InvitationController {
  constructor(private readonly flows: AuthFlowsService) {}

  private tenant(res: Response): Tenant {
    const tenant = tenantOf(res);
    if (!tenant) throw new NotFoundException();
    return tenant;
  }

  private view(
    tenant: Tenant,
    info: { email: string; role: keyof typeof ROLE_LABELS; accountExists: boolean },
  ) {
    return {
      title: `Uitnodiging voor de Mantelzorghub ${tenant.name}`,
      email: info.email,
      roleLabel: ROLE_LABELS[info.role],
      accountExists: info.accountExists,
    };
  }

  @Get('uitnodiging/:token')
  @FormPage()
  async page(@Res() res: Response, @Param('token') raw: string): Promise<void> {
    const tenant = this.tenant(res);
    const info = await this.flows.invitationInfo(tenant, raw);
    if (!info) return renderInvalidLink(res, 'invite');
    res.render('auth/invitation', { ...this.view(tenant, info), values: {} });
  }

  @Post('uitnodiging/:token')
  @FormRateLimit()
  @FormPage()
  @ValidatesOwnForm()
  async accept(
    @Req() req: Request,
    @Res() res: Response,
    @Param('token') raw: string,
    @Body() input: Record<string, unknown>,
  ): Promise<void> {
    const tenant = this.tenant(res);
    const info = await this.flows.invitationInfo(tenant, raw);
    if (!info) return renderInvalidLink(res, 'invite');
    const valid = await validateBody(AcceptInvitationDto, input);
    // A new account needs a password: staff log in often, and links alone are slow for them.
    const password = typeof input.password === 'string' ? input.password : '';
    const allErrors: FieldErrors = valid.ok ? {} : { ...valid.errors };
    if (!info.accountExists && !allErrors.password && password.length < MIN_PASSWORD_LENGTH) {
      allErrors.password = password ? MESSAGES.passwordShort : t('auth.chooseInvitePassword');
    }
    if (!valid.ok || Object.keys(allErrors).length > 0) {
      const view = this.view(tenant, info);
      return renderForm(req, res, { view: 'auth/invitation', title: view.title }, allErrors, view);
    }
    const body = valid.dto;
    const passwordHash = !info.accountExists ? await hashPassword(password) : null;
    const result = await this.flows.acceptInvitation(tenant, raw, {
      displayName: body.displayName,
      passwordHash,
    });
    if (!result) return renderInvalidLink(res, 'invite');
    await logIn(req, res, result.user);
    req.session.flash = t('auth.welcomeInvited', { tenant: tenant.name });
    await saveSession(req);
    res.redirect(303, result.role === 'tenant_admin' ? '/beheer' : '/');
  }
}
