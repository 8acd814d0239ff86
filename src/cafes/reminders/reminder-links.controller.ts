import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Membership } from '../../auth/entities/membership.entity';
import { SignedLinks, type SignedPayload } from '../../common/signed-links';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { formatDateTime } from '../../web/view-helpers';
import { Cafe } from '../common/entities/cafe.entity';
import { CafeFollow } from '../follows/entities/cafe-follow.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { FollowsService } from '../follows/follows.service';
import { SignupsService } from '../signups/signups.service';
import { REMINDER_LINK_PURPOSES, ReminderLinks } from './reminder-links';

/**
 * The one-click links of a reminder mail, without logging in (the signed token is the proof; `/e/`
 * has no CSRF): sign up for the meeting, stop this café's reminders (also the RFC 8058
 * `List-Unsubscribe-Post` target), stop all café reminders. Every GET only shows one button,
 * because mail scanners open links; the POST acts.
 */
@Controller('e')
export class ReminderLinksController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly tx: TenantTransaction,
    private readonly links: SignedLinks,
    private readonly reminderLinks: ReminderLinks,
    private readonly follows: FollowsService,
    private readonly signups: SignupsService,
  ) {}

  @Get('aanmelden/:token')
  async signupPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.meetingFromToken(token, res);
    if (!found) return;
    res.render('cafes/oneclick-signup', { title: t('reminderLinks.signup.title'), ...found });
  }

  @Post('aanmelden/:token')
  @HttpCode(200)
  async signup(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.meetingFromToken(token, res);
    if (!found) return;
    const result = await this.signups.signUp(
      this.ctx.tenant,
      found.meeting.id,
      found.membershipId,
      { companions: 0, needsRespite: false, needsTransport: false, needsOther: null },
    );
    const outcome = result.ok ? result.status : result.reason;
    res.render('cafes/oneclick-signup', {
      title: t(`reminderLinks.signup.${outcome}.title`),
      ...found,
      done: true,
      message: t(`reminderLinks.signup.${outcome}`, {
        name: found.cafe.name,
        date: formatDateTime(found.meeting.startsAt),
        position: result.ok ? result.position : '',
      }),
    });
  }

  @Get('herinneringen/:token')
  async cafeOffPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.cafeFromToken(token, res);
    if (!found) return;
    res.render('cafes/reminders-off', { title: t('reminderLinks.cafeOff.title'), ...found });
  }

  /** The RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`) lands here too. */
  @Post('herinneringen/:token')
  @HttpCode(200)
  async cafeOff(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.cafeFromToken(token, res);
    if (!found) return;
    const tenantId = this.ctx.tenantId;
    await this.tx.run(tenantId, (em) =>
      this.follows.setCafeReminders(em, tenantId, found.cafe.id, found.membershipId, 'none'),
    );
    res.render('cafes/reminders-off', {
      title: t('reminderLinks.cafeOff.done.title'),
      ...found,
      done: true,
      // The offer to stop all of them: a second one-click link.
      allOffToken: this.reminderLinks.allOffToken(tenantId, found.membershipId),
    });
  }

  @Get('herinneringen-alle/:token')
  async allOffPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    if (!(await this.membershipFromToken(token, res))) return;
    res.render('cafes/reminders-all-off', { title: t('reminderLinks.allOff.title') });
  }

  @Post('herinneringen-alle/:token')
  @HttpCode(200)
  async allOff(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const membershipId = await this.membershipFromToken(token, res);
    if (!membershipId) return;
    const tenantId = this.ctx.tenantId;
    await this.tx.run(tenantId, async (em) => {
      await this.follows.setDefaultReminders(em, tenantId, membershipId, 'none');
      // Per-café choices fall back to the default, which is now "none".
      await em
        .getRepository(CafeFollow)
        .update({ tenantId, membershipId }, { reminders: 'default' });
    });
    res.render('cafes/reminders-all-off', {
      title: t('reminderLinks.allOff.done.title'),
      done: true,
    });
  }

  /** A valid token of this purpose for this municipality, or null after the error page. */
  private verified(token: string, purpose: string, ids: number, res: Response) {
    const result = this.links.verify(token, purpose);
    if (result.ok && result.payload.t === this.ctx.tenantId && result.payload.ids.length === ids)
      return result.payload;
    const expired = !result.ok && result.reason === 'expired';
    res.status(expired ? 400 : 404).render('errors/error', {
      title: t(expired ? 'reminderLinks.expired.title' : 'reminderLinks.invalid.title'),
      message: t(expired ? 'reminderLinks.expired' : 'reminderLinks.invalid'),
    });
    return null;
  }

  private async meetingFromToken(token: string, res: Response) {
    const payload = this.verified(token, REMINDER_LINK_PURPOSES.signup, 2, res);
    if (!payload) return null;
    const [meetingId, membershipId] = payload.ids;
    return this.loadOrRefuse(payload, res, (tenantId) =>
      this.tx.run(tenantId, async (em) => {
        const meeting = await em.getRepository(Meeting).findOneBy({ tenantId, id: meetingId });
        const member = await em.getRepository(Membership).existsBy({ tenantId, id: membershipId });
        if (!meeting || !member) return null;
        const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
        return { meeting, cafe, membershipId };
      }),
    );
  }

  private async cafeFromToken(token: string, res: Response) {
    const payload = this.verified(token, REMINDER_LINK_PURPOSES.cafeOff, 2, res);
    if (!payload) return null;
    const [membershipId, cafeId] = payload.ids;
    return this.loadOrRefuse(payload, res, (tenantId) =>
      this.tx.run(tenantId, async (em) => {
        const cafe = await em.getRepository(Cafe).findOneBy({ tenantId, id: cafeId });
        const member = await em.getRepository(Membership).existsBy({ tenantId, id: membershipId });
        return cafe && member ? { cafe, membershipId } : null;
      }),
    );
  }

  private async membershipFromToken(token: string, res: Response): Promise<string | null> {
    const payload = this.verified(token, REMINDER_LINK_PURPOSES.allOff, 1, res);
    if (!payload) return null;
    const [membershipId] = payload.ids;
    return this.loadOrRefuse(payload, res, (tenantId) =>
      this.tx.run(tenantId, async (em) =>
        (await em.getRepository(Membership).existsBy({ tenantId, id: membershipId }))
          ? membershipId
          : null,
      ),
    );
  }

  /** Loads what the token names; gone (a deleted membership or café) → the "link does not work" page. */
  private async loadOrRefuse<T>(
    payload: SignedPayload,
    res: Response,
    load: (tenantId: TenantId) => Promise<T | null>,
  ): Promise<T | null> {
    const found = await load(payload.t as TenantId);
    if (found) return found;
    res.status(404).render('errors/error', {
      title: t('reminderLinks.invalid.title'),
      message: t('reminderLinks.invalid'),
    });
    return null;
  }
}
