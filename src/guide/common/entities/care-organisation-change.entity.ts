import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { CareOrganisation } from './care-organisation.entity';

export const ORGANISATION_CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type OrganisationChangeStatus = (typeof ORGANISATION_CHANGE_STATUSES)[number];

/**
 * A change to an organisation's entry proposed by one of its linked professionals, waiting for an
 * admin (tenant-owned, RLS). `proposed` holds the whole validated entry (the form's fields), so
 * approving it is one update; the entry as it was is kept in `previous` for the admin's comparison.
 */
@Entity('care_organisation_changes')
@ForeignKey(() => CareOrganisation, ['tenantId', 'organisationId'], ['tenantId', 'id'], {
  name: 'fk_care_organisation_changes_org',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'proposedBy'], ['tenantId', 'id'], {
  name: 'fk_care_organisation_changes_proposer',
  onDelete: 'SET NULL',
})
@ForeignKey(() => Membership, ['tenantId', 'decidedBy'], ['tenantId', 'id'], {
  name: 'fk_care_organisation_changes_decider',
  onDelete: 'SET NULL',
})
@Index('ix_care_organisation_changes_pending', ['tenantId', 'status', 'createdAt'])
export class CareOrganisationChange {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy: string | null;

  @Column({ type: 'jsonb' })
  proposed: Record<string, string>;

  @Column({ type: 'jsonb' })
  previous: Record<string, string>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: OrganisationChangeStatus;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
