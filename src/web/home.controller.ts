import { Controller, Get, Header, NotFoundException, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Membership } from '../auth/entities/membership.entity';
import { NEXT_MEETINGS_SQL, type HomeMeeting } from '../cafes/meetings/home-meetings';
import { Clock } from '../common/clock';
import { TenantTransaction } from '../database/tenant-transaction';
import { RequestContext } from '../tenancy/request-context';
import { readStoredFile, sendStoredFile } from '../files/stored-files';

/** A municipality's home page, its brand stylesheet and its logo. */
@Controller()
export class HomeController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Render('home/tenant')
  async home() {
    const tenant = this.ctx.tenant;
    const tenantId = this.ctx.tenantId;
    const { caregivers, meetings } = await this.tx.run(tenantId, async (em) => ({
      caregivers: await em
        .getRepository(Membership)
        .count({ where: { tenantId, role: 'caregiver' } }),
      meetings: await em.query<HomeMeeting[]>(NEXT_MEETINGS_SQL, [tenantId, this.clock.now()]),
    }));
    return {
      title: 'Welkom',
      caregivers,
      meetings,
      hasWelcome: tenant.welcomeText.trim().length > 0,
    };
  }

  /** The tenant's colour as CSS variables: a CSP without 'unsafe-inline' forbids inline styles. */
  @Get('brand.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  brandCss(): string {
    const colour = this.ctx.tenant.brandColor;
    return `:root{--brand:${/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#1d5c8f'};}\n`;
  }

  @Get('logo')
  async logo(@Res() res: Response): Promise<void> {
    const tenant = this.ctx.tenant;
    const tenantId = this.ctx.tenantId;
    if (!tenant.logoFileId) throw new NotFoundException();
    const file = await this.tx.run(tenantId, (em) =>
      readStoredFile(em, tenantId, tenant.logoFileId!),
    );
    if (!file) throw new NotFoundException();
    sendStoredFile(res, file);
  }
}
