import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { TenantTransaction } from '../database/tenant-transaction';
import { Membership, Role } from './entities/membership.entity';

/** A person's memberships of municipalities (tenant-owned rows). */
@Injectable()
export class MembershipsService {
  constructor(private readonly tx: TenantTransaction) {}

  findForUser(tenantId: TenantId, userId: string): Promise<Membership | null> {
    return this.tx.run(tenantId, (em) =>
      em.getRepository(Membership).findOne({ where: { tenantId, userId } }),
    );
  }

  /**
   * How many caregivers take part here (the home page says so). Served by the
   * memberships (tenant_id, role) index: the page never reads every membership.
   */
  countCaregivers(em: EntityManager, tenantId: TenantId): Promise<number> {
    return em.getRepository(Membership).count({ where: { tenantId, role: 'caregiver' } });
  }

  /** Whether the id is a membership of this municipality (RLS keeps others' ids out anyway). */
  exists(em: EntityManager, tenantId: TenantId, id: string): Promise<boolean> {
    return em.getRepository(Membership).existsBy({ tenantId, id });
  }

  /** One membership of this municipality, or null. */
  find(em: EntityManager, tenantId: TenantId, id: string): Promise<Membership | null> {
    return em.getRepository(Membership).findOne({ where: { tenantId, id } });
  }

  /** Whether the account is a member of this municipality. */
  /** Several members of this municipality at once, by id (one statement); unknown ids left out. */
  async findMany(
    em: EntityManager,
    tenantId: TenantId,
    ids: string[],
  ): Promise<Map<string, Membership>> {
    if (ids.length === 0) return new Map();
    const rows = await em.getRepository(Membership).findBy({ tenantId, id: In([...new Set(ids)]) });
    return new Map(rows.map((m) => [m.id, m]));
  }

  /** The municipality's members with one role, by name (e.g. its professionals, to link one). */
  withRole(em: EntityManager, tenantId: TenantId, role: Role): Promise<Membership[]> {
    return em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId and m.role = :role', { tenantId, role })
      .orderBy('lower(m.display_name)', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  hasUser(em: EntityManager, tenantId: TenantId, userId: string): Promise<boolean> {
    return em.getRepository(Membership).exists({ where: { tenantId, userId } });
  }

  count(em: EntityManager, tenantId: TenantId): Promise<number> {
    return em.getRepository(Membership).count({ where: { tenantId } });
  }

  /** One page of the municipality's memberships, by name (ties by id, so pages never overlap). */
  page(
    em: EntityManager,
    tenantId: TenantId,
    offset: number,
    limit: number,
  ): Promise<Membership[]> {
    return em
      .getRepository(Membership)
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId', { tenantId })
      .orderBy('lower(m.display_name)', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getMany();
  }

  /**
   * The ids of the municipality's admins, locked until the transaction ends: a role change that
   * could leave no admin takes this lock first, so two of them cannot both pass the check.
   */
  async lockAdmins(em: EntityManager, tenantId: TenantId): Promise<string[]> {
    const admins = await em.getRepository(Membership).find({
      where: { tenantId, role: 'tenant_admin' },
      select: { id: true },
      lock: { mode: 'pessimistic_write' },
    });
    return admins.map((a) => a.id);
  }

  async setRole(em: EntityManager, tenantId: TenantId, id: string, role: Role): Promise<void> {
    await em.getRepository(Membership).update({ tenantId, id }, { role });
  }

  /** Sets the `staff` flag: a municipal employee who is not an admin (sees staff courses). */
  async setStaff(em: EntityManager, tenantId: TenantId, id: string, staff: boolean): Promise<void> {
    await em.getRepository(Membership).update({ tenantId, id }, { staff });
  }

  /** The member's own default for café reminders (a column of the membership). */
  async cafeReminders(
    em: EntityManager,
    tenantId: TenantId,
    id: string,
  ): Promise<Membership['cafeReminders']> {
    return (await em.getRepository(Membership).findOneByOrFail({ tenantId, id })).cafeReminders;
  }

  async setCafeReminders(
    em: EntityManager,
    tenantId: TenantId,
    id: string,
    cafeReminders: Membership['cafeReminders'],
  ): Promise<void> {
    await em.getRepository(Membership).update({ tenantId, id }, { cafeReminders });
  }

  /** Creates the membership unless the person already has one here; returns the membership. */
  async ensure(
    em: EntityManager,
    tenantId: TenantId,
    userId: string,
    values: { role: Role; displayName: string; termsAcceptedAt?: Date | null },
  ): Promise<Membership> {
    const repo = em.getRepository(Membership);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ tenantId, userId, ...values })
      .orIgnore()
      .execute();
    return repo.findOneOrFail({ where: { tenantId, userId } });
  }
}
