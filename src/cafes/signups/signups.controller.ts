import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { safeReturnPath } from '../../auth/session-login';
import { Clock } from '../../common/clock';
import { SignedLinks } from '../../common/signed-links';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { formatDateTime } from '../../web/view-helpers';
import { CafesService } from '../cafes.service';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { Signup } from './entities/signup.entity';
import { FollowsService } from '../follows/follows.service';
import { MEETING_KEY } from '../common/recurrence';
import { MeetingPage } from '../meetings/meeting-page';
import { refusedFields, ValidatesOwnForm, withoutControls } from '../../web/input-guard';
import {
  MAX_COMPANIONS,
  SIGNUP_CANCEL_PURPOSE,
  SignupsService,
  type SignupInput,
} from './signups.service';

/** The form on the meeting page → what is stored; null when the form was tampered with. */
export function parseSignupForm(body: Record<string, unknown>): SignupInput | null {
  const raw = String(body.companions ?? '0');
  if (!/^\d$/.test(raw)) return null;
  const companions = Number(raw);
  if (companions > MAX_COMPANIONS) return null;
  const checked = (name: string) => body[name] !== undefined && body[name] !== '';
  const text = String(body.otherNeed ?? '')
    .trim()
    .slice(0, 500);
  return {
    companions,
    needsRespite: checked('respite'),
    needsTransport: checked('transport'),
    needsOther: text || (checked('other') ? t('signups.needs.otherUnspecified') : null),
  };
}

/**
 * Sign-up, cancel and follow for members, "mijn aanmeldingen", and the one-click cancel link from
 * e-mail (`/e/afmelden/<token>`: GET shows one button, POST acts; no CSRF, the token is the proof).
 */
@Controller()
export class SignupsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly signups: SignupsService,
    private readonly follows: FollowsService,
    private readonly links: SignedLinks,
    private readonly clock: Clock,
    private readonly meetingPage: MeetingPage,
  ) {}

  @Post('cafes/:slug/:meeting/aanmelden')
  @RequireMember()
  @ValidatesOwnForm()
  async signUp(
    @Param('slug') slug: string,
    @Param('meeting') key: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.findMeeting(slug, key);
    const back = `/cafes/${found.cafe.slug}/${found.meeting.key}`;
    const refused = refusedFields(body);
    if (refused) {
      // What the input guard refused: the meeting page again, the error at the field, the input kept.
      const values = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, withoutControls(String([v].flat()[0] ?? ''))]),
      );
      const page = await this.meetingPage.build(req, slug, key, { errors: refused, values });
      res.status(400).render('cafes/meeting', page!);
      return;
    }
    const input = parseSignupForm(body);
    if (!input) {
      req.session.flash = t('signups.invalid');
      return res.redirect(303, back);
    }
    const result = await this.signups.signUp(
      this.ctx.tenant,
      found.meeting.id,
      req.membership!.id,
      input,
    );
    if (!result.ok) {
      if (result.reason === 'not-found') throw new NotFoundException();
      if (result.reason === 'already') {
        req.session.flash = t('signups.already');
        return res.redirect(303, back);
      }
      res.status(409).render('errors/error', {
        title: t('signups.refused.title'),
        message: t(`signups.refused.${result.reason}`),
      });
      return;
    }
    req.session.flash =
      result.status === 'confirmed'
        ? t('signups.confirmed', { date: formatDateTime(found.meeting.startsAt) })
        : t('signups.waitlisted', { position: result.position });
    res.redirect(303, back);
  }

  @Post('cafes/:slug/:meeting/afmelden')
  @RequireMember()
  async cancelOwn(
    @Param('slug') slug: string,
    @Param('meeting') key: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.findMeeting(slug, key);
    const back = `/cafes/${found.cafe.slug}/${found.meeting.key}`;
    const tenantId = this.ctx.tenantId;
    const signup = await this.cafes.run(tenantId, (em) =>
      em
        .getRepository(Signup)
        .findOneBy({ tenantId, meetingId: found.meeting.id, membershipId: req.membership!.id }),
    );
    const result = signup
      ? await this.signups.cancel(this.ctx.tenant, signup.id, {
          membershipId: req.membership!.id,
        })
      : ({ ok: false, reason: 'already' } as const);
    req.session.flash = result.ok
      ? t('signups.cancelled', { date: formatDateTime(found.meeting.startsAt) })
      : t(result.reason === 'past' ? 'signups.cancel.past' : 'signups.cancel.already');
    res.redirect(303, safeReturnPath(req.body?.terug, back));
  }

  @Post('cafes/:slug/volgen')
  @RequireMember()
  async follow(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    await this.setFollow(slug, req, res, true);
  }

  @Post('cafes/:slug/ontvolgen')
  @RequireMember()
  async unfollow(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    await this.setFollow(slug, req, res, false);
  }

  @Get('e/afmelden/:token')
  async cancelLinkPage(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.fromToken(token, res);
    if (!found) return;
    const { cafe, meeting, signup, active } = found;
    res.render('cafes/signup-cancel', {
      title: t('signups.link.title'),
      cafe,
      meeting,
      signup,
      active,
      past: meeting.endsAt.getTime() < this.clock.now().getTime(),
    });
  }

  /** Also the RFC 8058-style one-click POST: the token alone is enough. */
  @Post('e/afmelden/:token')
  @HttpCode(200)
  async cancelLink(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const found = await this.fromToken(token, res);
    if (!found) return;
    const { cafe, meeting } = found;
    const result = await this.signups.cancel(this.ctx.tenant, found.signup.id, {
      queuedAtMs: found.queuedAtMs,
    });
    res.render('cafes/signup-cancelled', {
      title: result.ok ? t('signups.link.done') : t('signups.link.notActive'),
      cafe,
      meeting,
      done: result.ok,
      past: !result.ok && result.reason === 'past',
    });
  }

  private async setFollow(slug: string, req: Request, res: Response, on: boolean) {
    const tenantId = this.ctx.tenantId;
    const membershipId = req.membership!.id;
    const cafe = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return null;
      if (on) await this.follows.follow(em, tenantId, cafe.id, membershipId);
      else await this.follows.unfollow(em, tenantId, cafe.id, membershipId);
      return cafe;
    });
    if (!cafe) throw new NotFoundException();
    req.session.flash = t(on ? 'signups.follow.done' : 'signups.unfollow.done', {
      name: cafe.name,
    });
    res.redirect(303, safeReturnPath(req.body?.terug, `/cafes/${cafe.slug}`));
  }

  private async findMeeting(slug: string, key: string): Promise<{ cafe: Cafe; meeting: Meeting }> {
    const tenantId = this.ctx.tenantId;
    const found = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe || !MEETING_KEY.test(key)) return null;
      const meeting = await this.cafes.findMeeting(em, tenantId, cafe.id, key);
      return meeting ? { cafe, meeting } : null;
    });
    if (!found) throw new NotFoundException();
    return found;
  }

  /**
   * The sign-up a signed link points at, or null after rendering why not: a damaged link or one of
   * another municipality → 404, an expired one → 400.
   */
  private async fromToken(token: string, res: Response) {
    const verified = this.links.verify(token, SIGNUP_CANCEL_PURPOSE);
    const tenantId = this.ctx.tenantId;
    const refuse = (status: number, kind: 'invalid' | 'expired') => {
      res.status(status).render('errors/error', {
        title: t(`signups.link.${kind}.title`),
        message: t(`signups.link.${kind}`),
      });
      return null;
    };
    if (!verified.ok) return refuse(verified.reason === 'expired' ? 400 : 404, verified.reason);
    const { payload } = verified;
    if (payload.t !== tenantId || payload.ids.length !== 2) return refuse(404, 'invalid');
    const [signupId, queuedAt] = payload.ids;
    const found = await this.cafes.run(tenantId, async (em) => {
      const signup = await em.getRepository(Signup).findOneBy({ tenantId, id: signupId });
      if (!signup) return null;
      const meeting = await em
        .getRepository(Meeting)
        .findOneByOrFail({ tenantId, id: signup.meetingId });
      const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
      return { signup, meeting, cafe };
    });
    if (!found) return refuse(404, 'invalid');
    const queuedAtMs = Number(queuedAt);
    const active =
      found.signup.status !== 'cancelled' && found.signup.queuedAt.getTime() === queuedAtMs;
    return { ...found, queuedAtMs, active };
  }
}
