import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Tenant } from '../../../tenancy/entities/tenant.entity';
import { SearchDocumentColumns } from './search-document-columns';

/** A hub's searchable items (tenant-owned, RLS): its activities, cafés, courses, pages, ... */
@Entity('search_documents')
@ForeignKey(() => Tenant, ['tenantId'], ['id'], {
  name: 'fk_search_documents_tenant',
  onDelete: 'CASCADE',
})
// GIN indexes TypeORM cannot declare: made by the migration, left alone by the drift check.
@Index('ix_search_documents_document', { synchronize: false })
@Index('ix_search_documents_title_trgm', { synchronize: false })
export class SearchDocument extends SearchDocumentColumns {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Which kind of item: `activity`, `cafe`, `course`, `news-article`, ... (search-sources.ts). */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  source: string;

  /** The item's id (or name) within its source. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;
}
