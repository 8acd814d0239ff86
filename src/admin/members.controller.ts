import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Query,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ROLES, type Role } from '../auth/entities/membership.entity';
import { RequireRole } from '../auth/guards/auth.guards';
import { InvitationsService } from '../auth/invitations.service';
import { t } from '../i18n/i18n';
import { refusedFields, ValidatesOwnForm } from '../web/input-guard';
import { pageNumber } from '../web/page-number';
import { RequestContext } from '../tenancy/request-context';
import { FormPage, FormSubmit } from '../web/form-page.interceptor';
import { renderForm } from '../web/html-exception.filter';
import { InviteDto } from './dto/invite.dto';
import { MemberRoleDto } from './dto/member-role.dto';
import { MemberStaffDto } from './dto/member-staff.dto';
import { validateBody } from '../web/forms/validate-body';
import { MEMBERS_PAGE_SIZE, MembersService, type MemberRow } from './members.service';
import { UUID } from '../common/uuid';

const INVITE_FORM = { view: 'admin/invite', title: t('admin.invite.title') };
const MEMBER_VIEW = 'admin/member';

function roleLabel(role: Role): string {
  return t(`admin.role.${role}`);
}

function roleOptions(checked: Role) {
  return ROLES.map((value) => ({
    value,
    label: roleLabel(value),
    hint: t(`admin.role.${value}.hint`),
    checked: value === checked,
  }));
}

/** The members of this municipality: list, roles, invitations. */
@Controller('beheer/leden')
@RequireRole('tenant_admin')
export class MembersController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Render('admin/members')
  async list(@Query('pagina') pageParam?: unknown) {
    let page = pageNumber(pageParam);
    let { members, total } = await this.members.list(this.ctx.tenantId, page);
    const pages = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
    if (page > pages) {
      // Past the end (an old link, a typed number): the last page.
      page = pages;
      ({ members, total } = await this.members.list(this.ctx.tenantId, page));
    }
    return {
      title: t('admin.members.title'),
      members: members.map((m) => ({ ...m, roleLabel: roleLabel(m.role) })),
      total,
      page,
      pages,
      previousPage: page > 1 ? page - 1 : null,
      nextPage: page < pages ? page + 1 : null,
    };
  }

  // Declared before ':id', so that "uitnodigen" is not taken for a member's id.
  @Get('uitnodigen')
  @FormPage()
  @Render(INVITE_FORM.view)
  inviteForm() {
    return { title: INVITE_FORM.title, values: {} };
  }

  @Post('uitnodigen')
  @FormSubmit(INVITE_FORM.view, INVITE_FORM.title)
  async invite(@Body() dto: InviteDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const tenant = this.ctx.tenant;
    if (await this.members.isMember(this.ctx.tenantId, dto.email)) {
      const message = `${dto.email} is al lid van de Mantelzorghub ${tenant.name}. Wil je de rol veranderen? Doe dat via de ledenlijst.`;
      renderForm(req, res, INVITE_FORM, { email: message });
      return;
    }
    await this.invitations.invite({
      tenant,
      email: dto.email,
      role: dto.role,
      invitedByName: req.membership?.displayName ?? tenant.name,
    });
    req.session.flash = t('admin.invite.sent', { email: dto.email });
    res.redirect(303, '/beheer/leden');
  }

  @Get(':id')
  @FormPage()
  @Render(MEMBER_VIEW)
  async member(@Param('id') id: string, @Req() req: Request) {
    const member = await this.findOr404(id);
    return this.memberView(member, req);
  }

  @Post(':id/rol')
  @ValidatesOwnForm()
  async changeRole(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const member = await this.findOr404(id);
    const title = t('admin.members.details', { name: member.displayName });
    const valid = await validateBody(MemberRoleDto, body);
    if (!valid.ok) {
      renderForm(
        req,
        res,
        { view: MEMBER_VIEW, title },
        refusedFields(body) ?? { role: 'Kies de rol van dit lid.' },
        this.memberView(member, req),
      );
      return;
    }
    const result = await this.members.changeRole(this.ctx.tenantId, id, valid.dto.role);
    if (!result.ok && result.reason === 'not-found') throw new NotFoundException();
    if (!result.ok) {
      const message = t('admin.members.lastAdmin', { name: member.displayName });
      renderForm(
        req,
        res,
        { view: MEMBER_VIEW, title },
        { role: message },
        this.memberView(result.member, req),
      );
      return;
    }
    const label = roleLabel(result.member.role);
    if (id === req.membership?.id && result.member.role !== 'tenant_admin') {
      req.session.flash = t('admin.members.selfDemoted', { role: label });
      res.redirect(303, '/');
      return;
    }
    req.session.flash = t('admin.members.roleChanged', { name: member.displayName, role: label });
    res.redirect(303, `/beheer/leden/${id}`);
  }

  @Post(':id/medewerker')
  @ValidatesOwnForm()
  async setStaff(
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const member = await this.findOr404(id);
    const valid = await validateBody(MemberStaffDto, body);
    if (!valid.ok) {
      renderForm(
        req,
        res,
        { view: MEMBER_VIEW, title: t('admin.members.details', { name: member.displayName }) },
        refusedFields(body) ?? { staff: t('admin.members.staffInvalid') },
        this.memberView(member, req),
      );
      return;
    }
    const staff = valid.dto.staff === '1';
    if (!(await this.members.setStaff(this.ctx.tenantId, id, staff))) throw new NotFoundException();
    req.session.flash = t(staff ? 'admin.members.staffOn' : 'admin.members.staffOff', {
      name: member.displayName,
    });
    res.redirect(303, `/beheer/leden/${id}`);
  }

  private async findOr404(id: string): Promise<MemberRow> {
    // An id of another municipality is simply not found here (RLS and the tenant filter).
    const member = UUID.test(id) ? await this.members.find(this.ctx.tenantId, id) : null;
    if (!member) throw new NotFoundException();
    return member;
  }

  private memberView(member: MemberRow, req: Request) {
    return {
      title: t('admin.members.details', { name: member.displayName }),
      member: { ...member, roleLabel: roleLabel(member.role) },
      isSelf: member.id === req.membership?.id,
      roles: roleOptions(member.role),
    };
  }
}
