import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { SignedLinks } from '../../common/signed-links';
import { AppConfig } from '../../config/app-config';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import {
  promoteInOrder,
  releasePlace,
  takePlace,
  type CapacityStore,
} from '../../events/capacity/capacity';
import { writeQueuedEntry } from '../../events/capacity/queue-entry';
import { MailService } from '../../mail/mail.service';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { Signup } from './entities/signup.entity';
import { meetingMailParts } from '../common/meeting-mail';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';

export const SIGNUP_CANCEL_PURPOSE = 'signup-cancel';
export const MAX_COMPANIONS = 5;
const LINK_MARGIN_MS = 30 * 24 * 3600 * 1000;

export interface SignupInput {
  companions: number;
  needsRespite: boolean;
  needsTransport: boolean;
  needsOther: string | null;
}

/** Why a sign-up was refused under the meeting's lock (besides 'not-found'). */
type SignupRefusal = 'cancelled' | 'past' | 'already';

export type SignupResult =
  | { ok: true; status: 'confirmed' | 'waitlisted'; position: number | null; signup: Signup }
  | { ok: false; reason: 'not-found' | SignupRefusal };

export type CancelResult =
  | { ok: true; promoted: number; meeting: Meeting; cafe: Cafe }
  | { ok: false; reason: 'not-found' | 'already' | 'past' };

/** A waitlisted sign-up with the places its party needs. */
type WaitingSignup = Signup & { places: number };

/** One person's state for a meeting page: their sign-up and waitlist place. */
export interface MySignup {
  signup: Signup;
  confirmed: boolean;
  position: number | null;
}

/**
 * Sign-ups for meetings, over the shared capacity mechanism (src/events/capacity, docs/events.md).
 * Capacity counts people (1 + companions). Every change runs in one tenant transaction that first
 * locks the meeting row (`FOR UPDATE`), so parallel sign-ups and cancellations are serialised per
 * meeting and a meeting is never overbooked.
 */
@Injectable()
export class SignupsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly mail: MailService,
    private readonly links: SignedLinks,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The meeting page's part for one member (null: not signed up, or cancelled). */
  async mine(
    em: EntityManager,
    tenantId: TenantId,
    meetingId: string,
    membershipId: string,
  ): Promise<MySignup | null> {
    const signup = await em.getRepository(Signup).findOneBy({ tenantId, meetingId, membershipId });
    if (!signup || signup.status === 'cancelled') return null;
    const position =
      signup.status === 'waitlisted' ? await this.position(em, tenantId, signup) : null;
    return { signup, confirmed: signup.status === 'confirmed', position };
  }

  /** Place on the waitlist, 1-based: by `queued_at`, then id. */
  async position(em: EntityManager, tenantId: TenantId, signup: Signup): Promise<number> {
    const [row] = await em.query<{ n: string }[]>(
      `select count(*) as n from signups w, signups s
        where s.tenant_id = $1 and s.id = $2
          and w.tenant_id = s.tenant_id and w.meeting_id = s.meeting_id and w.status = 'waitlisted'
          and (w.queued_at, w.id) <= (s.queued_at, s.id)`,
      [tenantId, signup.id],
    );
    return Number(row.n);
  }

  /** Signs a member up: confirmed when the party fits, otherwise on the waitlist. */
  async signUp(
    tenant: MailTenant,
    meetingId: string,
    membershipId: string,
    input: SignupInput,
    now = this.clock.now(),
  ): Promise<SignupResult> {
    const tenantId = tenant.id as TenantId;
    const result = await this.tx.run(tenantId, async (em): Promise<SignupResult> => {
      const repo = em.getRepository(Signup);
      let existing: Signup | null = null;
      const taken = await takePlace(em, this.capacity(tenant), meetingId, {
        places: 1 + input.companions,
        refuse: async (meeting): Promise<SignupRefusal | null> => {
          if (meeting.status === 'cancelled') return 'cancelled';
          if (meeting.startsAt.getTime() <= now.getTime()) return 'past';
          existing = await repo.findOneBy({ tenantId, meetingId, membershipId });
          return existing && existing.status !== 'cancelled' ? 'already' : null;
        },
        write: async (meeting, status) => {
          const signup = await writeQueuedEntry(
            repo,
            existing,
            { tenantId, meetingId, membershipId },
            { ...input, status },
          );
          const position =
            status === 'waitlisted' ? await this.position(em, tenantId, signup) : null;
          await this.queueMail(em, tenant, signup, meeting, status, position);
          return { signup, position };
        },
      });
      if (!taken.ok) return taken;
      return { ok: true, status: taken.status, ...taken.value };
    });
    if (result.ok) await this.mail.dispatch(tenantId);
    return result;
  }

  /**
   * Cancels a sign-up (by the member or through the signed e-mail link). Freed seats go to the
   * first people on the waitlist whose party fits; the others keep their place.
   */
  async cancel(
    tenant: MailTenant,
    signupId: string,
    check: { membershipId?: string; queuedAtMs?: number } = {},
    now = this.clock.now(),
  ): Promise<CancelResult> {
    const tenantId = tenant.id as TenantId;
    const result = await this.tx.run(tenantId, async (em): Promise<CancelResult> => {
      const found = await em.getRepository(Signup).findOneBy({ tenantId, id: signupId });
      if (!found) return { ok: false, reason: 'not-found' };
      const released = await releasePlace(
        em,
        this.capacity(tenant),
        found.meetingId,
        async (meeting) => {
          const cafe = await em
            .getRepository(Cafe)
            .findOneByOrFail({ tenantId, id: meeting.cafeId });
          // Read again under the meeting's lock.
          const signup = await em.getRepository(Signup).findOneByOrFail({ tenantId, id: signupId });
          if (check.membershipId && signup.membershipId !== check.membershipId)
            return { ok: false, reason: 'not-found' as const };
          // A link from an earlier sign-up (cancelled and signed up again since) no longer acts.
          if (
            signup.status === 'cancelled' ||
            (check.queuedAtMs !== undefined && signup.queuedAt.getTime() !== check.queuedAtMs)
          )
            return { ok: false, reason: 'already' as const };
          if (meeting.endsAt.getTime() < now.getTime())
            return { ok: false, reason: 'past' as const };
          await em
            .getRepository(Signup)
            .update({ tenantId, id: signup.id }, { status: 'cancelled' });
          return { ok: true, freed: signup.status === 'confirmed', value: cafe };
        },
      );
      if (!released.ok) return released;
      return {
        ok: true,
        promoted: released.promoted,
        meeting: released.event,
        cafe: released.value,
      };
    });
    if (result.ok && result.promoted > 0) await this.mail.dispatch(tenantId);
    return result;
  }

  /**
   * Gives free seats to the waitlist, in order, to every party that fits, and queues their mail;
   * returns how many moved up. The caller holds the meeting's lock (`lockMeeting`) and passes the
   * row as stored, in the same transaction as the change that freed the seats (a cancellation, a
   * host's edit): a newcomer can then never take a freed seat first.
   */
  promoteWaitlist(em: EntityManager, tenant: MailTenant, meeting: Meeting): Promise<number> {
    return promoteInOrder(em, this.capacity(tenant), meeting);
  }

  /**
   * The meetings' places for the shared capacity mechanism (src/events/capacity): seats counted
   * in people (1 + companions), the waitlist in `queued_at` order, a promotion mailed at once.
   */
  private capacity(tenant: MailTenant): CapacityStore<Meeting, WaitingSignup> {
    const tenantId = tenant.id as TenantId;
    return {
      lockEvent: (em, meetingId) => this.lockMeeting(em, tenantId, meetingId),
      capacityOf: (meeting) => meeting.capacity,
      placesTaken: (em, meeting) => this.seatsTaken(em, tenantId, meeting.id),
      waitlist: async (em, meeting) =>
        (
          await em.getRepository(Signup).find({
            where: { tenantId, meetingId: meeting.id, status: 'waitlisted' },
            order: { queuedAt: 'ASC', id: 'ASC' },
          })
        ).map((s) => Object.assign(s, { places: 1 + s.companions })),
      confirm: async (em, meeting, s) => {
        await em.getRepository(Signup).update({ tenantId, id: s.id }, { status: 'confirmed' });
        await this.queueMail(em, tenant, { ...s, status: 'confirmed' }, meeting, 'promoted');
      },
      // A cancelled meeting's waitlist stays as it is.
      promotes: (meeting) => meeting.status === 'scheduled',
    };
  }

  /** A member's sign-up status for each of these meetings that they signed up for. */
  async statusesFor(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
    meetingIds: string[],
  ): Promise<Map<string, 'confirmed' | 'waitlisted'>> {
    const rows = await em.query<{ meeting_id: string; status: 'confirmed' | 'waitlisted' }[]>(
      `select meeting_id, status from signups
        where tenant_id = $1 and membership_id = $2 and meeting_id = any($3::uuid[])
          and status <> 'cancelled'`,
      [tenantId, membershipId, meetingIds],
    );
    return new Map(rows.map((r) => [r.meeting_id, r.status]));
  }

  /** Upcoming sign-ups and waitlist places of one member, soonest first. */
  async upcomingFor(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
    now = this.clock.now(),
  ) {
    const rows = await em.query<
      {
        id: string;
        status: 'confirmed' | 'waitlisted';
        companions: number;
        queued_at: Date;
        meeting_id: string;
        key: string;
        starts_at: Date;
        theme: string | null;
        meeting_status: string;
        cafe_name: string;
        cafe_slug: string;
        venue_name: string;
        position: string | null;
      }[]
    >(
      `select s.id, s.status, s.companions, s.queued_at, s.meeting_id, m.key, m.starts_at, m.theme,
              m.status as meeting_status, c.name as cafe_name, c.slug as cafe_slug, c.venue_name,
              case when s.status = 'waitlisted' then
                (select count(*) from signups w
                  where w.tenant_id = s.tenant_id and w.meeting_id = s.meeting_id
                    and w.status = 'waitlisted' and (w.queued_at, w.id) <= (s.queued_at, s.id))
              end as position
         from signups s
         join meetings m on m.tenant_id = s.tenant_id and m.id = s.meeting_id
         join cafes c on c.tenant_id = m.tenant_id and c.id = m.cafe_id
        where s.tenant_id = $1 and s.membership_id = $2 and s.status <> 'cancelled'
          and m.ends_at > $3
        order by m.starts_at`,
      [tenantId, membershipId, now],
    );
    return rows.map((r) => ({
      id: r.id,
      confirmed: r.status === 'confirmed',
      companions: r.companions,
      position: r.position === null ? null : Number(r.position),
      meetingKey: r.key,
      startsAt: r.starts_at,
      theme: r.theme,
      meetingCancelled: r.meeting_status === 'cancelled',
      cafeName: r.cafe_name,
      cafeSlug: r.cafe_slug,
      venueName: r.venue_name,
    }));
  }

  /**
   * The token of a one-click cancel link, valid until some weeks after the meeting. It names the queue entry
   * (`queued_at`), so a link from before a cancel and a new sign-up no longer acts.
   */
  cancelToken(tenantId: string, signup: Pick<Signup, 'id' | 'queuedAt'>, meeting: Meeting) {
    return this.links.sign(
      SIGNUP_CANCEL_PURPOSE,
      tenantId,
      [signup.id, String(new Date(signup.queuedAt).getTime())],
      // A margin: a host may move the meeting later; a past meeting is refused by `cancel` anyway.
      new Date(meeting.endsAt.getTime() + LINK_MARGIN_MS),
    );
  }

  /** The cancel token of a member's sign-up for a meeting (tests, the isolation suite). */
  async cancelTokenFor(
    em: EntityManager,
    tenantId: TenantId,
    meetingId: string,
    membershipId: string,
  ): Promise<string> {
    const signup = await em
      .getRepository(Signup)
      .findOneByOrFail({ tenantId, meetingId, membershipId });
    const meeting = await em.getRepository(Meeting).findOneByOrFail({ tenantId, id: meetingId });
    return this.cancelToken(tenantId, signup, meeting);
  }

  cancelLink(tenant: MailTenant, signup: Pick<Signup, 'id' | 'queuedAt'>, meeting: Meeting) {
    const token = this.cancelToken(tenant.id, signup, meeting);
    return `${this.config.originFor(tenant.slug)}/e/afmelden/${token}`;
  }

  async seatsTaken(em: EntityManager, tenantId: TenantId, meetingId: string): Promise<number> {
    const [row] = await em.query<{ seats: string }[]>(
      `select coalesce(sum(1 + companions), 0) as seats from signups
        where tenant_id = $1 and meeting_id = $2 and status = 'confirmed'`,
      [tenantId, meetingId],
    );
    return Number(row.seats);
  }

  /**
   * The meeting as stored, its row locked (`FOR UPDATE`) until the transaction ends: every change
   * to a meeting's seats, time or sign-ups starts here, so they run one after the other.
   */
  async lockMeeting(
    em: EntityManager,
    tenantId: TenantId,
    meetingId: string,
  ): Promise<Meeting | null> {
    await em.query('select 1 from meetings where tenant_id = $1 and id = $2 for update', [
      tenantId,
      meetingId,
    ]);
    return em.getRepository(Meeting).findOneBy({ tenantId, id: meetingId });
  }

  /**
   * The mail for a sign-up, in the caller's transaction, keyed per queue entry: confirmed (with the
   * `.ics`), waitlisted (the place; no `.ics`, there is no seat yet) or moved up from the waitlist.
   */
  private async queueMail(
    em: EntityManager,
    tenant: MailTenant,
    signup: Signup,
    meeting: Meeting,
    kind: 'confirmed' | 'waitlisted' | 'promoted',
    position: number | null = null,
  ): Promise<void> {
    const tenantId = tenant.id as TenantId;
    const [person] = await em.query<{ email: string; display_name: string }[]>(
      `select u.email, m.display_name from memberships m join users u on u.id = m.user_id
        where m.tenant_id = $1 and m.id = $2`,
      [tenantId, signup.membershipId],
    );
    if (!person) return;
    const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
    const parts = meetingMailParts(this.config, tenant, cafe, meeting);
    const n = new Date(signup.queuedAt).getTime();
    const mails = {
      confirmed: {
        key: 'signup-confirmed',
        subject: `Je bent aangemeld: ${cafe.name}, ${parts.when}`,
        template: 'signup-confirmed',
      },
      waitlisted: {
        key: 'signup-waitlisted',
        subject: `Je staat op de wachtlijst: ${cafe.name}, ${parts.when}`,
        template: 'signup-waitlisted',
      },
      promoted: {
        key: 'waitlist-promoted',
        subject: `Er is een plaats vrij: je bent aangemeld voor ${cafe.name}, ${parts.when}`,
        template: 'signup-promoted',
      },
    } as const;
    const mail = mails[kind];
    await this.mail.queueTenantMail(em, tenantId, {
      key: `${mail.key}:${signup.id}:${n}`,
      to: person.email,
      subject: mail.subject,
      template: mail.template,
      data: {
        ...parts.data,
        name: person.display_name,
        companions: signup.companions,
        position,
        cancelUrl: this.cancelLink(tenant, signup, meeting),
      },
      attachments: kind === 'waitlisted' ? [] : [parts.ics],
    });
  }
}
