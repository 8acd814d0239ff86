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
import { Meeting } from '../../common/entities/meeting.entity';

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/**
 * A member's sign-up for a meeting: one row per person and meeting (cancelling and signing up
 * again reuses it). Waitlist order is `queued_at`.
 */
@Entity('signups')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], { name: 'fk_signups_tenant', onDelete: 'CASCADE' })
@ForeignKey(() => Meeting, ['tenantId', 'meetingId'], ['tenantId', 'id'], {
  name: 'fk_signups_meeting',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'membershipId'], ['tenantId', 'id'], {
  name: 'fk_signups_membership',
  onDelete: 'CASCADE',
})
@Unique('uq_signups_member', ['tenantId', 'meetingId', 'membershipId'])
@Index('ix_signups_queue', ['tenantId', 'meetingId', 'status', 'queuedAt'])
// A member's own sign-ups ("mijn aanmeldingen", reminders, export/erasure of their data).
@Index('ix_signups_member', ['tenantId', 'membershipId'])
export class Signup extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'membership_id', type: 'uuid' })
  membershipId: string;

  /** People who come along (the seat count is 1 + companions). */
  @Column({ type: 'integer', default: 0 })
  companions: number;

  @Column({ name: 'needs_respite', type: 'boolean', default: false })
  needsRespite: boolean;

  @Column({ name: 'needs_transport', type: 'boolean', default: false })
  needsTransport: boolean;

  @Column({ name: 'needs_other', type: 'varchar', length: 500, nullable: true })
  needsOther: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: SignupStatus;

  /** Place in the waitlist: when the person (re)joined it. */
  @Column({ name: 'queued_at', type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;
}
