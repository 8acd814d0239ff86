import { Tenant } from './tenant.entity';
import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Timestamps } from '../../database/timestamps';

export type LegalPageKind = 'privacy' | 'toegankelijkheid';

/** A municipality's own version of a legally required page; absent means the generated template. */
@Entity('legal_pages')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_legal_pages_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_legal_pages_kind', ['tenantId', 'kind'])
export class LegalPage extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: LegalPageKind;

  @Column({ type: 'text' })
  body: string;
}
