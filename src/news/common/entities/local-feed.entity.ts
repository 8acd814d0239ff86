import { Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { FeedColumns } from './feed-columns';

/** A feed a municipality's admins configured (the municipality's website): tenant-owned, RLS. */
@Entity('news_feeds')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_news_feeds_tenant',
  onDelete: 'CASCADE',
})
@Index('ix_news_feeds_due', ['tenantId', 'nextFetchAt'])
export class LocalFeed extends FeedColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;
}
