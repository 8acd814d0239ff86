import { Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { GuidePageColumns } from './guide-page-columns';

/** A page only one hub has, written by its admins: tenant-owned, RLS. */
@Entity('guide_pages')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_guide_pages_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_guide_pages_slug', ['tenantId', 'slug'])
@Index('ix_guide_pages_theme', ['tenantId', 'status', 'theme'])
export class LocalGuidePage extends GuidePageColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;
}
