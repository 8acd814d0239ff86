import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TenantId } from '../database/tenant-id';
import { CafeFollow } from './entities/cafe-follow.entity';

/** A member follows a café (hears about its meetings); one row per café and member. */
@Injectable()
export class FollowsService {
  isFollowing(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    return em.getRepository(CafeFollow).existsBy({ tenantId, cafeId, membershipId });
  }

  async follow(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    await em
      .getRepository(CafeFollow)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, cafeId, membershipId })
      .orIgnore()
      .execute();
  }

  async unfollow(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    await em.getRepository(CafeFollow).delete({ tenantId, cafeId, membershipId });
  }

  /** The cafés a member follows, by name. */
  followed(em: EntityManager, tenantId: TenantId, membershipId: string) {
    return em.query<{ id: string; slug: string; name: string }[]>(
      `select c.id, c.slug, c.name from cafe_follows f
         join cafes c on c.tenant_id = f.tenant_id and c.id = f.cafe_id
        where f.tenant_id = $1 and f.membership_id = $2 order by c.name`,
      [tenantId, membershipId],
    );
  }
}
