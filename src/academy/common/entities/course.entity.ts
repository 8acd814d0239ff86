import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { Timestamps } from '../../../database/timestamps';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { AcademyTemplate, type Audience, type CourseKind } from './academy-template.entity';

export const COURSE_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** Reminders before each session, in minutes, unless the admin sets others: 2 days. */
export const DEFAULT_COURSE_REMINDER_OFFSETS = [2 * 24 * 60];

/**
 * A training a municipality runs: copied from a template (then editable, `template_id` links
 * back) or made from scratch. Its places are shared by all its sessions: a member enrols for the
 * whole course (src/events capacity store on this row), reminders go per session.
 */
@Entity('courses')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_courses_tenant', onDelete: 'CASCADE' })
@ForeignKey(() => AcademyTemplate, ['templateId'], ['id'], {
  name: 'fk_courses_template',
  onDelete: 'SET NULL',
})
@ForeignKey(() => Membership, ['tenantId', 'trainerMembershipId'], ['tenantId', 'id'], {
  name: 'fk_courses_trainer',
  onDelete: 'SET NULL',
})
@Unique('uq_courses_slug', ['tenantId', 'slug'])
@Index('ix_courses_status', ['tenantId', 'status'])
@Index('ix_courses_trainer', ['tenantId', 'trainerMembershipId'])
export class Course extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  /** The template it was started from (global); null: made from scratch, or the template is gone. */
  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId: string | null;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  kind: CourseKind;

  @Column({ type: 'text', array: true })
  audiences: Audience[];

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ name: 'learning_goals', type: 'text', default: '' })
  learningGoals: string;

  @Column({ name: 'trainer_name', type: 'varchar', length: 120, default: '' })
  trainerName: string;

  @Column({ name: 'trainer_organisation', type: 'varchar', length: 160, default: '' })
  trainerOrganisation: string;

  /** A member who trains it: rights on this course only (participants, needs, attendance). */
  @Column({ name: 'trainer_membership_id', type: 'uuid', nullable: true })
  trainerMembershipId: string | null;

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

  /** For an online course: the link to join (shown to those enrolled). */
  @Column({ name: 'online_url', type: 'varchar', length: 500, nullable: true })
  onlineUrl: string | null;

  /** Shown, not collected. 0: free. */
  @Column({ name: 'price_cents', type: 'integer', default: 0 })
  priceCents: number;

  /** Places, shared by all sessions. */
  @Column({ type: 'integer' })
  capacity: number;

  /** Enrolment closes at this moment; null: at the start of the first session. */
  @Column({ name: 'registration_deadline', type: 'timestamptz', nullable: true })
  registrationDeadline: Date | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CourseStatus;

  /** Share of the sessions a member must attend for a certificate, in percent (100: all). */
  @Column({ name: 'required_attendance_percent', type: 'integer', default: 100 })
  requiredAttendancePercent: number;

  /** Minutes before each session at which reminders go out. */
  @Column({
    name: 'reminder_offsets',
    type: 'integer',
    array: true,
    default: () => "'{2880}'",
  })
  reminderOffsets: number[];

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
