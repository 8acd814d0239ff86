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
import { Course } from './course.entity';

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One session of a course (date and time in Europe/Brussels); a track has several. */
@Entity('course_sessions')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_course_sessions_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Course, ['tenantId', 'courseId'], ['tenantId', 'id'], {
  name: 'fk_course_sessions_course',
  onDelete: 'CASCADE',
})
@Unique('uq_course_sessions_position', ['tenantId', 'courseId', 'position'])
@Index('ix_course_sessions_starts_at', ['tenantId', 'startsAt'])
export class CourseSession extends Timestamps {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** 1, 2, 3, ...: sessions in the order of the programme. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 160, default: '' })
  title: string;

  @Column({ type: 'text', default: '' })
  programme: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 20, default: 'scheduled' })
  status: SessionStatus;

  /** iCalendar SEQUENCE: grows with every change people's calendars should follow. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** When its time last changed: reminders already due before this are not sent again. */
  @Column({ name: 'rescheduled_at', type: 'timestamptz', nullable: true })
  rescheduledAt: Date | null;
}
