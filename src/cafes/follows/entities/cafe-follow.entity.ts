import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Cafe } from '../../common/entities/cafe.entity';

/** Per café: `default` follows the person's own choice (memberships.cafe_reminders). */
export const FOLLOW_REMINDERS = ['default', 'all', 'signed_up', 'none'] as const;
export type FollowReminders = (typeof FOLLOW_REMINDERS)[number];

/** A member follows a café (hears about its meetings), with an optional reminder override. */
@Entity('cafe_follows')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_cafe_follows_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Cafe, ['tenantId', 'cafeId'], ['tenantId', 'id'], {
  name: 'fk_cafe_follows_cafe',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_cafe_follows_membership',
  onDelete: 'CASCADE',
})
@Unique('uq_cafe_follows_member', ['tenantId', 'cafeId', 'membershipId'])
// The cafés a member follows (their reminder settings, the home page, export/erasure).
@Index('ix_cafe_follows_member', ['tenantId', 'membershipId'])
export class CafeFollow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cafe_id', type: 'uuid' })
  cafeId: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @Column({ type: 'varchar', length: 20, default: 'default' })
  reminders: FollowReminders;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
