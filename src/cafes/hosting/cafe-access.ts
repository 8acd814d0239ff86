import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Membership } from '../../auth/entities/membership.entity';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { findCafe, findMeeting } from '../common/cafe-lookup';
import type { Cafe } from '../common/entities/cafe.entity';
import type { Meeting } from '../common/entities/meeting.entity';
import { MEETING_KEY } from '../common/meeting-key';
import { HostsService } from './hosts.service';

/** Who is asking: the member of this municipality, or nobody signed in here. */
type Asker = Pick<Membership, 'id' | 'role'> | null | undefined;

/**
 * THE rule of who manages a café (its meetings, sign-ups, wishes, settings): a tenant admin, or a
 * host of that café (cafe_hosts). Written once; the guard, the café page and the meeting page ask.
 */
export function mayManageCafe(membership: Asker, isHost: boolean): boolean {
  return membership?.role === 'tenant_admin' || (!!membership && isHost);
}

export type CafeAccessResult =
  | { ok: true; cafe: Cafe; meeting: Meeting | null }
  | { ok: false; reason: 'not-found' | 'forbidden' };

/** The café access policy over the core group, for guards and page services. */
@Injectable()
export class CafeAccessPolicy {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly hosts: HostsService,
  ) {}

  /** May `membership` manage the café? A host is looked up only when the role does not decide. */
  async canManage(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membership: Asker,
  ): Promise<boolean> {
    // Nobody signed in, or a role that decides alone: no host lookup.
    if (!membership || mayManageCafe(membership, false)) return mayManageCafe(membership, false);
    return mayManageCafe(membership, await this.hosts.isHost(em, tenantId, cafeId, membership.id));
  }

  /**
   * A management route's café (of `slug`) and meeting (of `key`, when the route has one) in this
   * municipality, and whether `membership` may manage it.
   */
  async resolve(
    tenantId: TenantId,
    slug: string,
    key: string | undefined,
    membership: Asker,
  ): Promise<CafeAccessResult> {
    return this.tx.run(tenantId, async (em): Promise<CafeAccessResult> => {
      const cafe = await findCafe(em, tenantId, slug);
      if (!cafe) return { ok: false, reason: 'not-found' };
      let meeting: Meeting | null = null;
      if (key !== undefined) {
        meeting = MEETING_KEY.test(key) ? await findMeeting(em, tenantId, cafe.id, key) : null;
        if (!meeting) return { ok: false, reason: 'not-found' };
      }
      if (!(await this.canManage(em, tenantId, cafe.id, membership)))
        return { ok: false, reason: 'forbidden' };
      return { ok: true, cafe, meeting };
    });
  }
}
