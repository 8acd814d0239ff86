import { Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FeedColumns } from './feed-columns';

/** A feed for every hub (the Flemish government, caregiver associations): global, no RLS. */
@Entity('general_feeds')
@Index('ix_general_feeds_due', ['nextFetchAt'])
export class GeneralFeed extends FeedColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}
