import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { findCafe } from '../common/cafe-lookup';
import type { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { WishVote } from './entities/wish-vote.entity';
import { Wish, type WishKind, type WishStatus } from './entities/wish.entity';
import { UUID } from '../../common/uuid';

/** A wish as the pages show it: with its votes and whether the reader voted. */
export interface WishRow {
  id: string;
  kind: WishKind;
  text: string;
  status: WishStatus;
  votes: number;
  voted: boolean;
  meetingKey: string | null;
  meetingStartsAt: Date | null;
}

export type AttachResult =
  { ok: true; meeting: Meeting } | { ok: false; reason: 'wish' | 'meeting' | 'planned' };

export type ProposeResult = { ok: true; cafe: Cafe } | { ok: false; reason: 'not-found' };

export type VoteResult = { ok: true } | { ok: false; reason: 'not-found' };

/** The wishes page of a café: open wishes by votes and the last 20 planned ones. */
export interface WishesPage {
  cafe: Cafe;
  open: WishRow[];
  planned: WishRow[];
}

/** The host dashboard's wishes: open and planned, and the meetings a wish can go to. */
export interface DashboardWishes {
  open: WishRow[];
  planned: WishRow[];
  meetings: Meeting[];
}

/** Theme wishes of a café and their votes. */
@Injectable()
export class WishesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  /** The wishes page of the café of `slug` (votes as `membershipId` cast them), or null. */
  page(tenantId: TenantId, slug: string, membershipId: string | null): Promise<WishesPage | null> {
    return this.tx.run(tenantId, async (em) => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return null;
      const open = await this.list(em, tenantId, cafe.id, membershipId, { status: 'open' });
      const planned = await this.list(em, tenantId, cafe.id, membershipId, {
        status: 'planned',
        limit: 20,
      });
      return { cafe, open, planned };
    });
  }

  /** A member proposes a wish for the café of `slug` (and votes for it). */
  proposeFor(
    tenantId: TenantId,
    slug: string,
    membershipId: string,
    input: { kind: WishKind; text: string },
  ): Promise<ProposeResult> {
    return this.tx.run(tenantId, async (em): Promise<ProposeResult> => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return { ok: false, reason: 'not-found' };
      await this.propose(em, tenantId, cafe.id, membershipId, input);
      return { ok: true, cafe };
    });
  }

  /**
   * A member votes for (only while it is open) or withdraws their vote from a wish of the café
   * of `slug`; a vote cast twice or a vote not cast changes nothing.
   */
  cast(
    tenantId: TenantId,
    slug: string,
    wishId: string,
    membershipId: string,
    what: 'vote' | 'withdraw',
  ): Promise<VoteResult> {
    return this.tx.run(tenantId, async (em): Promise<VoteResult> => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return { ok: false, reason: 'not-found' };
      const wish = await this.find(em, tenantId, cafe.id, wishId);
      if (!wish) return { ok: false, reason: 'not-found' };
      if (what === 'vote') {
        if (wish.status === 'open') await this.vote(em, tenantId, wish.id, membershipId);
      } else await this.withdraw(em, tenantId, wish.id, membershipId);
      return { ok: true };
    });
  }

  /** The host dashboard's wishes of a café and its next scheduled meetings (of the next 12). */
  dashboard(tenantId: TenantId, cafeId: string): Promise<DashboardWishes> {
    return this.tx.run(tenantId, async (em) => {
      const wishes = await this.list(em, tenantId, cafeId, null);
      const meetings = (await this.meetings.upcoming(em, tenantId, cafeId, 12)).filter(
        (m) => m.status === 'scheduled',
      );
      return {
        open: wishes.filter((w) => w.status === 'open'),
        planned: wishes.filter((w) => w.status === 'planned'),
        meetings,
      };
    });
  }

  /** `attach` in its own transaction (the dashboard's "attach to a meeting"). */
  attachTo(
    tenantId: TenantId,
    cafeId: string,
    wishId: string,
    meetingKey: string,
  ): Promise<AttachResult> {
    return this.tx.run(tenantId, (em) => this.attach(em, tenantId, cafeId, wishId, meetingKey));
  }

  /** Wishes by votes (most first, then oldest first); `voted` is for `membershipId`. */
  async list(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string | null,
    opts: { status?: WishStatus; limit?: number } = {},
  ): Promise<WishRow[]> {
    const rows = await em.query<
      {
        id: string;
        kind: WishKind;
        text: string;
        status: WishStatus;
        votes: string;
        voted: boolean;
        meeting_key: string | null;
        meeting_starts_at: Date | null;
      }[]
    >(
      `select w.id, w.kind, w.text, w.status,
              (select count(*) from wish_votes v where v.tenant_id = w.tenant_id and v.wish_id = w.id) as votes,
              exists (select 1 from wish_votes v where v.tenant_id = w.tenant_id and v.wish_id = w.id
                        and v.membership_id = $3) as voted,
              m.key as meeting_key, m.starts_at as meeting_starts_at
         from wishes w
         left join meetings m on m.tenant_id = w.tenant_id and m.id = w.meeting_id
        where w.tenant_id = $1 and w.cafe_id = $2 and ($4::text is null or w.status = $4)
        order by votes desc, w.created_at asc
        limit $5`,
      [tenantId, cafeId, membershipId, opts.status ?? null, opts.limit ?? 200],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: r.text,
      status: r.status,
      votes: Number(r.votes),
      voted: r.voted,
      meetingKey: r.meeting_key,
      meetingStartsAt: r.meeting_starts_at,
    }));
  }

  find(em: EntityManager, tenantId: TenantId, cafeId: string, wishId: string) {
    if (!UUID.test(wishId)) return Promise.resolve(null);
    return em.getRepository(Wish).findOneBy({ tenantId, cafeId, id: wishId });
  }

  async propose(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
    input: { kind: WishKind; text: string },
  ): Promise<Wish> {
    const wish = await em.getRepository(Wish).save(
      em.getRepository(Wish).create({
        tenantId,
        cafeId,
        membershipId,
        kind: input.kind,
        text: input.text,
      }),
    );
    // Whoever proposes something wants it: their vote counts from the start.
    await this.vote(em, tenantId, wish.id, membershipId);
    return wish;
  }

  /** One vote per person and wish: a second vote changes nothing (the unique key decides). */
  async vote(
    em: EntityManager,
    tenantId: TenantId,
    wishId: string,
    membershipId: string,
  ): Promise<boolean> {
    const result = await em
      .getRepository(WishVote)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, wishId, membershipId })
      .orIgnore()
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async withdraw(
    em: EntityManager,
    tenantId: TenantId,
    wishId: string,
    membershipId: string,
  ): Promise<boolean> {
    const result = await em.getRepository(WishVote).delete({ tenantId, wishId, membershipId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * A host plans a wish into one of the café's upcoming meetings: the meeting remembers the wish
   * and takes it as theme (or speaker) when it has none yet; its content changed, so its SEQUENCE
   * grows; the wish is marked planned. Row locks on the wish and meeting serialise two hosts.
   */
  async attach(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    wishId: string,
    meetingKey: string,
    now = this.clock.now(),
  ): Promise<AttachResult> {
    if (!UUID.test(wishId)) return { ok: false, reason: 'wish' };
    const [wish] = await em.query<{ id: string; kind: WishKind; text: string; status: string }[]>(
      `select id, kind, text, status from wishes
        where tenant_id = $1 and cafe_id = $2 and id = $3 for update`,
      [tenantId, cafeId, wishId],
    );
    if (!wish) return { ok: false, reason: 'wish' };
    if (wish.status !== 'open') return { ok: false, reason: 'planned' };
    const [row] = await em.query<{ id: string }[]>(
      `select id from meetings
        where tenant_id = $1 and cafe_id = $2 and key = $3 and status = 'scheduled' and starts_at > $4
        for update`,
      [tenantId, cafeId, meetingKey, now],
    );
    if (!row) return { ok: false, reason: 'meeting' };
    const repo = em.getRepository(Meeting);
    const meeting = await repo.findOneByOrFail({ tenantId, id: row.id });
    const changes: Partial<Meeting> = { wishId: wish.id, edited: true };
    if (wish.kind === 'theme' && !meeting.theme) changes.theme = wish.text.slice(0, 200);
    if (wish.kind === 'speaker' && !meeting.speaker) changes.speaker = wish.text.slice(0, 120);
    await repo.update({ tenantId, id: meeting.id }, { ...changes, sequence: () => 'sequence + 1' });
    await em
      .getRepository(Wish)
      .update({ tenantId, id: wish.id }, { status: 'planned', meetingId: meeting.id });
    return { ok: true, meeting: await repo.findOneByOrFail({ tenantId, id: meeting.id }) };
  }
}
