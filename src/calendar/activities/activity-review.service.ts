import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { MailService } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { ActivitiesService } from './activities.service';
import { PROPOSALS_BASE } from './activity-pages';

export type ReviewOutcome = 'published' | 'returned';

/**
 * An admin's answer to a professional's proposal: published, or sent back with a comment. The
 * status change and the professional's mail are one transaction (the outbox), so the mail goes
 * exactly when the answer is saved, once, even when two admins press at the same moment.
 */
@Injectable()
export class ActivityReviewService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly activities: ActivitiesService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** False when it no longer waits for review (another admin answered it already). */
  async answer(
    tenant: MailTenant,
    activityId: string,
    outcome: ReviewOutcome,
    comment = '',
  ): Promise<boolean> {
    const tenantId = tenant.id as TenantId;
    const answered = await this.tx.run(tenantId, async (em) => {
      const activity = await this.activities.review(em, tenantId, activityId, outcome, comment);
      if (!activity) return false;
      const [person] = activity.submittedBy
        ? await em.query<{ email: string; name: string }[]>(
            `select u.email, m.display_name as name from memberships m join users u on u.id = m.user_id
              where m.tenant_id = $1 and m.id = $2`,
            [tenantId, activity.submittedBy],
          )
        : [];
      if (!person) return true;
      const origin = this.config.originFor(tenant.slug);
      await this.mail.queueTenantMail(em, tenantId, {
        key: `activity-${outcome}:${activity.id}:${activity.updatedAt.getTime()}`,
        to: person.email,
        subject:
          outcome === 'published'
            ? `Je activiteit staat op de kalender: ${activity.title}`
            : `Je activiteit heeft nog een aanpassing nodig: ${activity.title}`,
        template: `activity-${outcome}`,
        data: {
          name: person.name,
          title: activity.title,
          comment,
          url:
            outcome === 'published'
              ? `${origin}/kalender/${activity.slug}`
              : `${origin}${PROPOSALS_BASE}/${activity.id}`,
          siteName: `Mantelzorghub ${tenant.name}`,
          reason: `Je krijgt deze e-mail omdat je deze activiteit voorstelde op de Mantelzorghub ${tenant.name}.`,
        },
      });
      return true;
    });
    if (answered) await this.mail.dispatch(tenantId);
    return answered;
  }
}
