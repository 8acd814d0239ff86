import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { MailService, type MailMessage } from '../../mail/mail.service';
import { TenantsService } from '../../tenancy/tenants.service';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { meetingMailParts, type MeetingMailParts } from '../common/meeting-mail';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { SignupsService } from '../signups/signups.service';
import { ReminderLinks } from './reminder-links';
import { currentReminder, howSoon, reminderKeyPrefix } from './reminder-plan';

/** Recipients rendered and written per transaction; each chunk is handed to the mail queue at once. */
const CHUNK = 500;

/** Keys per lookup of the reminders already written. */
const KEY_LOOKUP_CHUNK = 5_000;

/** Extra look-ahead beyond a café's largest offset: a calendar day can be 25 hours. */
const LOOKAHEAD_SLACK_MINUTES = 120;

interface DueMeeting {
  meeting: Meeting;
  cafe: Cafe;
  offset: number;
  dueAt: Date;
}

interface Recipient {
  /** The reminder's outbox key. */
  key: string;
  meeting_id: string;
  membership_id: string;
  display_name: string;
  email: string;
  signup_id: string | null;
  signup_status: 'confirmed' | 'waitlisted' | null;
  queued_at: Date | null;
}

export interface PlanResult {
  tenants: number;
  meetings: number;
  queued: number;
}

/**
 * The reminder planner (a job every minute on the `reminders` queue). It derives from PostgreSQL
 * what is due, so it keeps no state of its own: for every scheduled meeting whose reminder moment
 * passed, everyone who should hear about it and has no outbox row for (meeting, start time,
 * person, kind) yet gets one. Running it twice, or on two workers at once, writes each reminder
 * once (the outbox key is unique); the mail queue sends them.
 *
 * Who gets one: people signed up (confirmed or waitlisted) unless their choice for the café is
 * `none`; followers who are not signed up when it is `all`. The choice is the follow's override or
 * else the member's default (memberships.cafe_reminders). Someone who signed up or followed only
 * after the moment passed, or whose meeting moved after it (they got a change notice), waits
 * for the next offset.
 *
 * Recipients are read in one transaction and written in later ones (a chunk each). A host may
 * cancel or move a meeting in between: each write transaction therefore locks the chunk's
 * meetings (`FOR SHARE`, so a cancel or move waits for it, and then drops what it wrote) and
 * writes only for those still scheduled at the start that was planned.
 */
@Injectable()
export class ReminderPlannerService {
  private readonly logger = new Logger('ReminderPlanner');

  constructor(
    private readonly tx: TenantTransaction,
    private readonly tenants: TenantsService,
    private readonly mail: MailService,
    private readonly signups: SignupsService,
    private readonly links: ReminderLinks,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Every active municipality, each in its own transactions; one failing stops no other. */
  async planAll(now = this.clock.now()): Promise<PlanResult> {
    const total: PlanResult = { tenants: 0, meetings: 0, queued: 0 };
    await this.tenants.forEachActiveTenant(async (tenantId, tenant) => {
      try {
        const r = await this.planTenant(tenant, now);
        total.tenants++;
        total.meetings += r.meetings;
        total.queued += r.queued;
      } catch (e) {
        this.logger.error(`reminders of ${tenant.slug} failed: ${(e as Error).message}`);
      }
    });
    if (total.queued > 0) this.logger.log(`queued ${total.queued} café reminders`);
    return total;
  }

  async planTenant(
    tenant: MailTenant,
    now = this.clock.now(),
  ): Promise<{ meetings: number; queued: number }> {
    const tenantId = tenant.id as TenantId;
    const { due, recipients } = await this.tx.run(tenantId, async (em) => {
      const due = await this.dueMeetings(em, tenantId, now);
      const recipients = due.length > 0 ? await this.recipients(em, tenantId, due) : [];
      return { due, recipients };
    });
    const byMeeting = new Map(due.map((d) => [d.meeting.id, d]));
    const parts = new Map<string, MeetingMailParts>();
    let queued = 0;
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const chunk = recipients.slice(i, i + CHUNK);
      const written = await this.tx.run(tenantId, async (em) => {
        const unchanged = await this.lockUnchanged(em, tenantId, chunk, byMeeting);
        const messages = chunk
          .filter((r) => unchanged.has(r.meeting_id))
          .map((r) => {
            const d = byMeeting.get(r.meeting_id)!;
            let p = parts.get(r.meeting_id);
            if (!p) {
              p = meetingMailParts(this.config, tenant, d.cafe, d.meeting);
              parts.set(r.meeting_id, p);
            }
            return this.message(tenant, d, p, r, now);
          });
        await this.mail.queueTenantMails(em, tenantId, messages);
        return messages.length;
      });
      queued += written;
      if (written > 0) await this.mail.dispatch(tenantId);
    }
    return { meetings: due.length, queued };
  }

  /**
   * Locks the meetings of a chunk of recipients `FOR SHARE` (until the write commits, a cancel or
   * move of one of them waits) and returns those still scheduled at the start the plan was made
   * for. A meeting cancelled or moved since the plan was read is left out: no "tomorrow" for it.
   */
  private async lockUnchanged(
    em: EntityManager,
    tenantId: TenantId,
    chunk: Recipient[],
    byMeeting: ReadonlyMap<string, DueMeeting>,
  ): Promise<Set<string>> {
    const ids = [...new Set(chunk.map((r) => r.meeting_id))].sort();
    const rows = await em.query<{ id: string; starts_at: Date }[]>(
      `select id, starts_at from meetings
        where tenant_id = $1 and id = any($2::uuid[]) and status = 'scheduled'
        order by id for share`,
      [tenantId, ids],
    );
    return new Set(
      rows
        .filter((m) => m.starts_at.getTime() === byMeeting.get(m.id)!.meeting.startsAt.getTime())
        .map((m) => m.id),
    );
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
      if (current) due.push({ meeting, cafe, ...current });
    }
    return due;
  }

  /** Everyone still owed the current reminder of these meetings (see the class comment). */
  private async recipients(
    em: EntityManager,
    tenantId: TenantId,
    due: DueMeeting[],
  ): Promise<Recipient[]> {
    const candidates = await this.candidates(em, tenantId, due);
    // Those who already have theirs: looked up by the unique (tenant_id, key) index. (As a NOT
    // EXISTS in the query above, PostgreSQL with stale statistics compared every candidate with
    // every outbox row during a burst: docs/benchmarks.md.)
    const written = new Set<string>();
    for (let i = 0; i < candidates.length; i += KEY_LOOKUP_CHUNK) {
      const keys = candidates.slice(i, i + KEY_LOOKUP_CHUNK).map((c) => c.key);
      const rows = await em.query<{ key: string }[]>(
        `select key from outbox_messages where tenant_id = $1 and key = any($2::varchar[])`,
        [tenantId, keys],
      );
      for (const r of rows) written.add(r.key);
    }
    return candidates.filter((c) => !written.has(c.key));
  }

  /** Everyone who should get the current reminder of these meetings (see the class comment). */
  private candidates(
    em: EntityManager,
    tenantId: TenantId,
    due: DueMeeting[],
  ): Promise<Recipient[]> {
    return em.query<Recipient[]>(
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
       select meeting_id, membership_id, display_name, email, signup_id, signup_status, queued_at,
              key_prefix || membership_id || ':' || kind as key
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
    r: Recipient,
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
