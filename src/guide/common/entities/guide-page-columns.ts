import { Column } from 'typeorm';
import { Timestamps } from '../../../database/timestamps';
import type { GuideTheme } from '../guide-themes';

export const GUIDE_PAGE_STATUSES = ['draft', 'published'] as const;
export type GuidePageStatus = (typeof GUIDE_PAGE_STATUSES)[number];

/**
 * What a general guide page (general_guide_pages, written by the platform's editors, on every
 * hub) and a hub's own page (guide_pages) both have: a question, its one-line answer, the
 * explanation in the news's Markdown subset (src/web/content/markdown.ts), and a review date.
 */
export abstract class GuidePageColumns extends Timestamps {
  /** Its address: `/wegwijzer/<slug>` (general) or `/wegwijzer/lokaal/<slug>` (the hub's own). */
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 40 })
  theme: GuideTheme;

  /** The question, as a caregiver would ask it. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** The answer in one sentence, shown first. */
  @Column({ type: 'varchar', length: 300 })
  answer: string;

  /** The explanation: Markdown subset, rendered when shown. */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: GuidePageStatus;

  /** "Laatst nagekeken op": the day an editor last checked the page. */
  @Column({ name: 'reviewed_on', type: 'date' })
  reviewedOn: string;

  /** The day it must be checked again; after it, the page is flagged to its editors. */
  @Column({ name: 'review_due_on', type: 'date' })
  reviewDueOn: string;

  /**
   * Slugs of related general pages (a link list; a slug that no longer exists is skipped when
   * shown, so deleting a page never breaks another).
   */
  @Column({
    name: 'related_slugs',
    type: 'varchar',
    length: 100,
    array: true,
    default: () => "'{}'",
  })
  relatedSlugs: string[];
}
