/**
 * The next meetings on a municipality's home page, after `$2` (the clock's now). One plain
 * statement (run in the page's tenant transaction by NextMeetingsHomeSection), shared with the
 * benchmark's bare server (bench/bare-server.js) so both do the same work.
 */
export const NEXT_MEETINGS_SQL = `select c.slug as "cafeSlug", c.name as "cafeName", m.key, m.starts_at as "startsAt", m.theme
  from meetings m join cafes c on c.tenant_id = m.tenant_id and c.id = m.cafe_id
  where m.tenant_id = $1 and m.status = 'scheduled' and m.starts_at > $2 and c.status = 'active'
  order by m.starts_at limit 3`;

export interface HomeMeeting {
  cafeSlug: string;
  cafeName: string;
  key: string;
  startsAt: Date;
  theme: string | null;
}

/** The section's template (views/cafes/home-meetings.hbs), a partial of the home page. */
export const NEXT_MEETINGS_PARTIAL = 'cafes/home-meetings';

/** Where the section sits among the home page's sections (lower comes first). */
export const NEXT_MEETINGS_ORDER = 10;
