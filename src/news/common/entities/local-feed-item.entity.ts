import { Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { FeedItemColumns } from './feed-item-columns';
import { LocalFeed } from './local-feed.entity';

/** An item of a municipality's feed (tenant-owned, RLS). */
@Entity('news_feed_items')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_news_feed_items_tenant',
  onDelete: 'CASCADE',
})
@ForeignKey(() => LocalFeed, ['tenantId', 'feedId'], ['tenantId', 'id'], {
  name: 'fk_news_feed_items_feed',
  onDelete: 'CASCADE',
})
@Unique('uq_news_feed_items_guid', ['tenantId', 'feedId', 'guidHash'])
@Unique('uq_news_feed_items_slug', ['tenantId', 'slug'])
@Index('ix_news_feed_items_published', ['tenantId', 'publishedAt'])
export class LocalFeedItem extends FeedItemColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;
}
