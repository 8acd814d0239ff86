import type { Client } from 'pg';
import type { DemoGuidePage } from './demo-guide';
import { DEMO_PREMIUM_PAGE_SLUG } from './demo-guide';

const DAY = 24 * 3600_000;

/** A day `days` from `now` as 2026-12-03 (a review date is a calendar day). */
const dayFrom = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * Writes demo guide pages through the seed's plain pg connection: general ones
 * (general_guide_pages) when `hub` is null, else the hub's own (guide_pages, in the seed's tenant
 * transaction). Idempotent: a page whose slug exists is left as it is (an editor may have changed
 * it). Returns how many it added.
 */
export async function seedGuidePages(
  client: Client,
  hub: string | null,
  pages: DemoGuidePage[],
  now: Date,
): Promise<number> {
  let created = 0;
  for (const page of pages) {
    const values = [
      page.slug,
      page.theme,
      page.title,
      page.answer,
      page.body,
      dayFrom(now, -page.reviewedDaysAgo),
      dayFrom(now, page.reviewInDays),
      page.related,
    ];
    const result = hub
      ? await client.query(
          `insert into guide_pages
             (tenant_id, slug, theme, title, answer, body, status, reviewed_on, review_due_on, related_slugs)
           values ($9, $1, $2, $3, $4, $5, 'published', $6, $7, $8)
           on conflict on constraint uq_guide_pages_slug do nothing`,
          [...values, hub],
        )
      : await client.query(
          `insert into general_guide_pages
             (slug, theme, title, answer, body, status, reviewed_on, review_due_on, related_slugs, shows_premium)
           values ($1, $2, $3, $4, $5, 'published', $6, $7, $8, $9)
           on conflict on constraint uq_general_guide_pages_slug do nothing`,
          [...values, page.slug === DEMO_PREMIUM_PAGE_SLUG],
        );
    created += result.rowCount ?? 0;
  }
  return created;
}
