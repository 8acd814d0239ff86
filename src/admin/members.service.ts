import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Membership, Role } from '../auth/entities/membership.entity';
import { MembershipsService } from '../auth/memberships.service';
import { UsersService } from '../auth/users.service';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';

export const MEMBERS_PAGE_SIZE = 50;

export interface MemberRow {
  id: string;
  displayName: string;
  email: string;
  phone: string | null;
  role: Role;
  /** A municipal employee who is not an admin (sees the academy's staff courses). */
  staff: boolean;
  since: Date;
}

export type RoleChange =
  | { ok: true; member: MemberRow; previousRole: Role }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'last-admin'; member: MemberRow };

/**
 * The members of one municipality, as its admins see them. The e-mail comes from the global
 * `users` table (through UsersService), but only for the user ids of this tenant's memberships
 * (RLS), so an admin sees the addresses of their own members and nobody else's.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UsersService,
    private readonly memberships: MembershipsService,
  ) {}

  /** The memberships with their account's e-mail address, in the given order. */
  private async withEmails(em: EntityManager, memberships: Membership[]): Promise<MemberRow[]> {
    const emails = await this.users.emailsByIds(
      memberships.map((m) => m.userId),
      em,
    );
    return memberships
      .filter((m) => emails.has(m.userId))
      .map((m) => ({
        id: m.id,
        displayName: m.displayName,
        email: emails.get(m.userId)!,
        phone: m.phone,
        role: m.role,
        staff: m.staff,
        since: m.createdAt,
      }));
  }

  private async findRow(em: EntityManager, tenantId: TenantId, id: string) {
    const membership = await this.memberships.find(em, tenantId, id);
    return membership ? ((await this.withEmails(em, [membership]))[0] ?? null) : null;
  }

  async list(tenantId: TenantId, page: number): Promise<{ members: MemberRow[]; total: number }> {
    return this.tx.run(tenantId, async (em) => {
      const total = await this.memberships.count(em, tenantId);
      const memberships = await this.memberships.page(
        em,
        tenantId,
        (page - 1) * MEMBERS_PAGE_SIZE,
        MEMBERS_PAGE_SIZE,
      );
      return { members: await this.withEmails(em, memberships), total };
    });
  }

  /** One member of this municipality; null for an unknown id or another municipality's id. */
  find(tenantId: TenantId, id: string): Promise<MemberRow | null> {
    return this.tx.run(tenantId, (em) => this.findRow(em, tenantId, id));
  }

  /** Whether an e-mail address already belongs to a member of this municipality. */
  async isMember(tenantId: TenantId, email: string): Promise<boolean> {
    return this.tx.run(tenantId, async (em) => {
      const user = await this.users.findByEmail(email, em);
      return user !== null && (await this.memberships.hasUser(em, tenantId, user.id));
    });
  }

  /** Marks a member as municipal staff (or not); null for an unknown id. */
  setStaff(tenantId: TenantId, id: string, staff: boolean): Promise<MemberRow | null> {
    return this.tx.run(tenantId, async (em) => {
      const member = await this.findRow(em, tenantId, id);
      if (!member) return null;
      if (member.staff !== staff) await this.memberships.setStaff(em, tenantId, id, staff);
      return { ...member, staff };
    });
  }

  /**
   * Gives a member another role. The last tenant_admin cannot lose the role: the admin rows are
   * locked first, so two admins demoting each other at the same moment cannot both succeed.
   */
  async changeRole(tenantId: TenantId, id: string, role: Role): Promise<RoleChange> {
    return this.tx.run(tenantId, async (em) => {
      const admins = await this.memberships.lockAdmins(em, tenantId);
      const member = await this.findRow(em, tenantId, id);
      if (!member) return { ok: false, reason: 'not-found' };
      const previousRole = member.role;
      if (previousRole === 'tenant_admin' && role !== 'tenant_admin' && admins.length <= 1) {
        return { ok: false, reason: 'last-admin', member };
      }
      if (previousRole !== role) await this.memberships.setRole(em, tenantId, id, role);
      return { ok: true, member: { ...member, role }, previousRole };
    });
  }
}
