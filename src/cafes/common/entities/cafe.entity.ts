import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';
import { StoredFile } from '../../../files/entities/stored-file.entity';
import { Tenant } from '../../../tenancy/entities/tenant.entity';

export const CAFE_STATUSES = ['active', 'archived'] as const;
export type CafeStatus = (typeof CAFE_STATUSES)[number];

/** Minutes before a meeting at which reminders go out, unless the café says otherwise. */
export const DEFAULT_REMINDER_OFFSETS = [7 * 24 * 60, 24 * 60];

/**
 * A Mantelzorgcafé: a local gathering of caregivers with a core group of hosts. Its recurrence
 * rule is an RRULE in floating local time (Europe/Brussels) plus a start time and a duration;
 * `src/events/recurrence.ts` turns it into meetings.
 */
@Entity('cafes')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_cafes_tenant', onDelete: 'CASCADE' })
@ForeignKey(() => StoredFile, ['tenantId', 'photoFileId'], ['tenantId', 'id'], {
  name: 'fk_cafes_photo',
  onDelete: 'SET NULL',
})
@Unique('uq_cafes_slug', ['tenantId', 'slug'])
export class Cafe extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'venue_name', type: 'varchar', length: 120, default: '' })
  venueName: string;

  @Column({ name: 'venue_address', type: 'varchar', length: 300, default: '' })
  venueAddress: string;

  @Column({ name: 'venue_directions', type: 'text', default: '' })
  venueDirections: string;

  @Column({ name: 'step_free', type: 'boolean', default: false })
  stepFree: boolean;

  @Column({ name: 'accessible_toilet', type: 'boolean', default: false })
  accessibleToilet: boolean;

  @Column({ type: 'boolean', default: false })
  parking: boolean;

  @Column({ name: 'contact_name', type: 'varchar', length: 80, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ name: 'photo_file_id', type: 'uuid', nullable: true })
  photoFileId: string | null;

  /** What the photo shows, for people who cannot see it (the `alt`); set with every photo. */
  @Column({ name: 'photo_alt', type: 'varchar', length: 200, nullable: true })
  photoAlt: string | null;

  /** RRULE without DTSTART, in floating local time, e.g. `FREQ=MONTHLY;BYDAY=1TU`; null = one-offs only. */
  @Column({ name: 'recurrence_rule', type: 'varchar', length: 300, nullable: true })
  recurrenceRule: string | null;

  /** First day the rule may produce a meeting (local date); null = today. */
  @Column({ name: 'rule_starts_on', type: 'date', nullable: true })
  ruleStartsOn: string | null;

  /** Local start time of generated meetings, `HH:MM`. */
  @Column({ name: 'start_time', type: 'varchar', length: 5, default: '14:00' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer', default: 120 })
  durationMinutes: number;

  /** Always Europe/Brussels for now; kept so the rule is self-describing. */
  @Column({ name: 'time_zone', type: 'varchar', length: 40, default: 'Europe/Brussels' })
  timeZone: string;

  /** Capacity (people) of generated meetings. */
  @Column({ name: 'default_capacity', type: 'integer', default: 20 })
  defaultCapacity: number;

  /** Minutes before a meeting at which reminders are sent (default 7 days and 1 day). */
  @Column({
    name: 'reminder_offsets',
    type: 'integer',
    array: true,
    default: () => "'{10080,1440}'",
  })
  reminderOffsets: number[];

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: CafeStatus;
}
