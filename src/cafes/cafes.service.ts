import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { Membership } from '../auth/entities/membership.entity';
import { Clock } from '../common/clock';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import type { StoredFile } from '../files/entities/stored-file.entity';
import { CafeHost } from './hosting/entities/cafe-host.entity';
import { Cafe } from './common/entities/cafe.entity';
import { Meeting } from './common/entities/meeting.entity';
import { MailService } from '../mail/mail.service';
import type { MailTenant } from '../tenancy/entities/tenant.entity';
import { planMeetings } from './meetings/meeting-plan';
import { MeetingNoticesService } from './reminders/meeting-notices.service';
import { SignupsService } from './signups/signups.service';
import { expandRule, horizonEnd, localDateOf, meetingKey } from './common/recurrence';
import { readStoredFile, replaceStoredFile, type StoredFileOwner } from '../files/stored-files';

/** What an admin sets on a café (create and edit). */
export interface CafeInput {
  name: string;
  slug: string;
  description: string;
  venueName: string;
  venueAddress: string;
  venueDirections: string;
  stepFree: boolean;
  accessibleToilet: boolean;
  parking: boolean;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  recurrenceRule: string | null;
  ruleStartsOn: string | null;
  startTime: string;
  durationMinutes: number;
  defaultCapacity: number;
  reminderOffsets: number[];
}

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

/** A member who could join a café's core group, as the search on the core-group page shows them. */
export interface HostCandidate {
  id: string;
  displayName: string;
  email: string;
}

/** `text` for an ILIKE pattern with a backslash as escape character: `%` and `_` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface SyncResult {
  created: number;
  removed: number;
}

/** Cafés, their core group and their meetings; every method runs in the tenant's transaction. */
@Injectable()
export class CafesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly notices: MeetingNoticesService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly signups: SignupsService,
  ) {}

  run<T>(tenantId: TenantId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.tx.run(tenantId, work);
  }

  findCafe(em: EntityManager, tenantId: TenantId, slug: string): Promise<Cafe | null> {
    return em.getRepository(Cafe).findOneBy({ tenantId, slug });
  }

  findMeeting(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    key: string,
  ): Promise<Meeting | null> {
    return em.getRepository(Meeting).findOneBy({ tenantId, cafeId, key });
  }

  /** Active cafés with their next scheduled meeting, by name. */
  async list(em: EntityManager, tenantId: TenantId, now = this.clock.now()) {
    const cafes = await em
      .getRepository(Cafe)
      .find({ where: { tenantId, status: 'active' }, order: { name: 'ASC' } });
    const next = await em.query<
      { cafe_id: string; key: string; starts_at: Date; theme: string | null }[]
    >(
      `select distinct on (cafe_id) cafe_id, key, starts_at, theme from meetings
        where tenant_id = $1 and status = 'scheduled' and starts_at > $2
        order by cafe_id, starts_at`,
      [tenantId, now],
    );
    const byCafe = new Map(next.map((n) => [n.cafe_id, n]));
    return cafes.map((cafe) => {
      const n = byCafe.get(cafe.id);
      return { cafe, next: n ? { key: n.key, startsAt: n.starts_at, theme: n.theme } : null };
    });
  }

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

  /** Seats taken: confirmed sign-ups, each the caregiver plus companions. */
  async seatsTaken(em: EntityManager, tenantId: TenantId, meetingId: string): Promise<number> {
    const [row] = await em.query<{ seats: string }[]>(
      `select coalesce(sum(1 + companions), 0) as seats from signups
        where tenant_id = $1 and meeting_id = $2 and status = 'confirmed'`,
      [tenantId, meetingId],
    );
    return Number(row.seats);
  }

  hosts(em: EntityManager, tenantId: TenantId, cafeId: string) {
    return em
      .getRepository(CafeHost)
      .createQueryBuilder('h')
      .innerJoin(Membership, 'm', 'm.tenant_id = h.tenant_id and m.id = h.membership_id')
      .select([
        'h.id as id',
        'h.membership_id as "membershipId"',
        'm.display_name as "displayName"',
      ])
      .where('h.tenant_id = :tenantId and h.cafe_id = :cafeId', { tenantId, cafeId })
      .orderBy('m.display_name')
      .getRawMany<{ id: string; membershipId: string; displayName: string }>();
  }

  async isHost(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
  ): Promise<boolean> {
    return em.getRepository(CafeHost).existsBy({ tenantId, cafeId, membershipId });
  }

  /** Creates a café and fills its meetings six months ahead; null when the slug is taken. */
  async create(tenantId: TenantId, input: CafeInput, now = this.clock.now()): Promise<Cafe | null> {
    return this.tx.run(tenantId, async (em) => {
      if (await em.getRepository(Cafe).existsBy({ tenantId, slug: input.slug })) return null;
      const result = await em
        .getRepository(Cafe)
        .createQueryBuilder()
        .insert()
        .values({ tenantId, ...input })
        .orIgnore() // the same slug saved a moment ago by another request: taken, not a 500
        .returning('*')
        .execute();
      if (result.identifiers.length === 0 || !result.identifiers[0]) return null;
      const cafe = await em
        .getRepository(Cafe)
        .findOneByOrFail({ tenantId, id: (result.identifiers[0] as { id: string }).id });
      await this.syncMeetings(em, tenantId, cafe, now);
      return cafe;
    });
  }

  /** Saves a café; a changed rule regenerates the untouched future meetings. False when the slug is taken. */
  async update(
    tenant: MailTenant,
    cafeId: string,
    input: CafeInput,
    now = this.clock.now(),
  ): Promise<
    { ok: true; cafe: Cafe; sync: SyncResult } | { ok: false; reason: 'not-found' | 'slug-taken' }
  > {
    const tenantId = tenant.id as TenantId;
    let venueChanged = false;
    const result = await this.tx
      .run(tenantId, async (em) => {
        const repo = em.getRepository(Cafe);
        // Locked as it is read: the venue compared below is the stored one, also when another
        // admin saved a moment ago (else a venue put back would tell nobody).
        const cafe = await repo.findOne({
          where: { tenantId, id: cafeId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!cafe) return { ok: false as const, reason: 'not-found' as const };
        if (input.slug !== cafe.slug && (await repo.existsBy({ tenantId, slug: input.slug })))
          return { ok: false as const, reason: 'slug-taken' as const };
        await repo.update({ tenantId, id: cafeId }, input);
        const saved = await repo.findOneByOrFail({ tenantId, id: cafeId });
        const sync = await this.syncMeetings(em, tenantId, saved, now);
        // A new place: everyone signed up for an upcoming meeting is told (with a new .ics).
        venueChanged =
          cafe.venueName !== saved.venueName || cafe.venueAddress !== saved.venueAddress;
        if (venueChanged) await this.notices.venueChanged(em, tenant, cafeId, now);
        return { ok: true as const, cafe: saved, sync };
      })
      .catch((error: unknown) => {
        // Another café took the same new slug a moment ago (its row was not visible to the check).
        if (isUniqueViolation(error, 'uq_cafes_slug'))
          return { ok: false as const, reason: 'slug-taken' as const };
        throw error;
      });
    if (result.ok && venueChanged) await this.mail.dispatch(tenantId);
    return result;
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
    const plan = planMeetings(
      expected,
      future.map((m) => ({
        id: m.id,
        occurrenceAt: m.occurrence_at,
        generatedFromRule: m.generated_from_rule,
        edited: m.edited,
        status: m.status,
        activeSignups: Number(m.active_signups),
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
  ): Promise<'saved' | 'cancelled' | 'not-found'> {
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

  async addHost(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
  ): Promise<void> {
    await em
      .getRepository(CafeHost)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, cafeId, membershipId })
      .orIgnore()
      .execute();
  }

  async removeHost(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    hostId: string,
  ): Promise<boolean> {
    const result = await em.getRepository(CafeHost).delete({ tenantId, cafeId, id: hostId });
    return (result.affected ?? 0) > 0;
  }

  /** One member of this municipality (for appointing a host), or null. */
  findMember(em: EntityManager, tenantId: TenantId, membershipId: string) {
    return em.getRepository(Membership).findOne({
      where: { tenantId, id: membershipId },
      select: { id: true, displayName: true },
    });
  }

  /**
   * Members whose name or e-mail address contains `query` (case-insensitive; `%` and `_` are
   * plain characters), who are not yet in the café's core group, by name; at most `limit`.
   */
  searchHostCandidates(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    query: string,
    limit: number,
  ): Promise<HostCandidate[]> {
    return em.query<HostCandidate[]>(
      `select m.id, m.display_name as "displayName", u.email
         from memberships m join users u on u.id = m.user_id
        where m.tenant_id = $1
          and (m.display_name ilike $3 escape '\\' or u.email ilike $3 escape '\\')
          and not exists (select 1 from cafe_hosts h
                           where h.tenant_id = m.tenant_id and h.cafe_id = $2 and h.membership_id = m.id)
        order by lower(m.display_name), u.email
        limit $4`,
      [tenantId, cafeId, `%${escapeLike(query)}%`, limit],
    );
  }

  /** The café's photo with its bytes, or null. */
  photo(em: EntityManager, tenantId: TenantId, cafe: Cafe): Promise<StoredFile | null> {
    return cafe.photoFileId
      ? readStoredFile(em, tenantId, cafe.photoFileId)
      : Promise.resolve(null);
  }

  /**
   * Sets a café's photo (already checked and re-encoded) and its description, and drops the
   * previous photo (`replaceStoredFile`: one transaction, the café row locked, no orphan file).
   * Without `photo` only the description of the current photo changes. False when there is no
   * such café, or no photo to describe.
   */
  async setPhoto(
    tenantId: TenantId,
    cafeId: string,
    photo: { contentType: string; content: Buffer } | null,
    alt: string,
  ): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      if (!photo) {
        // One UPDATE: it waits for a removal in progress and then finds no photo to describe.
        const result = await em
          .getRepository(Cafe)
          .update({ tenantId, id: cafeId, photoFileId: Not(IsNull()) }, { photoAlt: alt });
        return (result.affected ?? 0) > 0;
      }
      const owner = this.photoOf(em, tenantId, cafeId, alt);
      return (await replaceStoredFile(em, tenantId, owner, photo)) !== null;
    });
  }

  /** Removes a café's photo (the file too). False when there was none. */
  async removePhoto(tenantId: TenantId, cafeId: string): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      const owner = this.photoOf(em, tenantId, cafeId, null);
      return !!(await replaceStoredFile(em, tenantId, owner, null))?.before;
    });
  }

  /** The café row as the owner of its photo, for `replaceStoredFile`. */
  private photoOf(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    alt: string | null,
  ): StoredFileOwner {
    return {
      lock: async () => {
        const [row] = await em.query<{ photo_file_id: string | null }[]>(
          'select photo_file_id from cafes where tenant_id = $1 and id = $2 for update',
          [tenantId, cafeId],
        );
        return row ? { fileId: row.photo_file_id } : null;
      },
      point: async (fileId) => {
        await em
          .getRepository(Cafe)
          .update({ tenantId, id: cafeId }, { photoFileId: fileId, photoAlt: fileId ? alt : null });
      },
    };
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

/** A PostgreSQL unique violation (23505) of the named constraint. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? {};
  return code === '23505' && name === constraint;
}
