import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import { FOLLOW_REMINDERS } from '../follows/entities/cafe-follow.entity';
import { FollowsService } from '../follows/follows.service';
import { CAFE_FIELD, DEFAULT_REMINDERS, type Followed } from '../follows/reminder-settings.form';

const VIEW = 'cafes/reminder-settings';
const PATH = '/mijn-herinneringen';

/**
 * "Mijn herinneringen": a member's default for café reminders (every meeting of the cafés they
 * follow, only the ones they signed up for, or none) and, per followed café, an exception.
 * The reminder planner reads `memberships.cafe_reminders` and `cafe_follows.reminders`.
 */
@Controller('mijn-herinneringen')
export class ReminderSettingsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly follows: FollowsService,
  ) {}

  @Get()
  @RequireMember()
  @FormPage()
  @Render(VIEW)
  async page(@Req() req: Request) {
    const { own, followed } = await this.follows.reminderSettings(
      this.ctx.tenantId,
      req.membership!.id,
    );
    return view(followed, { default: own });
  }

  @Post()
  @RequireMember()
  @FormSubmit(VIEW, () => t('reminders.title'))
  async save(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const input = body && typeof body === 'object' ? body : {};
    const result = await this.follows.saveReminderSettings(
      this.ctx.tenantId,
      req.membership!.id,
      input,
    );
    if (!result.ok) {
      const page = view(result.followed, input);
      return renderForm(req, res, { view: VIEW, title: page.title }, result.errors, page);
    }
    req.session.flash = t('reminders.saved');
    res.redirect(303, PATH);
  }
}

/** The page's model: the default radios and one select per followed café, with the choices kept. */
function view(followed: Followed[], values: Record<string, unknown>) {
  const valueOf = (name: string): unknown => values[name];
  return {
    title: t('reminders.title'),
    values: { default: valueOf('default') },
    defaults: DEFAULT_REMINDERS.map((value) => ({
      value,
      label: t(`reminders.default.${value}`),
      checked: valueOf('default') === value,
    })),
    followed: followed.map((cafe) => {
      const field = `${CAFE_FIELD}${cafe.id}`;
      const chosen = valueOf(field) ?? cafe.reminders;
      return {
        ...cafe,
        field,
        options: FOLLOW_REMINDERS.map((value) => ({
          value,
          label: t(`reminders.option.${value}`),
          selected: chosen === value,
        })),
      };
    }),
  };
}
