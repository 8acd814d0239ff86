import { Injectable } from '@nestjs/common';
import { MembershipsService } from '../../auth/memberships.service';
import type { EntityManager } from 'typeorm';
import { Membership } from '../../auth/entities/membership.entity';
import { UUID } from '../../common/uuid';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import { CafeHost } from './entities/cafe-host.entity';

/** A member who could join a café's core group, as the search on the core-group page shows them. */
export interface HostCandidate {
  id: string;
  displayName: string;
  email: string;
}

export interface HostRow {
  id: string;
  membershipId: string;
  displayName: string;
}

export type AppointResult = { ok: true; name: string } | { ok: false; reason: 'no-member' };
export type DismissResult = { ok: true; name: string } | { ok: false; reason: 'not-found' };

/** `text` for an ILIKE pattern with a backslash as escape character: `%` and `_` match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A café's core group (cafe_hosts): who is in it, appointing and dismissing, the member search. */
@Injectable()
export class HostsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly memberships: MembershipsService,
  ) {}

  hosts(em: EntityManager, tenantId: TenantId, cafeId: string): Promise<HostRow[]> {
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
      .getRawMany<HostRow>();
  }

  async isHost(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
  ): Promise<boolean> {
    return em.getRepository(CafeHost).existsBy({ tenantId, cafeId, membershipId });
  }

  /**
   * The core-group page: the hosts and, for a search of at least two characters (`query` null:
   * no search), up to `limit` members who match.
   */
  coreGroup(tenantId: TenantId, cafeId: string, query: string | null, limit: number) {
    return this.tx.run(tenantId, async (em) => ({
      hosts: await this.hosts(em, tenantId, cafeId),
      found:
        query !== null ? await this.searchHostCandidates(em, tenantId, cafeId, query, limit) : null,
    }));
  }

  /** Appoints a member of this municipality (by membership id) to the café's core group. */
  async appoint(tenantId: TenantId, cafeId: string, membershipId: string): Promise<AppointResult> {
    if (!UUID.test(membershipId)) return { ok: false, reason: 'no-member' };
    return this.tx.run(tenantId, async (em) => {
      const member = await this.findMember(em, tenantId, membershipId);
      if (!member) return { ok: false as const, reason: 'no-member' as const };
      await this.addHost(em, tenantId, cafeId, member.id);
      return { ok: true as const, name: member.displayName };
    });
  }

  /** Takes one host (by cafe_hosts id) out of the café's core group. */
  async dismiss(tenantId: TenantId, cafeId: string, hostId: string): Promise<DismissResult> {
    if (!UUID.test(hostId)) return { ok: false, reason: 'not-found' };
    return this.tx.run(tenantId, async (em) => {
      const host = (await this.hosts(em, tenantId, cafeId)).find((h) => h.id === hostId);
      if (!host) return { ok: false as const, reason: 'not-found' as const };
      await this.removeHost(em, tenantId, cafeId, hostId);
      return { ok: true as const, name: host.displayName };
    });
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
    return this.memberships.find(em, tenantId, membershipId);
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
}
