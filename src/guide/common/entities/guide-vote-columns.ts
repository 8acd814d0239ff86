import { Column, CreateDateColumn } from 'typeorm';

export const MAX_FEEDBACK_COMMENT = 500;

/**
 * One "Was dit nuttig?" answer. No account and no cookie: repeated answers of one visitor on one
 * day fold through `voter_hash`, an HMAC of (IP, user agent, page, day) under a key that lives in
 * Redis for that day only (src/web/anonymous/). The comment is for the page's editors only.
 */
export abstract class GuideVoteColumns {
  @Column({ name: 'page_id', type: 'uuid' })
  pageId: string;

  /** The day (Europe/Brussels) of the answer: part of the fold. */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'voter_hash', type: 'char', length: 64 })
  voterHash: string;

  @Column({ type: 'boolean' })
  useful: boolean;

  @Column({ type: 'varchar', length: MAX_FEEDBACK_COMMENT, nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
