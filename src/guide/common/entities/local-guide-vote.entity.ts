import { Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { GuideVoteColumns } from './guide-vote-columns';
import { LocalGuidePage } from './local-guide-page.entity';

/** An answer about a hub's own page (tenant-owned, RLS). One per visitor, page and day. */
@Entity('guide_votes')
@ForeignKey(() => LocalGuidePage, ['tenantId', 'pageId'], ['tenantId', 'id'], {
  name: 'fk_guide_votes_page',
  onDelete: 'CASCADE',
})
@Unique('uq_guide_votes_voter', ['tenantId', 'pageId', 'day', 'voterHash'])
export class LocalGuideVote extends GuideVoteColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;
}
