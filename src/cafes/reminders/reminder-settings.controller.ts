import { Body, Controller, Get, Post, Render, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireMember } from '../../auth/guards/auth.guards';
import type { Membership } from '../../auth/entities/membership.entity';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { FormPage, FormSubmit } from '../../web/form-page.interceptor';
import { renderForm } from '../../web/html-exception.filter';
import type { FieldErrors } from '../../web/forms/form-validation';
import { CafesService } from '../cafes.service';
import { FOLLOW_REMINDERS, type FollowReminders } from '../follows/entities/cafe-follow.entity';
import { FollowsService } from '../follows/follows.service';

const VIEW = 'cafes/reminder-settings';
const PATH = '/mijn-herinneringen';
type DefaultReminders = Membership['cafeReminders'];
/** The member's own default, in the order the radios show them. */
export const DEFAULT_REMINDERS: readonly DefaultReminders[] = ['all', 'signed_up', 'none'];
/** A followed café's select is named `cafe-<café id>`. */
const CAFE_FIELD = 'cafe-';
/** Where a refused café id is reported: the section with the per-café choices. */
const CAFES_FIELD = 'cafes';

type Followed = { id: string; slug: string; name: string; reminders: FollowReminders };

/** What was posted, checked against the allowed values and the cafés this member follows. */
function check(
  body: Record<string, unknown>,
  followed: Followed[],
):
  | { ok: true; own: DefaultReminders; cafes: Map<string, FollowReminders> }
  | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const own = body.default;
  if (typeof own !== 'string' || !(DEFAULT_REMINDERS as readonly string[]).includes(own))
    errors.default = t('reminders.error.default');
  const mine = new Map(followed.map((c) => [c.id, c]));
  const cafes = new Map<string, FollowReminders>();
  let foreign = false;
  for (const [field, value] of Object.entries(body)) {
    if (!field.startsWith(CAFE_FIELD)) continue; // nothing else is read
    const cafe = mine.get(field.slice(CAFE_FIELD.length));
    if (!cafe) {
      foreign = true;
      continue;
    }
    if (typeof value !== 'string' || !(FOLLOW_REMINDERS as readonly string[]).includes(value))
      errors[field] = t('reminders.error.cafe', { name: cafe.name });
    else cafes.set(cafe.id, value as FollowReminders);
  }
  if (foreign) errors[CAFES_FIELD] = t('reminders.error.notFollowed');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, own: own as DefaultReminders, cafes };
}

/**
 * "Mijn herinneringen": a member's default for café reminders (every meeting of the cafés they
 * follow, only the ones they signed up for, or none) and, per followed café, an exception.
 * The reminder planner reads `memberships.cafe_reminders` and `cafe_follows.reminders`.
 */
@Controller('mijn-herinneringen')
export class ReminderSettingsController {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly follows: FollowsService,
  ) {}

  @Get()
  @RequireMember()
  @FormPage()
  @Render(VIEW)
  async page(@Req() req: Request) {
    const tenantId = this.ctx.tenantId;
    const membershipId = req.membership!.id;
    const { own, followed } = await this.cafes.run(tenantId, async (em) => ({
      own: await this.follows.defaultReminders(em, tenantId, membershipId),
      followed: await this.follows.followed(em, tenantId, membershipId),
    }));
    return view(followed, { default: own });
  }

  @Post()
  @RequireMember()
  @FormSubmit(VIEW, t('reminders.title'))
  async save(
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const tenantId = this.ctx.tenantId;
    const membershipId = req.membership!.id;
    const input = body && typeof body === 'object' ? body : {};
    // Check and write in one transaction: the cafés followed are read where they are changed.
    const result = await this.cafes.run(tenantId, async (em) => {
      const followed = await this.follows.followed(em, tenantId, membershipId);
      const checked = check(input, followed);
      if (!checked.ok) return { ...checked, followed };
      await this.follows.setDefaultReminders(em, tenantId, membershipId, checked.own);
      for (const [cafeId, value] of checked.cafes)
        await this.follows.setCafeReminders(em, tenantId, cafeId, membershipId, value);
      return { ok: true as const };
    });
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
