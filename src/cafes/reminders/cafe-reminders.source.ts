import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { tenantScope } from '../../events/event-scope';
import type { ReminderSource } from '../../events/reminders/reminder-source';
import { currentReminder } from '../../events/reminders/reminder-timing';
import type { MailMessage } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { meetingMailParts, type MeetingMailParts } from '../common/meeting-mail';
import { SignupsService } from '../signups/signups.service';
import { ReminderLinksService } from './reminder-links.service';
import { howSoon, reminderKeyPrefix } from './reminder-plan';

/** Extra look-ahead beyond a café's largest offset: a calendar day can be 25 hours. */
const LOOKAHEAD_SLACK_MINUTES = 120;

export interface DueMeeting {
  eventId: string;
  meeting: Meeting;
  cafe: Cafe;
  offset: number;
  dueAt: Date;
}

export interface CafeRecipient {
  /** The reminder's outbox key. */
  key: string;
  /** The meeting. */
  eventId: string;
  membership_id: string;
  display_name: string;
  email: string;
  signup_id: string | null;
  signup_status: 'confirmed' | 'waitlisted' | null;
  queued_at: Date | null;
}

/**
 * The café meetings' reminders, for the reminder planner (src/events): for every scheduled
 * meeting of an active café whose reminder moment passed, everyone who should hear about it.
 *
 * Who gets one: people signed up (confirmed or waitlisted) unless their choice for the café is
 * `none`; followers who are not signed up when it is `all`. The choice is the follow's override or
 * else the member's default (memberships.cafe_reminders). Someone who signed up or followed only
 * after the moment passed, or whose meeting moved after it (they got a change notice), waits
 * for the next offset. Keys are per meeting, start time, person and offset (`reminderKeyPrefix`).
 */
@Injectable()
export class CafeReminderSource {
  constructor(
    private readonly signups: SignupsService,
    private readonly links: ReminderLinksService,
    private readonly config: AppConfig,
  ) {}

  /** The source for one municipality: its meetings, its tenant outbox. */
  forTenant(tenant: MailTenant): ReminderSource<DueMeeting, CafeRecipient> {
    const tenantId = tenant.id as TenantId;
    // One set of mail parts (times, .ics) per meeting, however many recipients it has.
    const parts = new Map<string, MeetingMailParts>();
    const partsOf = (d: DueMeeting) => {
      let p = parts.get(d.eventId);
      if (!p) {
        p = meetingMailParts(this.config, tenant, d.cafe, d.meeting);
        parts.set(d.eventId, p);
      }
      return p;
    };
    return {
      scope: tenantScope(tenantId),
      due: (em, now) => this.dueMeetings(em, tenantId, now),
      candidates: (em, due) => this.candidates(em, tenantId, due),
      lockUnchanged: (em, due) => this.lockUnchanged(em, tenantId, due),
      message: (d, r, now) => this.message(tenant, d, partsOf(d), r, now),
    };
  }

  /** Scheduled meetings of active cafés with a reminder moment that has passed. */
  private async dueMeetings(
    em: EntityManager,
    tenantId: TenantId,
    now: Date,
  ): Promise<DueMeeting[]> {
    const ids = await em.query<{ id: string }[]>(
      `select m.id from meetings m join cafes c on c.tenant_id = m.tenant_id and c.id = m.cafe_id
        where m.tenant_id = $1 and m.status = 'scheduled' and c.status = 'active'
          and m.starts_at > $2
          and m.starts_at <= $2::timestamptz + make_interval(mins =>
                coalesce((select max(o) from unnest(c.reminder_offsets) o), 0) + $3)`,
      [tenantId, now, LOOKAHEAD_SLACK_MINUTES],
    );
    if (ids.length === 0) return [];
    const meetings = await em
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId and m.id = any(:ids)', {
        tenantId,
        ids: ids.map((r) => r.id),
      })
      .getMany();
    const cafes = new Map(
      (await em.getRepository(Cafe).findBy({ tenantId })).map((c) => [c.id, c] as const),
    );
    const due: DueMeeting[] = [];
    for (const meeting of meetings) {
      const cafe = cafes.get(meeting.cafeId)!;
      const current = currentReminder(meeting.startsAt, cafe.reminderOffsets, cafe.timeZone, now);
      if (current) due.push({ eventId: meeting.id, meeting, cafe, ...current });
    }
    return due;
  }

  /**
   * Locks the due meetings `FOR SHARE` and returns those still scheduled at the start the plan
   * was made for. A meeting cancelled or moved since the plan was read is left out: no "tomorrow"
   * for it.
   */
  private async lockUnchanged(
    em: EntityManager,
    tenantId: TenantId,
    due: DueMeeting[],
  ): Promise<Set<string>> {
    const planned = new Map(due.map((d) => [d.eventId, d.meeting.startsAt.getTime()]));
    const rows = await em.query<{ id: string; starts_at: Date }[]>(
      `select id, starts_at from meetings
        where tenant_id = $1 and id = any($2::uuid[]) and status = 'scheduled'
        order by id for share`,
      [tenantId, [...planned.keys()].sort()],
    );
    return new Set(
      rows.filter((m) => m.starts_at.getTime() === planned.get(m.id)).map((m) => m.id),
    );
  }

  /** Everyone who should get the current reminder of these meetings (see the class comment). */
  private candidates(
    em: EntityManager,
    tenantId: TenantId,
    due: DueMeeting[],
  ): Promise<CafeRecipient[]> {
    return em.query<CafeRecipient[]>(
      `with due(meeting_id, due_at, key_prefix, kind) as (
         select * from unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[])
       ), candidate as (
         select d.meeting_id, s.membership_id from due d
           join signups s on s.tenant_id = $1 and s.meeting_id = d.meeting_id
                         and s.status in ('confirmed', 'waitlisted')
         union
         select d.meeting_id, f.membership_id from due d
           join meetings m on m.tenant_id = $1 and m.id = d.meeting_id
           join cafe_follows f on f.tenant_id = $1 and f.cafe_id = m.cafe_id
       ), person as (
         select c.meeting_id, d.due_at, d.key_prefix, d.kind, m.rescheduled_at,
                mem.id as membership_id, mem.display_name, u.email,
                s.id as signup_id, s.status as signup_status, s.queued_at, f.created_at as followed_at,
                coalesce(nullif(f.reminders, 'default'), mem.cafe_reminders) as choice
           from candidate c
           join due d on d.meeting_id = c.meeting_id
           join meetings m on m.tenant_id = $1 and m.id = c.meeting_id
           join memberships mem on mem.tenant_id = $1 and mem.id = c.membership_id
           join users u on u.id = mem.user_id
           left join signups s on s.tenant_id = $1 and s.meeting_id = c.meeting_id
                              and s.membership_id = mem.id and s.status in ('confirmed', 'waitlisted')
           left join cafe_follows f on f.tenant_id = $1 and f.cafe_id = m.cafe_id
                                   and f.membership_id = mem.id
       )
       select meeting_id as "eventId", membership_id, display_name, email, signup_id,
              signup_status, queued_at, key_prefix || membership_id || ':' || kind as key
         from person p
        where (case when p.signup_id is not null then p.choice <> 'none' else p.choice = 'all' end)
          and greatest(least(p.queued_at, case when p.choice = 'all' then p.followed_at end),
                       p.rescheduled_at) <= p.due_at
        order by p.meeting_id, p.membership_id`,
      [
        tenantId,
        due.map((d) => d.meeting.id),
        due.map((d) => d.dueAt),
        due.map((d) => reminderKeyPrefix(d.meeting.id, d.meeting.startsAt)),
        due.map((d) => String(d.offset)),
      ],
    );
  }

  private message(
    tenant: MailTenant,
    d: DueMeeting,
    parts: MeetingMailParts,
    r: CafeRecipient,
    now: Date,
  ): MailMessage {
    const soon = howSoon(d.meeting.startsAt, now, d.cafe.timeZone);
    const origin = this.config.originFor(tenant.slug);
    const unsubscribeUrl = `${origin}/e/herinneringen/${this.links.cafeOffToken(tenant.id, r.membership_id, d.cafe.id)}`;
    const signedUp = r.signup_id !== null;
    return {
      key: r.key,
      to: r.email,
      subject: `Herinnering: ${d.cafe.name} ${soon} (${parts.when})`,
      template: 'cafe-reminder',
      data: {
        ...parts.data,
        name: r.display_name,
        soon,
        confirmed: r.signup_status === 'confirmed',
        waitlisted: r.signup_status === 'waitlisted',
        cancelUrl: signedUp
          ? this.signups.cancelLink(tenant, { id: r.signup_id!, queuedAt: r.queued_at! }, d.meeting)
          : null,
        signupUrl: signedUp
          ? null
          : `${origin}/e/aanmelden/${this.links.signupToken(tenant.id, r.membership_id, d.meeting)}`,
        unsubscribeUrl,
        settingsUrl: `${origin}/mijn-herinneringen`,
        reason: signedUp
          ? `Je krijgt deze herinnering omdat je je aanmeldde voor ${d.cafe.name} op de Mantelzorghub ${tenant.name}.`
          : `Je krijgt deze herinnering omdat je ${d.cafe.name} volgt op de Mantelzorghub ${tenant.name}.`,
      },
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      attachments: [parts.ics],
      // A reminder that could not go out before the meeting began is dropped, not sent late.
      discardAfter: d.meeting.startsAt,
    };
  }
}
