import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { Membership } from '../../auth/entities/membership.entity';
import { CafeFollow, type FollowReminders } from './entities/cafe-follow.entity';

/** A member follows a café (hears about its meetings); one row per café and member. */
@Injectable()
export class FollowsService {
  constructor(private readonly clock: Clock) {}

  isFollowing(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    return em.getRepository(CafeFollow).existsBy({ tenantId, cafeId, membershipId });
  }

  async follow(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    await em
      .getRepository(CafeFollow)
      .createQueryBuilder()
      .insert()
      // Since when: reminders go to those who followed before a reminder's moment (clock time).
      .values({ tenantId, cafeId, membershipId, createdAt: this.clock.now() })
      .orIgnore()
      .execute();
  }

  async unfollow(em: EntityManager, tenantId: TenantId, cafeId: string, membershipId: string) {
    await em.getRepository(CafeFollow).delete({ tenantId, cafeId, membershipId });
  }

  /** The cafés a member follows, by name, with this café's reminder choice (`default` or own). */
  followed(em: EntityManager, tenantId: TenantId, membershipId: string) {
    return em.query<{ id: string; slug: string; name: string; reminders: FollowReminders }[]>(
      `select c.id, c.slug, c.name, f.reminders from cafe_follows f
         join cafes c on c.tenant_id = f.tenant_id and c.id = f.cafe_id
        where f.tenant_id = $1 and f.membership_id = $2 order by c.name, c.id`,
      [tenantId, membershipId],
    );
  }

  /**
   * This café's reminders for a member (`default`: their own default). A member who does not
   * follow the café yet gets a follow row carrying the choice (it is the one place it is kept).
   */
  async setCafeReminders(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
    reminders: FollowReminders,
  ): Promise<void> {
    await em
      .getRepository(CafeFollow)
      .createQueryBuilder()
      .insert()
      .values({ tenantId, cafeId, membershipId, reminders, createdAt: this.clock.now() })
      .orUpdate(['reminders'], ['tenant_id', 'cafe_id', 'membership_id'])
      .execute();
  }

  /** The member's default for all cafés: every meeting, only those signed up for, or none. */
  async setDefaultReminders(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
    reminders: Membership['cafeReminders'],
  ): Promise<void> {
    await em
      .getRepository(Membership)
      .update({ tenantId, id: membershipId }, { cafeReminders: reminders });
  }

  /** The member's own default for café reminders (memberships.cafe_reminders). */
  async defaultReminders(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
  ): Promise<Membership['cafeReminders']> {
    const membership = await em
      .getRepository(Membership)
      .findOneByOrFail({ tenantId, id: membershipId });
    return membership.cafeReminders;
  }

  /**
   * The reminders a member gets for one café, with `default` resolved to their own default;
   * null when they do not follow the café.
   */
  async effectiveReminders(
    em: EntityManager,
    tenantId: TenantId,
    cafeId: string,
    membershipId: string,
  ): Promise<Membership['cafeReminders'] | null> {
    const [row] = await em.query<
      { reminders: FollowReminders; own: Membership['cafeReminders'] }[]
    >(
      `select f.reminders, m.cafe_reminders as own from cafe_follows f
         join memberships m on m.tenant_id = f.tenant_id and m.id = f.membership_id
        where f.tenant_id = $1 and f.cafe_id = $2 and f.membership_id = $3`,
      [tenantId, cafeId, membershipId],
    );
    if (!row) return null;
    return row.reminders === 'default' ? row.own : row.reminders;
  }
}
