import { Injectable } from '@nestjs/common';
import { MembershipsService } from '../../auth/memberships.service';
import { SignedLinks, type SignedPayload } from '../../common/signed-links';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { Cafe } from '../common/entities/cafe.entity';
import { Meeting } from '../common/entities/meeting.entity';
import { CafeFollow } from '../follows/entities/cafe-follow.entity';
import { FollowsService } from '../follows/follows.service';
import { SignupsService, type SignupResult } from '../signups/signups.service';
import { REMINDER_LINK_PURPOSES, ReminderLinksService } from './reminder-links.service';

/** A token that does not act (REMINDER_LINK_REFUSALS says how each is answered). */
export type ReminderLinkRefusal = 'invalid' | 'expired';

type Checked<T> = { ok: false; refusal: ReminderLinkRefusal } | ({ ok: true } & T);

/**
 * The reads and writes of the reminder mail's one-click links, one call per request: each checks
 * the token (its purpose, this municipality, the number of ids), loads what it names (gone: the
 * link does not work) and, for a POST, acts.
 */
@Injectable()
export class ReminderLinkPagesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly links: SignedLinks,
    private readonly reminderLinks: ReminderLinksService,
    private readonly follows: FollowsService,
    private readonly signups: SignupsService,
    private readonly memberships: MembershipsService,
  ) {}

  /** The meeting a sign-up link is for, and whose link it is. */
  async signupPage(
    tenantId: TenantId,
    token: string,
  ): Promise<Checked<{ meeting: Meeting; cafe: Cafe; membershipId: string }>> {
    const payload = this.verified(tenantId, token, REMINDER_LINK_PURPOSES.signup, 2);
    if (!payload.ok) return payload;
    const [meetingId, membershipId] = payload.ids;
    return this.loaded(
      await this.tx.run(tenantId, async (em) => {
        const meeting = await em.getRepository(Meeting).findOneBy({ tenantId, id: meetingId });
        const member = await this.memberships.exists(em, tenantId, membershipId);
        if (!meeting || !member) return null;
        const cafe = await em.getRepository(Cafe).findOneByOrFail({ tenantId, id: meeting.cafeId });
        return { meeting, cafe, membershipId };
      }),
    );
  }

  /** Signs the link's member up for its meeting, alone and without needs. */
  async signUp(
    tenant: MailTenant,
    token: string,
  ): Promise<
    Checked<{ meeting: Meeting; cafe: Cafe; membershipId: string; result: SignupResult }>
  > {
    const found = await this.signupPage(tenant.id as TenantId, token);
    if (!found.ok) return found;
    const result = await this.signups.signUp(tenant, found.meeting.id, found.membershipId, {
      companions: 0,
      needsRespite: false,
      needsTransport: false,
      needsOther: null,
    });
    return { ...found, result };
  }

  /** The café whose reminders a link stops, and whose link it is. */
  async cafeOffPage(
    tenantId: TenantId,
    token: string,
  ): Promise<Checked<{ cafe: Cafe; membershipId: string }>> {
    const payload = this.verified(tenantId, token, REMINDER_LINK_PURPOSES.cafeOff, 2);
    if (!payload.ok) return payload;
    const [membershipId, cafeId] = payload.ids;
    return this.loaded(
      await this.tx.run(tenantId, async (em) => {
        const cafe = await em.getRepository(Cafe).findOneBy({ tenantId, id: cafeId });
        const member = await this.memberships.exists(em, tenantId, membershipId);
        return cafe && member ? { cafe, membershipId } : null;
      }),
    );
  }

  /** No more reminders from this café; with the token of the offer to stop all of them. */
  async cafeOff(
    tenantId: TenantId,
    token: string,
  ): Promise<Checked<{ cafe: Cafe; membershipId: string; allOffToken: string }>> {
    const found = await this.cafeOffPage(tenantId, token);
    if (!found.ok) return found;
    await this.tx.run(tenantId, (em) =>
      this.follows.setCafeReminders(em, tenantId, found.cafe.id, found.membershipId, 'none'),
    );
    return { ...found, allOffToken: this.reminderLinks.allOffToken(tenantId, found.membershipId) };
  }

  /** Whether a stop-all link names a member of this municipality. */
  async allOffPage(tenantId: TenantId, token: string): Promise<Checked<{ membershipId: string }>> {
    const payload = this.verified(tenantId, token, REMINDER_LINK_PURPOSES.allOff, 1);
    if (!payload.ok) return payload;
    const [membershipId] = payload.ids;
    return this.loaded(
      await this.tx.run(tenantId, async (em) =>
        (await this.memberships.exists(em, tenantId, membershipId)) ? { membershipId } : null,
      ),
    );
  }

  /** No more café reminders at all: the default becomes "none", per-café choices fall back to it. */
  async allOff(tenantId: TenantId, token: string): Promise<Checked<{ membershipId: string }>> {
    const found = await this.allOffPage(tenantId, token);
    if (!found.ok) return found;
    const { membershipId } = found;
    await this.tx.run(tenantId, async (em) => {
      await this.follows.setDefaultReminders(em, tenantId, membershipId, 'none');
      // Per-café choices fall back to the default, which is now "none".
      await em
        .getRepository(CafeFollow)
        .update({ tenantId, membershipId }, { reminders: 'default' });
    });
    return found;
  }

  /** A valid token of this purpose for this municipality (`tenantId`: the host's), or why not. */
  private verified(
    tenantId: TenantId,
    token: string,
    purpose: string,
    ids: number,
  ): { ok: false; refusal: ReminderLinkRefusal } | ({ ok: true } & SignedPayload) {
    const result = this.links.verify(token, purpose);
    if (result.ok && result.payload.t === tenantId && result.payload.ids.length === ids)
      return { ok: true, ...result.payload };
    return {
      ok: false,
      refusal: !result.ok && result.reason === 'expired' ? 'expired' : 'invalid',
    };
  }

  /** What the token names, or `invalid` when it is gone (a deleted membership or café). */
  private loaded<T extends object>(found: T | null): Checked<T> {
    return found ? { ok: true, ...found } : { ok: false, refusal: 'invalid' };
  }
}
