import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { GeneralGuidePage } from './general-guide-page.entity';

/**
 * A hub's own text under a general page ("In Poperinge: ..."), without copying the page:
 * tenant-owned, RLS, at most one per page and hub. Deleting the general page deletes it.
 */
@Entity('guide_local_parts')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_guide_local_parts_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => GeneralGuidePage, ['pageId'], ['id'], {
  name: 'fk_guide_local_parts_page',
  onDelete: 'CASCADE',
})
@Unique('uq_guide_local_parts_page', ['tenantId', 'pageId'])
export class GuideLocalPart extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'page_id', type: 'uuid' })
  pageId: string;

  /** Markdown subset. */
  @Column({ type: 'text', default: '' })
  body: string;
}
