import { Column } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';

/**
 * One item of a feed, as stored (news_feed_items for a local feed, general_feed_items for a
 * general one). Its identity within the feed is `guid_hash`; `content_hash` tells a changed item
 * (updated in place) from an unchanged one.
 */
export abstract class FeedItemColumns extends Timestamps {
  @Column({ name: 'feed_id', type: 'uuid' })
  feedId: string;

  /** sha256 (hex) of the item's identity: its guid (http/https folded), else its link, else its title. */
  @Column({ name: 'guid_hash', type: 'char', length: 64 })
  guidHash: string;

  /** Link to the original (absolute, http or https only); null when the feed gives none. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  link: string | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Plain text, at most a few sentences (lists, the RSS, a summary-only feed's page). */
  @Column({ type: 'text', default: '' })
  summary: string;

  /** The item's HTML, sanitized to the feed allowlist when stored (shown when the feed shows in full). */
  @Column({ type: 'text', default: '' })
  content: string;

  /** sha256 (hex) of title, link, summary and content: a change updates the row. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  /** The feed's date for it, or when it was first stored when it has none (never in the future). */
  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  /** Its address `/nieuws/<slug>`, claimed in news_slugs. */
  @Column({ type: 'varchar', length: 120 })
  slug: string;

  /** Hidden by an admin: stored (so it is not added again) but shown nowhere. */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;
}
