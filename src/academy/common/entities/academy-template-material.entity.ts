import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformFile } from '../../../files/entities/platform-file.entity';
import { AcademyTemplate } from './academy-template.entity';

/** A file that goes with a template (slides, a hand-out), stored in `platform_files`. */
@Entity('academy_template_materials')
@ForeignKey(() => AcademyTemplate, ['templateId'], ['id'], {
  name: 'fk_academy_template_materials_template',
  onDelete: 'CASCADE',
})
@ForeignKey(() => PlatformFile, ['fileId'], ['id'], {
  name: 'fk_academy_template_materials_file',
  onDelete: 'CASCADE',
})
export class AcademyTemplateMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  /** The name it downloads as (`hand-out.pdf`). */
  @Column({ type: 'varchar', length: 200 })
  filename: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
