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
import { Cafe } from './cafe.entity';
import { Wish } from '../../wishes/entities/wish.entity';

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One gathering of a café. Its URL key is its local date (`2026-12-01`, `2026-12-01-2`). */
@Entity('meetings')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_meetings_tenant', onDelete: 'CASCADE' })
@ForeignKey(() => Cafe, ['tenantId', 'cafeId'], ['tenantId', 'id'], {
  name: 'fk_meetings_cafe',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Wish, ['tenantId', 'wishId'], ['tenantId', 'id'], {
  name: 'fk_meetings_wish',
  onDelete: 'SET NULL',
})
@Unique('uq_meetings_key', ['tenantId', 'cafeId', 'key'])
@Unique('uq_meetings_occurrence', ['tenantId', 'cafeId', 'occurrenceAt'])
@Index('ix_meetings_starts_at', ['tenantId', 'startsAt'])
export class Meeting extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cafe_id', type: 'uuid' })
  cafeId: string;

  @Column({ type: 'varchar', length: 16 })
  key: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The rule occurrence this meeting was generated for (stays when the meeting is moved); null for one-offs. */
  @Column({ name: 'occurrence_at', type: 'timestamptz', nullable: true })
  occurrenceAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  theme: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  speaker: string | null;

  @Column({ name: 'speaker_expertise', type: 'varchar', length: 200, nullable: true })
  speakerExpertise: string | null;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Seats, counting people (a caregiver plus companions). */
  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: MeetingStatus;

  @Column({ name: 'generated_from_rule', type: 'boolean', default: false })
  generatedFromRule: boolean;

  /** Changed by a host: a rule change leaves it alone. */
  @Column({ type: 'boolean', default: false })
  edited: boolean;

  /** iCalendar SEQUENCE: grows with every change people's calendars should follow. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ name: 'wish_id', type: 'uuid', nullable: true })
  wishId: string | null;

  /**
   * When a host last changed its time: people were told at once, so reminders already due before
   * this moment are not sent again for the new time (only those still ahead).
   */
  @Column({ name: 'rescheduled_at', type: 'timestamptz', nullable: true })
  rescheduledAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
