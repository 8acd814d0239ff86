import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Enrollment } from './enrollment.entity';

/**
 * A certificate of attendance for a completed course. `/attest/<code>` on the municipality's host
 * shows whether it is genuine: the code is unguessable, and the admin can revoke it. What it
 * shows (name, course, date) is kept here as issued.
 */
@Entity('certificates')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_certificates_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Enrollment, ['tenantId', 'enrollmentId'], ['tenantId', 'id'], {
  name: 'fk_certificates_enrollment',
  onDelete: 'CASCADE',
})
@Unique('uq_certificates_enrollment', ['tenantId', 'enrollmentId'])
@Unique('uq_certificates_code', ['tenantId', 'code'])
export class Certificate {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  /** Verification code: random, unguessable (e.g. 20 characters of base32). */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 80 })
  holderName: string;

  @Column({ name: 'course_title', type: 'varchar', length: 160 })
  courseTitle: string;

  /** The day of the course's last session (Europe/Brussels). */
  @Column({ name: 'completed_on', type: 'date' })
  completedOn: string;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
