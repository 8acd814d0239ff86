import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { Timestamps } from '../../../database/timestamps';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Cafe } from '../../common/entities/cafe.entity';
import { Meeting } from '../../common/entities/meeting.entity';

export const WISH_KINDS = ['theme', 'speaker'] as const;
export type WishKind = (typeof WISH_KINDS)[number];
export const WISH_STATUSES = ['open', 'planned'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

/** A theme or speaker a caregiver proposes for a café; others vote; hosts plan it into a meeting. */
@Entity('wishes')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_wishes_tenant', onDelete: 'CASCADE' })
@ForeignKey(() => Cafe, ['tenantId', 'cafeId'], ['tenantId', 'id'], {
  name: 'fk_wishes_cafe',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_wishes_membership',
  onDelete: 'SET NULL',
})
@ForeignKey(() => Meeting, ['tenantId', 'meetingId'], ['tenantId', 'id'], {
  name: 'fk_wishes_meeting',
  onDelete: 'SET NULL',
})
export class Wish extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cafe_id', type: 'uuid' })
  cafeId: string;

  /** Who proposed it; null when that member left. */
  @Column({ name: 'membership_id', type: 'uuid', nullable: true })
  membershipId: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: WishKind;

  @Column({ type: 'varchar', length: 300 })
  text: string;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: WishStatus;

  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;
}
