import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Membership, type Role } from '../auth/entities/membership.entity';
import { User } from '../auth/entities/user.entity';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';

export const MEMBERS_PAGE_SIZE = 50;

export interface MemberRow {
  id: string;
  displayName: string;
  email: string;
  phone: string | null;
  role: Role;
  since: Date;
}

export type RoleChange =
  | { ok: true; member: MemberRow; previousRole: Role }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'last-admin'; member: MemberRow };

/**
 * The members of one municipality, as its admins see them. The e-mail comes from the global
 * `users` table, but only through a join on this tenant's memberships (RLS), so an admin sees
 * the addresses of their own members and nobody else's.
 */
@Injectable()
export class MembersService {
  constructor(private readonly tx: TenantTransaction) {}

  private query(em: EntityManager, tenantId: TenantId) {
    return em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .select([
        'm.id AS id',
        'm.display_name AS "displayName"',
        'u.email AS email',
        'm.phone AS phone',
        'm.role AS role',
        'm.created_at AS since',
      ])
      .where('m.tenant_id = :tenantId', { tenantId });
  }

  async list(tenantId: TenantId, page: number): Promise<{ members: MemberRow[]; total: number }> {
    return this.tx.run(tenantId, async (em) => {
      const total = await em.getRepository(Membership).count({ where: { tenantId } });
      const members = await this.query(em, tenantId)
        .orderBy('lower(m.display_name)', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .offset((page - 1) * MEMBERS_PAGE_SIZE)
        .limit(MEMBERS_PAGE_SIZE)
        .getRawMany<MemberRow>();
      return { members, total };
    });
  }

  /** One member of this municipality; null for an unknown id or another municipality's id. */
  find(tenantId: TenantId, id: string): Promise<MemberRow | null> {
    return this.tx.run(
      tenantId,
      async (em) =>
        (await this.query(em, tenantId).andWhere('m.id = :id', { id }).getRawOne<MemberRow>()) ??
        null,
    );
  }

  /** Whether an e-mail address already belongs to a member of this municipality. */
  async isMember(tenantId: TenantId, email: string): Promise<boolean> {
    return this.tx.run(tenantId, async (em) =>
      Boolean(await this.query(em, tenantId).andWhere('u.email = :email', { email }).getRawOne()),
    );
  }

  /**
   * Gives a member another role. The last tenant_admin cannot lose the role: the admin rows are
   * locked first, so two admins demoting each other at the same moment cannot both succeed.
   */
  async changeRole(tenantId: TenantId, id: string, role: Role): Promise<RoleChange> {
    return this.tx.run(tenantId, async (em) => {
      const repo = em.getRepository(Membership);
      const admins = await repo.find({
        where: { tenantId, role: 'tenant_admin' },
        select: { id: true },
        lock: { mode: 'pessimistic_write' },
      });
      const member = await this.query(em, tenantId)
        .andWhere('m.id = :id', { id })
        .getRawOne<MemberRow>();
      if (!member) return { ok: false, reason: 'not-found' };
      const previousRole = member.role;
      if (previousRole === 'tenant_admin' && role !== 'tenant_admin' && admins.length <= 1) {
        return { ok: false, reason: 'last-admin', member };
      }
      if (previousRole !== role) await repo.update({ tenantId, id }, { role });
      return { ok: true, member: { ...member, role }, previousRole };
    });
  }
}
