import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
