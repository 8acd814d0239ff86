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
import { Course } from './course.entity';

export const ENROLLMENT_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/**
 * A member's enrolment for a whole course (every session of a track): one row per person and
 * course (cancelling and enrolling again reuses it). Waitlist order is `queued_at`.
 */
@Entity('enrollments')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_enrollments_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Course, ['tenantId', 'courseId'], ['tenantId', 'id'], {
  name: 'fk_enrollments_course',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_enrollments_membership',
  onDelete: 'CASCADE',
})
@Unique('uq_enrollments_member', ['tenantId', 'courseId', 'membershipId'])
@Index('ix_enrollments_queue', ['tenantId', 'courseId', 'status', 'queuedAt'])
// A member's own enrolments ("mijn opleidingen", export/erasure of their data).
@Index('ix_enrollments_member', ['tenantId', 'membershipId'])
export class Enrollment extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  @Column({ type: 'varchar', length: 20 })
  status: EnrollmentStatus;

  /** Place in the waitlist (set again on every new enrolment). */
  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt: Date;

  /** The answers to the course's questions, by question id (personal, maybe health-related). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string>;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Who cancelled: the person (`self`) or an admin (`admin`, with a notice to the person). */
  @Column({ name: 'cancelled_by', type: 'varchar', length: 10, nullable: true })
  cancelledBy: 'self' | 'admin' | null;

  /** How often this enrolment moved up from the waitlist (part of the promotion mail's key). */
  @Column({ type: 'integer', default: 0 })
  promotions: number;

  /** When the person sent the feedback form (once); what they wrote is stored without them. */
  @Column({ name: 'feedback_sent_at', type: 'timestamptz', nullable: true })
  feedbackSentAt: Date | null;
}
