import { Entity, Index, PrimaryColumn } from 'typeorm';
import { SearchDocumentColumns } from './search-document-columns';

/** The searchable items every hub shows (global, no RLS): general news and general guide pages. */
@Entity('general_search_documents')
@Index('ix_general_search_documents_document', { synchronize: false })
@Index('ix_general_search_documents_title_trgm', { synchronize: false })
export class GeneralSearchDocument extends SearchDocumentColumns {
  /** Which kind of item: `activity`, `cafe`, `course`, `news-article`, ... (search-sources.ts). */
  @PrimaryColumn({ type: 'varchar', length: 30 })
  source: string;

  /** The item's id (or name) within its source. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;
}
