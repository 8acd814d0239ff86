import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { ValidatesOwnForm } from '../../web/input-guard';
import { validateBody } from '../../web/forms/validate-body';
import { AttachWishDto } from '../wishes/dto/attach-wish.dto';
import { RequestContext } from '../../tenancy/request-context';
import { generateCsrfToken } from '../../web/csrf';
import { FormPage } from '../../web/form-page.interceptor';
import { formatDateTime } from '../../web/view-helpers';
import { ManageCafe } from './cafe-access.guard';
import { toCsv } from '../../common/csv';
import { HostDashboardService, type SignupRow } from './host-dashboard.service';
import { WishesService } from '../wishes/wishes.service';
import { WISH_DONE, WISH_REFUSALS } from '../wishes/wish-outcomes';
import { refusalMessage } from '../common/outcome';

/**
 * The host dashboard (the café's core group and tenant admins only: needs are health-related):
 * sign-ups per upcoming meeting, a printable attendance list, a CSV export, and the wishes by
 * votes with "attach to a meeting". Registered before the public controller.
 */
@Controller('cafes')
export class HostDashboardController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly dashboard: HostDashboardService,
    private readonly wishes: WishesService,
  ) {}

  @Get(':slug/beheer/aanmeldingen')
  @ManageCafe()
  @Render('cafes/dashboard')
  async signups(@Req() req: Request) {
    const { cafe } = req.cafeAccess!;
    const meetings = await this.dashboard.upcomingSignups(this.ctx.tenantId, cafe.id);
    return { title: t('cafes.dashboard.title', { name: cafe.name }), meetings };
  }

  @Get(':slug/beheer/:meeting/aanwezigheidslijst')
  @ManageCafe()
  @Render('cafes/dashboard-attendance')
  async attendance(@Req() req: Request) {
    const { cafe, meeting } = req.cafeAccess!;
    const list = await this.dashboard.meetingSignups(this.ctx.tenantId, meeting!);
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
    const list = await this.dashboard.meetingSignups(this.ctx.tenantId, meeting!);
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
    const valid = await validateBody(AttachWishDto, body);
    // Refused input (no choice, a control character, a field given twice) is asked again.
    const result = valid.ok
      ? await this.wishes.attachTo(this.ctx.tenantId, cafe.id, wishId, valid.dto.bijeenkomst)
      : ({ ok: false, reason: 'meeting' } as const);
    if (!result.ok && WISH_REFUSALS[result.reason].status === 404) {
      res.status(404).render('errors/error', {
        title: t('error.404.title'),
        message: t('error.404.body'),
      });
      return;
    }
    if (!result.ok) {
      const refusal = WISH_REFUSALS[result.reason];
      const message = refusalMessage(refusal);
      res.status(refusal.status).render('cafes/dashboard-wishes', {
        title: t('cafes.dashboard.wishes.title', { name: cafe.name }),
        ...(await this.wishData(req, wishId, message)),
        errors: { [`bijeenkomst-${wishId}`]: message },
        errorList: [{ field: `bijeenkomst-${wishId}`, message }],
        csrfToken: generateCsrfToken(req),
      });
      return;
    }
    req.session.flash = t(WISH_DONE.attached, {
      date: formatDateTime(result.meeting.startsAt),
    });
    res.redirect(303, `/cafes/${cafe.slug}/beheer/wensen`);
  }

  private async wishData(req: Request, errorWishId?: string, error?: string) {
    const { cafe } = req.cafeAccess!;
    const wishes = await this.wishes.dashboard(this.ctx.tenantId, cafe.id);
    return {
      ...wishes,
      open: wishes.open.map((w) => ({ ...w, error: w.id === errorWishId ? error : undefined })),
    };
  }
}
