import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';
import type { Audience } from '../../../web/surfaces/audience';

export const COURSE_KINDS = ['workshop', 'track', 'info_session'] as const;
/** A workshop is one session, a track (begeleidingstraject) several, an info session one talk. */
export type CourseKind = (typeof COURSE_KINDS)[number];

// Who a course is for: the shared surfaces' audiences (one rule for courses and activities).
export { AUDIENCES, type Audience } from '../../../web/surfaces/audience';

export const TEMPLATE_STATUSES = ['active', 'archived'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/**
 * A training the organisation behind the platform developed once (global, no RLS: kept by platform
 * admins on the platform host). A municipality starts a course from it: the course copies it and
 * keeps `template_id` as the link back.
 */
@Entity('academy_templates')
@Unique('uq_academy_templates_slug', ['slug'])
export class AcademyTemplate extends Timestamps {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

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

  @Column({ name: 'trainer_profile', type: 'text', default: '' })
  trainerProfile: string;

  @Column({ name: 'suggested_capacity', type: 'integer', default: 15 })
  suggestedCapacity: number;

  @Column({ type: 'varchar', length: 20, default: 'active' })
  status: TemplateStatus;
}
