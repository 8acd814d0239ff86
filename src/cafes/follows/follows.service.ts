import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { TenantTransaction } from '../../database/tenant-transaction';
import type { Membership } from '../../auth/entities/membership.entity';
import { MembershipsService } from '../../auth/memberships.service';
import type { FieldErrors } from '../../web/forms/form-validation';
import { CafeFollow, type FollowReminders } from './entities/cafe-follow.entity';
import { checkReminderSettings, type Followed } from './reminder-settings.form';

export type SaveReminderSettingsResult =
  { ok: true } | { ok: false; errors: FieldErrors; followed: Followed[] };

/** A member follows a café (hears about its meetings); one row per café and member. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    private readonly memberships: MembershipsService,
  ) {}

  /** The "mijn herinneringen" page: the member's own default and the cafés they follow. */
  reminderSettings(tenantId: TenantId, membershipId: string) {
    return this.tx.run(tenantId, async (em) => ({
      own: await this.defaultReminders(em, tenantId, membershipId),
      followed: await this.followed(em, tenantId, membershipId),
    }));
  }

  /**
   * Saves the "mijn herinneringen" form. Checked and written in one transaction: the cafés
   * followed are read where they are changed.
   */
  saveReminderSettings(
    tenantId: TenantId,
    membershipId: string,
    body: Record<string, unknown>,
  ): Promise<SaveReminderSettingsResult> {
    return this.tx.run(tenantId, async (em): Promise<SaveReminderSettingsResult> => {
      const followed = await this.followed(em, tenantId, membershipId);
      const checked = checkReminderSettings(body, followed);
      if (!checked.ok) return { ok: false, errors: checked.errors, followed };
      await this.setDefaultReminders(em, tenantId, membershipId, checked.own);
      for (const [cafeId, value] of checked.cafes)
        await this.setCafeReminders(em, tenantId, cafeId, membershipId, value);
      return { ok: true };
    });
  }

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
  followed(em: EntityManager, tenantId: TenantId, membershipId: string): Promise<Followed[]> {
    return em.query<Followed[]>(
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
  setDefaultReminders(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
    reminders: Membership['cafeReminders'],
  ): Promise<void> {
    return this.memberships.setCafeReminders(em, tenantId, membershipId, reminders);
  }

  /** The member's own default for café reminders (memberships.cafe_reminders). */
  defaultReminders(
    em: EntityManager,
    tenantId: TenantId,
    membershipId: string,
  ): Promise<Membership['cafeReminders']> {
    return this.memberships.cafeReminders(em, tenantId, membershipId);
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
