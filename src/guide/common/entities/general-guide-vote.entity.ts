import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { GeneralGuidePage } from './general-guide-page.entity';
import { GuideVoteColumns } from './guide-vote-columns';

/**
 * An answer about a general page, on the hub `hub_tenant_id` (global, no RLS: the page's editors
 * are the platform's). One per visitor, page, hub and day.
 */
@Entity('general_guide_votes')
@ForeignKey(() => GeneralGuidePage, ['pageId'], ['id'], {
  name: 'fk_general_guide_votes_page',
  onDelete: 'CASCADE',
})
@ForeignKey(() => Tenant, ['hubTenantId'], ['id'], {
  name: 'fk_general_guide_votes_hub',
  onDelete: 'CASCADE',
})
@Unique('uq_general_guide_votes_voter', ['pageId', 'hubTenantId', 'day', 'voterHash'])
@Index('ix_general_guide_votes_hub', ['hubTenantId'])
export class GeneralGuideVote extends GuideVoteColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hub_tenant_id', type: 'uuid' })
  hubTenantId: string;
}
