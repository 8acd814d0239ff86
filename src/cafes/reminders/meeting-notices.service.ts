import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { MailService } from '../../mail/mail.service';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { meetingMailParts } from '../common/meeting-mail';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { SignupsService } from '../signups/signups.service';
import { reminderKeyPrefix } from './reminder-plan';

interface SignedUp {
  signup_id: string;
  membership_id: string;
  status: 'confirmed' | 'waitlisted';
  queued_at: Date;
  display_name: string;
  email: string;
}

/**
 * Notices to the people signed up for a meeting (confirmed and waitlisted) when its time or place
 * changed or it was cancelled, each with an `.ics` of the new SEQUENCE (a cancellation with
 * METHOD:CANCEL) so calendars update the entry. Written in the caller's transaction, together with
 * the change; the caller dispatches the mail after commit.
 */
@Injectable()
export class MeetingNoticesService {
  constructor(
    private readonly mail: MailService,
    private readonly signups: SignupsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The meeting (already saved) moved from `oldStartsAt`: reminders for the old time that are
   * still waiting are dropped, and everyone signed up hears it at once.
   */
  async moved(em: EntityManager, tenant: MailTenant, meetingId: string, oldStartsAt: Date) {
    const tenantId = tenant.id as TenantId;
    await this.dropPendingReminders(em, tenantId, reminderKeyPrefix(meetingId, oldStartsAt));
    await this.notify(em, tenant, meetingId, 'changed');
  }

  /** The café's place changed: a notice for every upcoming meeting people signed up for. */
  async venueChanged(em: EntityManager, tenant: MailTenant, cafeId: string, now: Date) {
    const tenantId = tenant.id as TenantId;
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's pg driver.
    const [meetings] = await em.query<[{ id: string }[], number]>(
      `update meetings m set sequence = sequence + 1, updated_at = $3
        where m.tenant_id = $1 and m.cafe_id = $2 and m.status = 'scheduled' and m.starts_at > $3
          and exists (select 1 from signups s where s.tenant_id = m.tenant_id and s.meeting_id = m.id
                        and s.status in ('confirmed', 'waitlisted'))
        returning m.id`,
      [tenantId, cafeId, now],
    );
    for (const m of meetings) await this.notify(em, tenant, m.id, 'changed');
  }

  /** The meeting (already saved as cancelled): no more reminders, and a cancellation for all. */
  async cancelled(em: EntityManager, tenant: MailTenant, meetingId: string) {
    await this.dropPendingReminders(em, tenant.id as TenantId, `reminder:${meetingId}:`);
    await this.notify(em, tenant, meetingId, 'cancelled');
  }

  /** The outbox is the mail module's: it drops what still waits (sent mail stays as it is). */
  private dropPendingReminders(em: EntityManager, tenantId: TenantId, keyPrefix: string) {
    return this.mail.dropPending(em, tenantId, keyPrefix, 'the meeting changed');
  }

  private async notify(
    em: EntityManager,
    tenant: MailTenant,
    meetingId: string,
    kind: 'changed' | 'cancelled',
  ) {
    const tenantId = tenant.id as TenantId;
    const meeting = await em.getRepository(Meeting).findOneByOrFail({ tenantId, id: meetingId });
    const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
    const people = await em.query<SignedUp[]>(
      `select s.id as signup_id, s.membership_id, s.status, s.queued_at, mem.display_name, u.email
         from signups s
         join memberships mem on mem.tenant_id = s.tenant_id and mem.id = s.membership_id
         join users u on u.id = mem.user_id
        where s.tenant_id = $1 and s.meeting_id = $2 and s.status in ('confirmed', 'waitlisted')`,
      [tenantId, meetingId],
    );
    if (people.length === 0) return;
    const parts = meetingMailParts(
      this.config,
      tenant,
      cafe,
      meeting,
      kind === 'cancelled' ? 'CANCEL' : 'PUBLISH',
    );
    await this.mail.queueTenantMails(
      em,
      tenantId,
      people.map((p) => ({
        key: `meeting-${kind}:${meeting.id}:${meeting.sequence}:${p.membership_id}`,
        to: p.email,
        subject:
          kind === 'cancelled'
            ? `Afgelast: ${cafe.name}, ${parts.when}`
            : `Gewijzigd: ${cafe.name}, nu op ${parts.when}`,
        template: kind === 'cancelled' ? 'meeting-cancelled' : 'meeting-changed',
        data: {
          ...parts.data,
          name: p.display_name,
          waitlisted: p.status === 'waitlisted',
          cancelUrl:
            kind === 'changed'
              ? this.signups.cancelLink(tenant, { id: p.signup_id, queuedAt: p.queued_at }, meeting)
              : null,
        },
        attachments: [parts.ics],
      })),
    );
  }
}
