import { CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { CareOrganisation } from './care-organisation.entity';

/**
 * A professional of the hub linked by an admin to an organisation: they may propose changes to
 * its entry (care_organisation_changes), which an admin approves. Tenant-owned, RLS.
 */
@Entity('care_organisation_editors')
@ForeignKey(() => CareOrganisation, ['tenantId', 'organisationId'], ['tenantId', 'id'], {
  name: 'fk_care_organisation_editors_org',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_care_organisation_editors_membership',
  onDelete: 'CASCADE',
})
export class CareOrganisationEditor {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
