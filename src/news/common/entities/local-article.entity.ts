import {
  Column,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Membership } from '../../../auth/entities/membership.entity';
import { StoredFile } from '../../../files/entities/stored-file.entity';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { ArticleColumns } from './article-columns';

/** A municipality's own news article, written by its admins (tenant-owned, RLS). */
@Entity('news_articles')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_news_articles_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => StoredFile, ['tenantId', 'imageFileId'], ['tenantId', 'id'], {
  name: 'fk_news_articles_image',
  onDelete: 'SET NULL',
})
@ForeignKey(() => Membership, ['tenantId', 'authorMembershipId'], ['tenantId', 'id'], {
  name: 'fk_news_articles_author',
  onDelete: 'SET NULL',
})
@Unique('uq_news_articles_slug', ['tenantId', 'slug'])
@Index('ix_news_articles_published', ['tenantId', 'status', 'publishAt'])
@Index('ix_news_articles_author', ['tenantId', 'authorMembershipId'])
export class LocalArticle extends ArticleColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The admin who wrote it; null when that membership is gone. */
  @Column({ name: 'author_membership_id', type: 'uuid', nullable: true })
  authorMembershipId: string | null;
}
