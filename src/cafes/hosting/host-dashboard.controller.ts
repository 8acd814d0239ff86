import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { refusedFields, ValidatesOwnForm } from '../../web/input-guard';
import { RequestContext } from '../../tenancy/request-context';
import { generateCsrfToken } from '../../web/csrf';
import { FormPage } from '../../web/form-page.interceptor';
import { formatDateTime } from '../../web/view-helpers';
import { ManageCafe } from './cafe-access.guard';
import { CafesService } from '../cafes.service';
import { toCsv } from './csv';
import { HostDashboardService, type SignupRow } from './host-dashboard.service';
import { WishesService } from '../wishes/wishes.service';

/**
 * The host dashboard (the café's core group and tenant admins only: needs are health-related):
 * sign-ups per upcoming meeting, a printable attendance list, a CSV export, and the wishes by
 * votes with "attach to a meeting". Registered before the public controller.
 */
@Controller('cafes')
export class HostDashboardController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly dashboard: HostDashboardService,
    private readonly wishes: WishesService,
  ) {}

  @Get(':slug/beheer/aanmeldingen')
  @ManageCafe()
  @Render('cafes/dashboard')
  async signups(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const meetings = await this.cafes.run(tenantId, async (em) => {
      const upcoming = await this.cafes.upcoming(em, tenantId, cafe.id, 6);
      const scheduled = upcoming.filter((x) => x.status === 'scheduled');
      return this.dashboard.signupsOf(em, tenantId, scheduled);
    });
    return { title: t('cafes.dashboard.title', { name: cafe.name }), meetings };
  }

  @Get(':slug/beheer/:meeting/aanwezigheidslijst')
  @ManageCafe()
  @Render('cafes/dashboard-attendance')
  async attendance(@Req() req: Request) {
    const { cafe, meeting } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const list = await this.cafes.run(tenantId, (em) =>
      this.dashboard.signups(em, tenantId, meeting!),
    );
    return {
      title: t('cafes.dashboard.attendance.title', {
        name: cafe.name,
        date: formatDateTime(meeting!.startsAt),
      }),
      list,
    };
  }

  @Get(':slug/beheer/:meeting/aanmeldingen.csv')
  @ManageCafe()
  async csv(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { cafe, meeting } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const list = await this.cafes.run(tenantId, (em) =>
      this.dashboard.signups(em, tenantId, meeting!),
    );
    const yes = t('cafes.dashboard.yes');
    const rows: unknown[][] = [
      [
        t('cafes.dashboard.name'),
        t('cafes.dashboard.companions'),
        t('cafes.dashboard.people'),
        t('cafes.dashboard.status'),
        t('cafes.dashboard.position'),
        t('cafes.dashboard.respite'),
        t('cafes.dashboard.transport'),
        t('cafes.dashboard.other'),
      ],
      ...list.signups.map((s: SignupRow) => [
        s.displayName,
        s.companions,
        s.people,
        s.status === 'confirmed' ? t('cafes.dashboard.confirmed') : t('cafes.dashboard.waitlisted'),
        s.position ?? '',
        s.needsRespite ? yes : '',
        s.needsTransport ? yes : '',
        s.needsOther ?? '',
      ]),
    ];
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="aanmeldingen-${cafe.slug}-${meeting!.key}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.send(toCsv(rows));
  }

  @Get(':slug/beheer/wensen')
  @ManageCafe()
  @FormPage()
  @Render('cafes/dashboard-wishes')
  async wishList(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    return {
      title: t('cafes.dashboard.wishes.title', { name: cafe.name }),
      ...(await this.wishData(req)),
    };
  }

  @Post(':slug/beheer/wensen/:wish/koppelen')
  @ManageCafe()
  @ValidatesOwnForm()
  async attach(
    @Param('wish') wishId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    const key = typeof body.bijeenkomst === 'string' ? body.bijeenkomst : '';
    // Refused input (a control character, a field given twice) is asked again like no choice.
    const result = refusedFields(body)
      ? ({ ok: false, reason: 'meeting' } as const)
      : await this.cafes.run(tenantId, (em) =>
          this.wishes.attach(em, tenantId, cafe.id, wishId, key),
        );
    if (!result.ok && result.reason === 'wish') {
      res.status(404).render('errors/error', {
        title: t('error.404.title'),
        message: t('error.404.body'),
      });
      return;
    }
    if (!result.ok) {
      const message =
        result.reason === 'planned'
          ? t('cafes.dashboard.wishes.alreadyPlanned')
          : t('cafes.dashboard.wishes.pickMeeting');
      res.status(400).render('cafes/dashboard-wishes', {
        title: t('cafes.dashboard.wishes.title', { name: cafe.name }),
        ...(await this.wishData(req, wishId, message)),
        errors: { [`bijeenkomst-${wishId}`]: message },
        errorList: [{ field: `bijeenkomst-${wishId}`, message }],
        csrfToken: generateCsrfToken(req),
      });
      return;
    }
    req.session.flash = t('cafes.dashboard.wishes.attached', {
      date: formatDateTime(result.meeting.startsAt),
    });
    res.redirect(303, `/cafes/${cafe.slug}/beheer/wensen`);
  }

  private async wishData(req: Request, errorWishId?: string, error?: string) {
    const { cafe } = req.cafeAccess!;
    const tenantId = this.ctx.tenantId;
    return this.cafes.run(tenantId, async (em) => {
      const wishes = await this.wishes.list(em, tenantId, cafe.id, null);
      const meetings = (await this.cafes.upcoming(em, tenantId, cafe.id, 12)).filter(
        (m) => m.status === 'scheduled',
      );
      return {
        open: wishes
          .filter((w) => w.status === 'open')
          .map((w) => ({ ...w, error: w.id === errorWishId ? error : undefined })),
        planned: wishes.filter((w) => w.status === 'planned'),
        meetings,
      };
    });
  }
}
