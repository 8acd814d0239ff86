import { Column } from 'typeorm';

/**
 * A searchable item, the same columns in both indexes. Rows are written by the content tables'
 * triggers (migrations/1764700000009-Search.ts), in the transaction that changes the content;
 * `title_key` and `document` by the index's own trigger. The app only reads them (SearchService).
 */
export abstract class SearchDocumentColumns {
  // The primary key (source, key) is each entity's own: a hub's starts with tenant_id.

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** The title folded (lower case, no accents): what trigram similarity compares. */
  @Column({ name: 'title_key', type: 'text' })
  titleKey: string;

  @Column({ type: 'text', default: '' })
  body: string;

  /** Its page on the hub (a path). */
  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'text', array: true })
  audiences: string[];

  /** When it is over (an activity's last date, a course's last session): listed after what is to come. */
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** Not found before this moment (an article published in the future). */
  @Column({ name: 'visible_from', type: 'timestamptz', nullable: true })
  visibleFrom: Date | null;

  /** Title (weight A) and body (B) in the `mzh_dutch` configuration (Dutch stemmer, unaccent). */
  @Column({ type: 'tsvector', select: false })
  document: string;
}
