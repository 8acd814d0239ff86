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
import { VoteDto } from './dto/vote.dto';
import { WishDto } from './dto/wish.dto';
import { validateBody } from '../../web/forms/validate-body';
import { WishesService } from './wishes.service';
import { WISH_DONE, WISH_REFUSALS } from './wish-outcomes';

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
    const done = await this.wishes.proposeFor(this.ctx.tenantId, slug, membership.id, valid.dto);
    if (!done.ok) throw new NotFoundException();
    req.session.flash = t(WISH_DONE.proposed);
    res.redirect(303, `/cafes/${done.cafe.slug}/wensen`);
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
    req.session.flash = t(WISH_DONE.voted);
    res.redirect(303, await back(slug, body));
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
    req.session.flash = t(WISH_DONE.withdrawn);
    res.redirect(303, await back(slug, body));
  }

  private async act(slug: string, wishId: string, req: Request, what: 'vote' | 'withdraw') {
    const result = await this.wishes.cast(
      this.ctx.tenantId,
      slug,
      wishId,
      req.membership!.id,
      what,
    );
    if (!result.ok && WISH_REFUSALS[result.reason].status === 404) throw new NotFoundException();
  }

  private async load(slug: string, req: Request) {
    const page = await this.wishes.page(this.ctx.tenantId, slug, req.membership?.id ?? null);
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
async function back(slug: string, body: Record<string, unknown>): Promise<string> {
  const valid = await validateBody(VoteDto, body);
  const terug = valid.ok ? valid.dto.terug : undefined;
  return terug === 'cafe' ? `/cafes/${slug}#wensen` : `/cafes/${slug}/wensen`;
}
