import { Column, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AcademyTemplate } from './academy-template.entity';

/** One session of a template's programme, in order (a workshop has one, a track several). */
@Entity('academy_template_sessions')
@ForeignKey(() => AcademyTemplate, ['templateId'], ['id'], {
  name: 'fk_academy_template_sessions_template',
  onDelete: 'CASCADE',
})
@Unique('uq_academy_template_sessions_position', ['templateId', 'position'])
export class AcademyTemplateSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  /** 1, 2, 3, ...: the order of the programme. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', default: '' })
  programme: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;
}
