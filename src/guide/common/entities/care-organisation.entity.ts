import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Timestamps } from '../../../database/timestamps';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import type { OrganisationKind } from '../organisation-kinds';

/**
 * A care organisation in the hub's directory (`/hulp-in-de-buurt`): tenant-owned, RLS. The
 * fields are the form's and the CSV file's (organisations/dto/organisation.dto.ts); optional
 * text is '' when empty. `name_key` (the name folded: lower case, no accents, one space) makes
 * "Sociaal Huis" and "sociaal  huis" one organisation.
 */
@Entity('care_organisations')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_care_organisations_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_care_organisations_name', ['tenantId', 'nameKey'])
@Index('ix_care_organisations_kind', ['tenantId', 'kind', 'name'])
export class CareOrganisation extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 150 })
  name: string;

  @Column({ name: 'name_key', type: 'varchar', length: 150 })
  nameKey: string;

  @Column({ type: 'varchar', length: 30 })
  kind: OrganisationKind;

  /** What they offer, in one plain sentence. */
  @Column({ type: 'varchar', length: 300 })
  offer: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  audience: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  address: string;

  @Column({ type: 'varchar', length: 4, default: '' })
  postcode: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  town: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  phone: string;

  @Column({ type: 'varchar', length: 254, default: '' })
  email: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  website: string;

  @Column({ name: 'opening_hours', type: 'varchar', length: 300, default: '' })
  openingHours: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  cost: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  accessibility: string;
}
