import { Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FeedItemColumns } from './feed-item-columns';
import { GeneralFeed } from './general-feed.entity';

/** An item of a general feed (global, no RLS): shown on every hub. */
@Entity('general_feed_items')
@ForeignKey(() => GeneralFeed, ['feedId'], ['id'], {
  name: 'fk_general_feed_items_feed',
  onDelete: 'CASCADE',
})
@Unique('uq_general_feed_items_guid', ['feedId', 'guidHash'])
@Unique('uq_general_feed_items_slug', ['slug'])
@Index('ix_general_feed_items_published', ['publishedAt'])
export class GeneralFeedItem extends FeedItemColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}
