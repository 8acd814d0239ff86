import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
  Render,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { generateCsrfToken } from '../../web/csrf';
import { renderForm } from '../../web/html-exception.filter';
import { ValidatesOwnForm } from '../../web/input-guard';
import { CafesService } from '../cafes.service';
import { WishDto } from './dto/wish.dto';
import { validateBody } from '../../web/forms/validate-body';
import { WishesService } from './wishes.service';

const VIEW = 'cafes/wishes';

/**
 * Theme wishes: everyone sees a café's wishes with their votes; a signed-in member of this
 * municipality proposes a theme or speaker, votes once per wish and can withdraw the vote.
 * Registered before the public controller, so `/cafes/<slug>/wensen` is never read as a meeting.
 */
@Controller('cafes')
export class WishesController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly wishes: WishesService,
  ) {}

  @Get(':slug/wensen')
  @Render(VIEW)
  async page(@Param('slug') slug: string, @Req() req: Request) {
    const page = await this.load(slug, req);
    return {
      ...page,
      // Only signed-in people get forms, so anonymous readers get no session.
      csrfToken: req.membership ? generateCsrfToken(req) : undefined,
      values: { kind: 'theme' },
    };
  }

  @Post(':slug/wensen')
  @RequireMember()
  @ValidatesOwnForm()
  async propose(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const membership = req.membership!;
    const valid = await validateBody(WishDto, body);
    if (!valid.ok) {
      const page = await this.load(slug, req);
      return renderForm(req, res, { view: VIEW, title: page.title }, valid.errors, page);
    }
    const tenantId = this.ctx.tenantId;
    const done = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return null;
      await this.wishes.propose(em, tenantId, cafe.id, membership.id, valid.dto);
      return cafe;
    });
    if (!done) throw new NotFoundException();
    req.session.flash = t('cafes.wishes.proposed');
    res.redirect(303, `/cafes/${done.slug}/wensen`);
  }

  @Post(':slug/wensen/:wish/stem')
  @RequireMember()
  async vote(
    @Param('slug') slug: string,
    @Param('wish') wishId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.act(slug, wishId, req, 'vote');
    req.session.flash = t('cafes.wishes.voted');
    res.redirect(303, back(slug, body));
  }

  @Post(':slug/wensen/:wish/intrekken')
  @RequireMember()
  async withdraw(
    @Param('slug') slug: string,
    @Param('wish') wishId: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.act(slug, wishId, req, 'withdraw');
    req.session.flash = t('cafes.wishes.withdrawn');
    res.redirect(303, back(slug, body));
  }

  private async act(slug: string, wishId: string, req: Request, what: 'vote' | 'withdraw') {
    const membership = req.membership!;
    const tenantId = this.ctx.tenantId;
    const ok = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return false;
      const wish = await this.wishes.find(em, tenantId, cafe.id, wishId);
      if (!wish) return false;
      if (what === 'vote') {
        if (wish.status === 'open') await this.wishes.vote(em, tenantId, wish.id, membership.id);
      } else await this.wishes.withdraw(em, tenantId, wish.id, membership.id);
      return true;
    });
    if (!ok) throw new NotFoundException();
  }

  private async load(slug: string, req: Request) {
    const tenantId = this.ctx.tenantId;
    const membershipId = req.membership?.id ?? null;
    const page = await this.cafes.run(tenantId, async (em) => {
      const cafe = await this.cafes.findCafe(em, tenantId, slug);
      if (!cafe) return null;
      const open = await this.wishes.list(em, tenantId, cafe.id, membershipId, {
        status: 'open',
      });
      const planned = await this.wishes.list(em, tenantId, cafe.id, membershipId, {
        status: 'planned',
        limit: 20,
      });
      return { cafe, open, planned };
    });
    if (!page) throw new NotFoundException();
    return {
      title: t('cafes.wishes.title', { name: page.cafe.name }),
      ...page,
      canTakePart: !!req.membership,
      loginUrl: `/inloggen?terug=${encodeURIComponent(`/cafes/${page.cafe.slug}/wensen`)}`,
    };
  }
}

/** Back to the page the vote was cast on: the café page or the wishes page. */
function back(slug: string, body: Record<string, unknown>): string {
  return body.terug === 'cafe' ? `/cafes/${slug}#wensen` : `/cafes/${slug}/wensen`;
}
