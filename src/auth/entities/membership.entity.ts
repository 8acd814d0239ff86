import { Tenant } from '../../tenancy/entities/tenant.entity';
import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Timestamps } from '../../database/timestamps';
import { User } from './user.entity';

export const ROLES = ['caregiver', 'professional', 'tenant_admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person's place in one municipality: role and what the municipality may know of them. */
@Entity('memberships')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_memberships_tenant',
  onDelete: 'CASCADE',
})
@Unique('uq_memberships_user', ['tenantId', 'userId'])
// The home page's caregiver count (MembershipsService.countCaregivers) reads only this index.
@Index('ix_memberships_role', ['tenantId', 'role'])
@ForeignKey(() => User, ['userId'], ['id'], { name: 'fk_memberships_user', onDelete: 'CASCADE' })
export class Membership extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_memberships_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20, default: 'caregiver' })
  role: Role;

  /**
   * A municipal employee who is not an admin (set by the hub's admin): a narrower right than a
   * role, e.g. seeing the academy's courses for municipal staff.
   */
  @Column({ type: 'boolean', default: false })
  staff: boolean;

  @Column({ name: 'display_name', type: 'varchar', length: 80 })
  displayName: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  /** When the person accepted the terms and the privacy statement of this municipality. */
  @Column({ name: 'terms_accepted_at', type: 'timestamptz', nullable: true })
  termsAcceptedAt: Date | null;

  /** When the person agreed to receive e-mail from this hub (reminders, news); null = not. */
  @Column({ name: 'mail_consent_at', type: 'timestamptz', nullable: true })
  mailConsentAt: Date | null;

  /**
   * Café reminders by default: `all` (every meeting of cafés I follow), `signed_up` (only meetings I
   * signed up for) or `none`; a follow can override it per café.
   */
  @Column({ name: 'cafe_reminders', type: 'varchar', length: 20, default: 'all' })
  cafeReminders: 'all' | 'signed_up' | 'none';
}
