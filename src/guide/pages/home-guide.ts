/**
 * The home page's "Veelgestelde vragen" (FaqHomeSection), in a file of plain values so the
 * benchmark's bare server (bench/bare-server.js) requires the very statement, view model and
 * partial from dist/.
 */

/** The section's template (views/guide/pages/home-faq.hbs), a partial of the home page. */
export const FAQ_PARTIAL = 'guide/pages/home-faq';

/** After the café (10), the academy (20) and the news (30). */
export const FAQ_ORDER = 40;

/** How many questions the home page shows. */
export const FAQ_SHOWN = 4;

/**
 * The questions most about this hub (`$1`): its own published pages, then the general ones it
 * wrote a local part under, then the other general ones, each group by title. Small indexed
 * reads (guide_pages by tenant and status; the local parts by their unique (tenant, page)).
 */
export const FAQ_SQL = `
  select title, answer, href from (
    select p.title, p.answer, '/wegwijzer/lokaal/' || p.slug as href, 0 as rank
      from guide_pages p
     where p.tenant_id = $1 and p.status = 'published'
    union all
    select g.title, g.answer, '/wegwijzer/' || g.slug,
           case when lp.page_id is null then 2 else 1 end
      from general_guide_pages g
      left join guide_local_parts lp on lp.tenant_id = $1 and lp.page_id = g.id
     where g.status = 'published'
  ) q
  order by rank, title
  limit ${FAQ_SHOWN}`;

export interface FaqRow {
  title: string;
  answer: string;
  href: string;
}

/** The section's data for the rows of FAQ_SQL; none: no section. */
export function homeFaq(rows: FaqRow[]): { questions: FaqRow[] } | null {
  return rows.length ? { questions: rows } : null;
}
