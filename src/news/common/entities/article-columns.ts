import { Column } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
/** A draft is seen by its editors only; published shows from `publish_at`; archived by nobody. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** At most this many pinned articles show first on one hub (local and general together count apart). */
export const MAX_PINNED = 3;

/**
 * What a local article (news_articles, a municipality's) and a general one (general_articles,
 * the platform's, on every hub) both have: one column list, two tables (tenant-owned and global).
 * The keys are declared in each table's class, so a tenant table's key stays (tenant_id, id).
 */
export abstract class ArticleColumns extends Timestamps {
  /** Its address `/nieuws/<slug>`, claimed in news_slugs (never ambiguous on a hub). */
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  /** One or two plain sentences, shown in lists and in the RSS. */
  @Column({ type: 'text', default: '' })
  summary: string;

  /** The text in the Markdown subset (src/web/markdown.ts renders it). */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ name: 'image_file_id', type: 'uuid', nullable: true })
  imageFileId: string | null;

  /** What the image shows (its `alt`); required with every image. */
  @Column({ name: 'image_alt', type: 'varchar', length: 200, nullable: true })
  imageAlt: string | null;

  /** From this moment a published article shows (may be in the future). */
  @Column({ name: 'publish_at', type: 'timestamptz' })
  publishAt: Date;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: ArticleStatus;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;
}
