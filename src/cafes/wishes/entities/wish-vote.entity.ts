import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Wish } from './wish.entity';

/** One member's vote for a wish (one per person per wish; withdrawing deletes it). */
@Entity('wish_votes')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_wish_votes_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Wish, ['tenantId', 'wishId'], ['tenantId', 'id'], {
  name: 'fk_wish_votes_wish',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_wish_votes_membership',
  onDelete: 'CASCADE',
})
@Unique('uq_wish_votes_member', ['tenantId', 'wishId', 'membershipId'])
export class WishVote {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'wish_id', type: 'uuid' })
  wishId: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
