import { Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PlatformFile } from '../../../files/entities/platform-file.entity';
import { ArticleColumns } from './article-columns';

/** A news article for every hub, written by platform admins (global, no RLS; image in platform_files). */
@Entity('general_articles')
@ForeignKey(() => PlatformFile, ['imageFileId'], ['id'], {
  name: 'fk_general_articles_image',
  onDelete: 'SET NULL',
})
@Unique('uq_general_articles_slug', ['slug'])
@Index('ix_general_articles_published', ['status', 'publishAt'])
export class GeneralArticle extends ArticleColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}
