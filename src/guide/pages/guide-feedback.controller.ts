import { Body, Controller, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { AnonymousForms } from '../../web/anonymous/anonymous-forms';
import { errorList } from '../../web/forms/form-validation';
import { validateBody } from '../../web/forms/validate-body';
import { ValidatesOwnForm } from '../../web/input-guard';
import { CommentDto, UsefulDto } from './dto/feedback.dto';
import { feedbackAction, FEEDBACK_PURPOSE, feedbackSubject } from './guide-feedback';
import { publicPagePath } from './guide-page-scope';
import { GuideVotesService, type AnsweredPage, type GuidePageKind } from './guide-votes.service';

const COMMENT_VIEW = 'guide/pages/comment';
const USEFUL_VIEW = 'guide/pages/useful';

/**
 * "Was dit nuttig? ja / nee" under a guide page, for readers without an account and without a
 * cookie (src/web/anonymous): `/a/wegwijzer/<slug>/nuttig` and `/a/wegwijzer/lokaal/<slug>/nuttig`
 * take the answer; after a "nee" a page asks what the reader was looking for and
 * `.../reactie` takes that comment (for the page's editors only). The page is looked up first,
 * so another hub's page is a 404 whatever the token says.
 */
@Controller('a/wegwijzer')
export class GuideFeedbackController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly votes: GuideVotesService,
    private readonly anonymous: AnonymousForms,
  ) {}

  @Post(['lokaal/:slug/nuttig', ':slug/nuttig'])
  @ValidatesOwnForm()
  async answerUseful(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.useful(kindOf(req), slug, body, req, res);
  }

  @Post(['lokaal/:slug/reactie', ':slug/reactie'])
  @ValidatesOwnForm()
  async answerComment(
    @Param('slug') slug: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.comment(kindOf(req), slug, body, req, res);
  }

  private async useful(
    kind: GuidePageKind,
    slug: string,
    body: Record<string, unknown>,
    req: Request,
    res: Response,
  ) {
    const page = await this.accepted(kind, slug, req, res);
    if (!page) return;
    const valid = await validateBody(UsefulDto, body);
    // The question again, with the message at it (the token was good: it is kept).
    if (!valid.ok) {
      const errors = { nuttig: t('guide.feedback.error.useful') };
      return res.status(400).render(USEFUL_VIEW, {
        title: t('guide.feedback.question'),
        page: { title: page.title, href: publicPagePath(page.kind === 'general', page.slug) },
        action: feedbackAction(page, 'nuttig'),
        token: String(body.token),
        errors,
        errorList: errorList(errors),
      });
    }
    const useful = valid.dto.nuttig === 'ja';
    const day = this.anonymous.today();
    const voterHash = await this.anonymous.voterHash(req, feedbackSubject(page), day);
    await this.votes.answer(this.ctx.tenantId, page, { day, voterHash, useful, comment: null });
    if (useful) return res.redirect(303, thanked(page));
    const token = this.anonymous.token(FEEDBACK_PURPOSE, this.ctx.tenantId, feedbackSubject(page));
    res.status(200).render(COMMENT_VIEW, this.commentPage(page, token, {}, {}));
  }

  private async comment(
    kind: GuidePageKind,
    slug: string,
    body: Record<string, unknown>,
    req: Request,
    res: Response,
  ) {
    const page = await this.accepted(kind, slug, req, res);
    if (!page) return;
    const valid = await validateBody(CommentDto, body);
    if (!valid.ok) {
      const comment = typeof body.comment === 'string' ? body.comment : '';
      return res
        .status(400)
        .render(
          COMMENT_VIEW,
          this.commentPage(page, String(body.token), valid.errors, { comment }),
        );
    }
    const comment = valid.dto.comment || null;
    if (comment) {
      const day = this.anonymous.today();
      const voterHash = await this.anonymous.voterHash(req, feedbackSubject(page), day);
      await this.votes.answer(this.ctx.tenantId, page, { day, voterHash, useful: false, comment });
    }
    res.redirect(303, thanked(page));
  }

  /** The page, when it exists on this hub and the form came from it with its token; else answered. */
  private async accepted(
    kind: GuidePageKind,
    slug: string,
    req: Request,
    res: Response,
  ): Promise<AnsweredPage | null> {
    const page = await this.votes.page(this.ctx.tenantId, kind, slug);
    if (!page) throw new NotFoundException();
    const check = this.anonymous.check(
      req,
      FEEDBACK_PURPOSE,
      this.ctx.tenantId,
      feedbackSubject(page),
    );
    if (check === 'ok') return page;
    this.refuse(
      res,
      403,
      t(check === 'origin' ? 'guide.feedback.error.origin' : 'guide.feedback.error.expired'),
    );
    return null;
  }

  private refuse(res: Response, status: number, message: string): void {
    res.status(status).render('errors/error', { title: t('guide.feedback.error.title'), message });
  }

  /** The comment form; `token`: a fresh one, or the posted one (checked) when shown again. */
  private commentPage(
    page: AnsweredPage,
    token: string,
    errors: Record<string, string>,
    values: Record<string, string>,
  ) {
    return {
      title: t('guide.feedback.comment.title'),
      page: { title: page.title, href: publicPagePath(page.kind === 'general', page.slug) },
      action: feedbackAction(page, 'reactie'),
      token,
      errors,
      errorList: errorList(errors),
      values,
    };
  }
}

/** A hub's own page (`/a/wegwijzer/lokaal/...`; `lokaal` is never a general page's slug) or a general one. */
const kindOf = (req: Request): GuidePageKind =>
  req.path.startsWith('/a/wegwijzer/lokaal/') ? 'local' : 'general';

/** Back on the page, where it says thank you instead of asking again. */
const thanked = (page: AnsweredPage) =>
  `${publicPagePath(page.kind === 'general', page.slug)}?bedankt=1#nuttig`;
