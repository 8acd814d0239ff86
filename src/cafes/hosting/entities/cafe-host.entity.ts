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
import { Cafe } from '../../common/entities/cafe.entity';

/** A member of a café's core group (kerngroep): may manage its meetings. */
@Entity('cafe_hosts')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_cafe_hosts_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Cafe, ['tenantId', 'cafeId'], ['tenantId', 'id'], {
  name: 'fk_cafe_hosts_cafe',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_cafe_hosts_membership',
  onDelete: 'CASCADE',
})
@Unique('uq_cafe_hosts_member', ['tenantId', 'cafeId', 'membershipId'])
export class CafeHost {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cafe_id', type: 'uuid' })
  cafeId: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
