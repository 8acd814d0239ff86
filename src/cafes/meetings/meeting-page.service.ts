import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Clock } from '../../common/clock';
import { t } from '../../i18n/i18n';
import { RequestContext } from '../../tenancy/request-context';
import { generateCsrfToken } from '../../web/csrf';
import { errorList, type FieldErrors } from '../../web/forms/form-validation';
import { formatDate } from '../../web/view-helpers';
import { CafesService } from '../cafes.service';
import { instantToLocal } from '../../events/recurrence';
import { MAX_COMPANIONS } from '../signups/signups.service';

/** What the sign-up form showed: typed again when the form comes back with errors. */
export interface SignupFormValues {
  companions?: string;
  respite?: string;
  transport?: string;
  other?: string;
  otherNeed?: string;
}

/**
 * The view of one meeting's page (`cafes/meeting`), for the page itself and for the sign-up form
 * on it when it comes back with errors (then with the errors and what was typed). Null: no such
 * café or meeting in this municipality.
 */
@Injectable()
export class MeetingPageService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cafes: CafesService,
    private readonly clock: Clock,
  ) {}

  async build(
    req: Request,
    slug: string,
    key: string,
    form: { errors: FieldErrors; values: SignupFormValues } | null = null,
  ) {
    const membership = req.membership;
    const page = await this.cafes.meetingPage(this.ctx.tenantId, slug, key, membership);
    if (!page) return null;
    const { cafe, meeting, taken } = page;
    const past = meeting.endsAt.getTime() < this.clock.now().getTime();
    const values = form?.values ?? {};
    return {
      title: `${cafe.name}, ${formatDate(meeting.startsAt)}`,
      ...page,
      cancelled: meeting.status === 'cancelled',
      past,
      editable: page.canManage && !past && meeting.status === 'scheduled',
      endTime: instantToLocal(meeting.endsAt).time.replace(':', '.'),
      seatsLeft: Math.max(0, meeting.capacity - taken),
      full: taken >= meeting.capacity,
      here: `/cafes/${cafe.slug}/${meeting.key}`,
      companionOptions: Array.from({ length: MAX_COMPANIONS + 1 }, (_, n) => ({
        value: String(n),
        label:
          n === 0
            ? t('signups.companions.none')
            : n === 1
              ? t('signups.companions.one')
              : t('signups.companions.more', { n }),
        selected: String(n) === (values.companions ?? '0'),
      })),
      values,
      errors: form?.errors,
      errorList: form ? errorList(form.errors) : undefined,
      // Sign-up and follow forms for signed-in members only: anonymous readers get no session.
      csrfToken: membership ? generateCsrfToken(req) : undefined,
    };
  }
}
