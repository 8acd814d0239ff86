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
import { Activity } from './activity.entity';

export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One date of an activity, made from its rule (src/events/occurrence-plan.ts). */
@Entity('activity_occurrences')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_activity_occurrences_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Activity, ['tenantId', 'activityId'], ['tenantId', 'id'], {
  name: 'fk_activity_occurrences_activity',
  onDelete: 'CASCADE',
})
@Unique('uq_activity_occurrences_occurrence', ['tenantId', 'activityId', 'occurrenceAt'])
@Index('ix_activity_occurrences_starts_at', ['tenantId', 'startsAt'])
export class ActivityOccurrence extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The rule's occurrence it was made for (it stays when the date is cancelled). */
  @Column({ name: 'occurrence_at', type: 'timestamptz', nullable: true })
  occurrenceAt: Date | null;

  @Column({ name: 'generated_from_rule', type: 'boolean', default: true })
  generatedFromRule: boolean;

  /** Changed by an admin: a rule change leaves it alone. */
  @Column({ type: 'boolean', default: false })
  edited: boolean;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: OccurrenceStatus;

  /** iCalendar SEQUENCE: grows with every change of the date or of its activity. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;
}
