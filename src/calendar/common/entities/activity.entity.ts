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
import type { CalendarCategory } from '../../../web/calendar/calendar-source';
import type { Audience } from '../../../web/surfaces/audience';

/**
 * Where an activity is in its life: a professional's `submitted` one waits for an admin, who
 * publishes it or sends it back (`returned`, with a comment); `draft` is an admin's own, not yet
 * shown; `archived` is no longer shown anywhere.
 */
export const ACTIVITY_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'published',
  'archived',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** How people take part: a form on another site, a phone call, an e-mail, or just come. */
export const REGISTRATION_KINDS = ['none', 'link', 'phone', 'email'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/**
 * A local activity on the hub's calendar (a walk, an info evening, a day trip), by the
 * municipality or a partner: tenant-owned, RLS. Its dates are `activity_occurrences`, made from
 * its rule (or the one date) six months ahead, as the cafés' meetings are.
 */
@Entity('activities')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_activities_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_activities_slug', ['tenantId', 'slug'])
@Index('ix_activities_status', ['tenantId', 'status'])
export class Activity extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  /** Its address: /kalender/<slug>. */
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 30 })
  category: CalendarCategory;

  @Column({ type: 'text', array: true })
  audiences: Audience[];

  /** Where: a venue and address, or online (then `online_url`). */
  @Column({ name: 'venue_name', type: 'varchar', length: 120, default: '' })
  venueName: string;

  @Column({ name: 'venue_address', type: 'varchar', length: 300, default: '' })
  venueAddress: string;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ name: 'online_url', type: 'varchar', length: 500, default: '' })
  onlineUrl: string;

  @Column({ name: 'step_free', type: 'boolean', default: false })
  stepFree: boolean;

  @Column({ name: 'accessible_toilet', type: 'boolean', default: false })
  accessibleToilet: boolean;

  @Column({ type: 'boolean', default: false })
  parking: boolean;

  /** An organisation of the hub's directory (/hulp-in-de-buurt), or null: the typed organiser. */
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'organiser_name', type: 'varchar', length: 150, default: '' })
  organiserName: string;

  @Column({ name: 'organiser_contact', type: 'varchar', length: 200, default: '' })
  organiserContact: string;

  @Column({ name: 'organiser_website', type: 'varchar', length: 500, default: '' })
  organiserWebsite: string;

  /** What it costs in euro cents; 0 is free. */
  @Column({ name: 'cost_cents', type: 'integer', default: 0 })
  costCents: number;

  @Column({ type: 'varchar', length: 10, default: 'none' })
  registration: RegistrationKind;

  /** The link, phone number or e-mail address to register with ('' for "vrij binnenlopen"). */
  @Column({ name: 'registration_detail', type: 'varchar', length: 500, default: '' })
  registrationDetail: string;

  /** RRULE body in floating local time (src/events/recurrence.ts); null: one date. */
  @Column({ name: 'recurrence_rule', type: 'varchar', length: 200, nullable: true })
  recurrenceRule: string | null;

  /** The (first) date, local. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** The last date a rule may produce; null: for as long as it runs. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** A whole day: no hours (its dates run from midnight to midnight, Brussels). */
  @Column({ name: 'all_day', type: 'boolean', default: false })
  allDay: boolean;

  /** Local start time `HH:MM` ('00:00' for a whole day). */
  @Column({ name: 'start_time', type: 'varchar', length: 5 })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 20 })
  status: ActivityStatus;

  /** The reviewer's words when an admin sent it back. */
  @Column({ name: 'review_comment', type: 'text', default: '' })
  reviewComment: string;

  /** The professional's membership that proposed it (their proposals page, the review mails). */
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;
}
