import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { MailService } from '../../mail/mail.service';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { planOccurrences } from '../../events/occurrence-plan';
import { expandRule, horizonEnd, localDateOf } from '../../events/recurrence';
import { meetingKey } from '../common/meeting-key';
import { MeetingNoticesService } from '../reminders/meeting-notices.service';
import { SignupsService } from '../signups/signups.service';

/** What a host sets on one meeting. */
export interface MeetingInput {
  theme: string | null;
  speaker: string | null;
  speakerExpertise: string | null;
  description: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface SyncResult {
  created: number;
  removed: number;
}

export type EditMeetingResult = 'saved' | 'cancelled' | 'not-found';

export type AddMeetingResult = { ok: true; meeting: Meeting } | { ok: false; reason: 'past' };

/**
 * A café's meetings: the rule's meetings six months ahead (sync, the daily horizon), a host's
 * edit, cancel and extra meeting, and the reads of upcoming and past meetings.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly notices: MeetingNoticesService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly signups: SignupsService,
  ) {}

  upcoming(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    limit: number,
    now = this.clock.now(),
  ) {
    return em.getRepository(Meeting).find({
      where: { tenantId, cafeId, startsAt: MoreThan(now) },
      order: { startsAt: 'ASC' },
      take: limit,
    });
  }

  /** The management overview: the café's next 40 meetings. */
  overview(tenantId: TenantId, cafeId: string): Promise<Meeting[]> {
    return this.tx.run(tenantId, (em) => this.upcoming(em, tenantId, cafeId, 40));
  }

  /** Themes of past meetings (newest first), so people see what the café talked about. */
  pastThemes(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    limit: number,
    now = this.clock.now(),
  ) {
    return em
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId and m.cafe_id = :cafeId', { tenantId, cafeId })
      .andWhere("m.starts_at < :now and m.status = 'scheduled' and m.theme is not null", { now })
      .orderBy('m.starts_at', 'DESC')
      .take(limit)
      .getMany();
  }

  /**
   * Brings the café's future meetings in line with its rule, six months ahead: creates what is
   * missing and removes generated meetings the rule no longer makes, unless someone touched them
   * (edited, cancelled, sign-ups). Serialised per café by a row lock, so the daily job and an
   * admin's edit never both create the same meeting.
   */
  async syncMeetings(
    em: EntityManager,
    tenantId: TenantId,
    cafe: Cafe,
    now = this.clock.now(),
  ): Promise<SyncResult> {
    await em.query('select 1 from cafes where tenant_id = $1 and id = $2 for update', [
      tenantId,
      cafe.id,
    ]);
    const repo = em.getRepository(Meeting);
    const expected =
      cafe.recurrenceRule && cafe.status === 'active'
        ? expandRule(
            {
              rule: cafe.recurrenceRule,
              startTime: cafe.startTime,
              durationMinutes: cafe.durationMinutes,
              startsOn: cafe.ruleStartsOn,
            },
            now,
            horizonEnd(now),
          )
        : [];
    const future = await em.query<
      {
        id: string;
        occurrence_at: Date | null;
        generated_from_rule: boolean;
        edited: boolean;
        status: 'scheduled' | 'cancelled';
        active_signups: string;
      }[]
    >(
      `select m.id, m.occurrence_at, m.generated_from_rule, m.edited, m.status,
              (select count(*) from signups s
                where s.tenant_id = m.tenant_id and s.meeting_id = m.id and s.status <> 'cancelled') as active_signups
         from meetings m where m.tenant_id = $1 and m.cafe_id = $2 and m.starts_at > $3`,
      [tenantId, cafe.id, now],
    );
    const plan = planOccurrences(
      expected,
      future.map((m) => ({
        id: m.id,
        occurrenceAt: m.occurrence_at,
        generatedFromRule: m.generated_from_rule,
        // Edited, cancelled or with someone signed up: the host's, not the rule's.
        touched: m.edited || m.status !== 'scheduled' || Number(m.active_signups) > 0,
      })),
    );
    const removed = await this.removeUntouched(em, tenantId, plan.remove);
    if (plan.create.length > 0) {
      const taken = await this.takenKeys(em, tenantId, cafe.id);
      const rows = plan.create.map((o) => {
        const key = meetingKey(o.localDate, taken);
        taken.add(key);
        return {
          tenantId,
          cafeId: cafe.id,
          key,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          occurrenceAt: o.startsAt,
          capacity: cafe.defaultCapacity,
          generatedFromRule: true,
        };
      });
      await repo.createQueryBuilder().insert().values(rows).execute();
    }
    return { created: plan.create.length, removed };
  }

  /**
   * Deletes those of `ids` that are still untouched. The count above took no lock: a sign-up or a
   * host's edit may have committed since, or hold its meeting right now. So the meetings are
   * locked first (a sign-up locks its meeting the same way, so the two run one after the other),
   * and the DELETE checks again, as a new statement that sees all that committed before the lock.
   */
  private async removeUntouched(em: EntityManager, tenantId: TenantId, ids: string[]) {
    if (ids.length === 0) return 0;
    await em.query(
      'select 1 from meetings where tenant_id = $1 and id = any($2::uuid[]) for update',
      [tenantId, ids],
    );
    const [deleted] = await em.query<[{ id: string }[], number]>(
      `delete from meetings m
        where m.tenant_id = $1 and m.id = any($2::uuid[])
          and m.generated_from_rule and not m.edited and m.status = 'scheduled'
          and not exists (select 1 from signups s where s.tenant_id = m.tenant_id
                            and s.meeting_id = m.id and s.status <> 'cancelled')
        returning m.id`,
      [tenantId, ids],
    );
    return deleted.length;
  }

  /** The daily job: every active café of one tenant filled six months ahead. */
  async fillHorizon(tenantId: TenantId, now = this.clock.now()): Promise<SyncResult> {
    return this.tx.run(tenantId, async (em) => {
      const cafes = await em.getRepository(Cafe).findBy({ tenantId, status: 'active' });
      const total: SyncResult = { created: 0, removed: 0 };
      for (const cafe of cafes) {
        const r = await this.syncMeetings(em, tenantId, cafe, now);
        total.created += r.created;
        total.removed += r.removed;
      }
      return total;
    });
  }

  /**
   * A host changes one meeting: it is marked edited (a rule change leaves it alone) and its
   * SEQUENCE grows. It works from the meeting as stored, locked for the whole transaction, not
   * from the row the page loaded before: another host may have moved it since. A new time drops
   * the reminders still waiting for the stored start and tells everyone signed up at once
   * (MeetingNoticesService); seats that became free go to the waitlist. All in one transaction,
   * so a newcomer never takes a freed seat first and a crash leaves no waitlist behind.
   */
  async editMeeting(
    tenant: MailTenant,
    meeting: Pick<Meeting, 'id'>,
    input: MeetingInput,
  ): Promise<EditMeetingResult> {
    const tenantId = tenant.id as TenantId;
    const result = await this.tx.run(tenantId, async (em) => {
      const stored = await this.signups.lockMeeting(em, tenantId, meeting.id);
      if (!stored) return { outcome: 'not-found' as const, mail: false };
      if (stored.status === 'cancelled') return { outcome: 'cancelled' as const, mail: false };
      const moved =
        input.startsAt.getTime() !== stored.startsAt.getTime() ||
        input.endsAt.getTime() !== stored.endsAt.getTime();
      await em.getRepository(Meeting).update(
        { tenantId, id: meeting.id },
        {
          ...input,
          edited: true,
          sequence: () => 'sequence + 1',
          ...(moved ? { rescheduledAt: this.clock.now() } : {}),
        },
      );
      if (moved) await this.notices.moved(em, tenant, meeting.id, stored.startsAt);
      const saved = await em.getRepository(Meeting).findOneByOrFail({ tenantId, id: meeting.id });
      const promoted = await this.signups.promoteWaitlist(em, tenant, saved);
      return { outcome: 'saved' as const, mail: moved || promoted > 0 };
    });
    if (result.mail) await this.mail.dispatch(tenantId);
    return result.outcome;
  }

  /** Cancels a meeting: its pending reminders are dropped and everyone signed up is told. */
  async cancelMeeting(tenant: MailTenant, meeting: Meeting): Promise<void> {
    const tenantId = tenant.id as TenantId;
    const cancelled = await this.tx.run(tenantId, async (em) => {
      const result = await em
        .getRepository(Meeting)
        .update(
          { tenantId, id: meeting.id, status: 'scheduled' },
          { status: 'cancelled', cancelledAt: this.clock.now(), sequence: () => 'sequence + 1' },
        );
      if (!result.affected) return false;
      await this.notices.cancelled(em, tenant, meeting.id);
      return true;
    });
    if (cancelled) await this.mail.dispatch(tenantId);
  }

  /** A host plans an extra meeting: refused when it would start in the past. */
  async plan(tenantId: TenantId, cafe: Cafe, input: MeetingInput): Promise<AddMeetingResult> {
    if (input.startsAt.getTime() < this.clock.now().getTime()) return { ok: false, reason: 'past' };
    const meeting = await this.tx.run(tenantId, (em) => this.addMeeting(em, tenantId, cafe, input));
    return { ok: true, meeting };
  }

  /** An extra meeting outside the rule; its key is its date (with -2 when the day has one). */
  async addMeeting(
    em: EntityManager,
    tenantId: TenantId,
    cafe: Cafe,
    input: MeetingInput,
  ): Promise<Meeting> {
    await em.query('select 1 from cafes where tenant_id = $1 and id = $2 for update', [
      tenantId,
      cafe.id,
    ]);
    const key = meetingKey(
      localDateOf(input.startsAt),
      await this.takenKeys(em, tenantId, cafe.id),
    );
    const result = await em
      .getRepository(Meeting)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, cafeId: cafe.id, key, ...input, generatedFromRule: false, edited: true })
      .execute();
    return em
      .getRepository(Meeting)
      .findOneByOrFail({ tenantId, id: (result.identifiers[0] as { id: string }).id });
  }

  private async takenKeys(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
  ): Promise<Set<string>> {
    const rows = await em.query<{ key: string }[]>(
      'select key from meetings where tenant_id = $1 and cafe_id = $2',
      [tenantId, cafeId],
    );
    return new Set(rows.map((r) => r.key));
  }
}
