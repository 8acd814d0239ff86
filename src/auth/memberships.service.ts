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
