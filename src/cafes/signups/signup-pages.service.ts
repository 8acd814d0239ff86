import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SignedLinks } from '../../common/signed-links';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { findCafe, findCafeMeeting } from '../common/cafe-lookup';
import { FollowsService } from '../follows/follows.service';
import { Signup } from './entities/signup.entity';
import {
  SIGNUP_CANCEL_PURPOSE,
  SignupsService,
  type CancelResult,
  type SignupInput,
  type SignupResult,
} from './signups.service';

export interface CafeMeeting {
  cafe: Cafe;
  meeting: Meeting;
}

/** A cancel link that does not act: damaged or of another municipality (or gone), or expired. */
export type LinkRefusal = 'invalid' | 'expired';

/** What a signed cancel link points at. */
export interface CancelLinkTarget extends CafeMeeting {
  signup: Signup;
  /** The queue entry the link was made for (`queued_at`, ms). */
  queuedAtMs: number;
  /** Whether the link still acts: the sign-up is not cancelled and is the one the link names. */
  active: boolean;
}

/**
 * The sign-up pages' reads and writes, one call per request (the controllers open no
 * transaction): sign up and cancel from the meeting page, follow a café, and the one-click cancel
 * link from e-mail.
 */
@Injectable()
export class SignupPagesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly signups: SignupsService,
    private readonly follows: FollowsService,
    private readonly links: SignedLinks,
    private readonly clock: Clock,
  ) {}

  /**
   * Signs a member up from the meeting page. `input` null: the form was refused or could not have
   * been sent (only the meeting is looked up, so an unknown one is still a 404).
   */
  async signUp(
    tenant: MailTenant,
    slug: string,
    key: string,
    membershipId: string,
    input: SignupInput | null,
  ): Promise<
    | { found: null }
    | { found: CafeMeeting; result: SignupResult | { ok: false; reason: 'invalid' } }
  > {
    const found = await this.meetingAt(tenant.id as TenantId, slug, key);
    if (!found) return { found: null };
    if (!input) return { found, result: { ok: false, reason: 'invalid' } };
    return {
      found,
      result: await this.signups.signUp(tenant, found.meeting.id, membershipId, input),
    };
  }

  /** Cancels the member's own sign-up for the meeting of a page ('already': there is none). */
  async cancelOwn(
    tenant: MailTenant,
    slug: string,
    key: string,
    membershipId: string,
  ): Promise<{ found: null } | { found: CafeMeeting; result: CancelResult }> {
    const tenantId = tenant.id as TenantId;
    const found = await this.meetingAt(tenantId, slug, key);
    if (!found) return { found: null };
    const signup = await this.tx.run(tenantId, (em) =>
      em.getRepository(Signup).findOneBy({ tenantId, meetingId: found.meeting.id, membershipId }),
    );
    const result = signup
      ? await this.signups.cancel(tenant, signup.id, { membershipId })
      : ({ ok: false, reason: 'already' } as const);
    return { found, result };
  }

  /** Follows (or stops following) the café of `slug`; null: no such café. */
  setFollow(
    tenantId: TenantId,
    slug: string,
    membershipId: string,
    on: boolean,
  ): Promise<Cafe | null> {
    return this.tx.run(tenantId, async (em) => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return null;
      if (on) await this.follows.follow(em, tenantId, cafe.id, membershipId);
      else await this.follows.unfollow(em, tenantId, cafe.id, membershipId);
      return cafe;
    });
  }

  /** The page of a cancel link (GET: shows one button, changes nothing). */
  async cancelLinkPage(
    tenantId: TenantId,
    token: string,
  ): Promise<
    { ok: false; refusal: LinkRefusal } | { ok: true; target: CancelLinkTarget; past: boolean }
  > {
    const found = await this.fromToken(tenantId, token);
    if (!found.ok) return found;
    const past = found.target.meeting.endsAt.getTime() < this.clock.now().getTime();
    return { ...found, past };
  }

  /** The cancel link's POST (also RFC 8058 one-click): the token alone is enough. */
  async cancelByLink(
    tenant: MailTenant,
    token: string,
  ): Promise<
    | { ok: false; refusal: LinkRefusal }
    | { ok: true; target: CancelLinkTarget; result: CancelResult }
  > {
    const found = await this.fromToken(tenant.id as TenantId, token);
    if (!found.ok) return found;
    const result = await this.signups.cancel(tenant, found.target.signup.id, {
      queuedAtMs: found.target.queuedAtMs,
    });
    return { ...found, result };
  }

  /** The café and meeting of a meeting page's address, or null. */
  private meetingAt(tenantId: TenantId, slug: string, key: string): Promise<CafeMeeting | null> {
    return this.tx.run(tenantId, (em) => findCafeMeeting(em, tenantId, slug, key));
  }

  /**
   * The sign-up a signed link points at: a damaged link, one of another municipality or of a
   * sign-up that is gone is `invalid`, an expired one `expired`.
   */
  private async fromToken(
    tenantId: TenantId,
    token: string,
  ): Promise<{ ok: false; refusal: LinkRefusal } | { ok: true; target: CancelLinkTarget }> {
    const verified = this.links.verify(token, SIGNUP_CANCEL_PURPOSE);
    if (!verified.ok) return { ok: false, refusal: verified.reason };
    const { payload } = verified;
    if (payload.t !== tenantId || payload.ids.length !== 2)
      return { ok: false, refusal: 'invalid' };
    const [signupId, queuedAt] = payload.ids;
    const found = await this.tx.run(tenantId, async (em) => {
      const signup = await em.getRepository(Signup).findOneBy({ tenantId, id: signupId });
      if (!signup) return null;
      const meeting = await em
        .getRepository(Meeting)
        .findOneByOrFail({ tenantId, id: signup.meetingId });
      const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
      return { signup, meeting, cafe };
    });
    if (!found) return { ok: false, refusal: 'invalid' };
    const queuedAtMs = Number(queuedAt);
    const active =
      found.signup.status !== 'cancelled' && found.signup.queuedAt.getTime() === queuedAtMs;
    return { ok: true, target: { ...found, queuedAtMs, active } };
  }
}
