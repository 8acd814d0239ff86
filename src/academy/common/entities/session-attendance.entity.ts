import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { CourseSession } from './course-session.entity';
import { Enrollment } from './enrollment.entity';

/** Whether an enrolled member was there at one session, as the trainer or an admin marked it. */
@Entity('session_attendance')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_session_attendance_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => CourseSession, ['tenantId', 'sessionId'], ['tenantId', 'id'], {
  name: 'fk_session_attendance_session',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Enrollment, ['tenantId', 'enrollmentId'], ['tenantId', 'id'], {
  name: 'fk_session_attendance_enrollment',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Membership, ['tenantId', 'markedBy'], ['tenantId', 'id'], {
  name: 'fk_session_attendance_marked_by',
  onDelete: 'SET NULL',
})
export class SessionAttendance {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ type: 'boolean' })
  present: boolean;

  @Column({ name: 'marked_at', type: 'timestamptz' })
  markedAt: Date;

  /** The trainer or admin who marked it. */
  @Column({ name: 'marked_by', type: 'uuid', nullable: true })
  markedBy: string | null;
}
