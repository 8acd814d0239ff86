import { Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Course } from './course.entity';

/**
 * One answer to a course's feedback form. It names no one (the enrolment only records that its
 * person answered, `enrollments.feedback_sent_at`): admins see averages and comments, never who
 * wrote what, and nothing for a course with fewer than 5 answers.
 */
@Entity('course_feedback')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_course_feedback_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Course, ['tenantId', 'courseId'], ['tenantId', 'id'], {
  name: 'fk_course_feedback_course',
  onDelete: 'CASCADE',
})
@Index('ix_course_feedback_course', ['tenantId', 'courseId'])
export class CourseFeedback {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  /** How useful the course was, 1 (not) to 5 (very). */
  @Column({ type: 'smallint' })
  usefulness: number;

  @Column({ type: 'text', default: '' })
  better: string;

  @Column({ type: 'text', default: '' })
  comment: string;

  /** The day only (not the moment): the order of answers must not tell who wrote one. */
  @Column({ name: 'answered_on', type: 'date' })
  answeredOn: string;
}
