import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { Course } from './course.entity';

export const QUESTION_KINDS = ['text', 'yes_no', 'choice'] as const;
/** Short text, yes/no, or one choice from a list. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * A question a course asks at enrolment ("Voor wie zorg je?", dietary needs, "Ik heb opvang nodig
 * voor mijn naaste"). Answers can be health-related: only the course's admins and trainer see them.
 */
@Entity('course_questions')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_course_questions_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Course, ['tenantId', 'courseId'], ['tenantId', 'id'], {
  name: 'fk_course_questions_course',
  onDelete: 'CASCADE',
})
@Unique('uq_course_questions_position', ['tenantId', 'courseId', 'position'])
export class CourseQuestion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 20 })
  kind: QuestionKind;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  /** The options of a `choice` question; empty for the others. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  choices: string[];

  @Column({ type: 'boolean', default: false })
  required: boolean;
}
