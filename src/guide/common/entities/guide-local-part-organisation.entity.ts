import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CareOrganisation } from './care-organisation.entity';
import { GuideLocalPart } from './guide-local-part.entity';

/** An organisation of the hub's directory that a local part points to (tenant-owned, RLS). */
@Entity('guide_local_part_organisations')
@ForeignKey(() => GuideLocalPart, ['tenantId', 'localPartId'], ['tenantId', 'id'], {
  name: 'fk_guide_local_part_organisations_part',
  onDelete: 'CASCADE',
})
@ForeignKey(() => CareOrganisation, ['tenantId', 'organisationId'], ['tenantId', 'id'], {
  name: 'fk_guide_local_part_organisations_org',
  onDelete: 'CASCADE',
})
export class GuideLocalPartOrganisation {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'local_part_id', type: 'uuid' })
  localPartId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;
}
