import { formatEuros } from '../../common/money';
import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../web/view-helpers';

/**
 * The published courses a viewer may see, with their sessions' span and free places, in ONE
 * statement each: the catalogue (/academie, with filters) and the home page's next three
 * (NEXT_COURSES_SQL, shared with the benchmark's bare server, bench/bare-server.js, so both do
 * the same work). Indexed: courses by (tenant_id, status), sessions by their unique
 * (tenant_id, course_id, position), confirmed enrolments by (tenant_id, course_id, status, …).
 */

/** The columns both lists show. */
const LISTED = `c.slug, c.title, c.kind, c.audiences, c.venue_name as "venueName",
       c.online_url is not null as online, c.price_cents as "priceCents", c.capacity,
       s.first_start as "firstStart", s.last_end as "lastEnd", s.n::int as "sessionCount",
       greatest(c.capacity - (select count(*) from enrollments e
         where e.tenant_id = c.tenant_id and e.course_id = c.id and e.status = 'confirmed'), 0)::int as "placesLeft"`;

const SPAN = `join lateral (
         select min(cs.starts_at) as first_start, max(cs.ends_at) as last_end, count(*) as n
           from course_sessions cs
          where cs.tenant_id = c.tenant_id and cs.course_id = c.id and cs.status = 'scheduled'
       ) s on s.n > 0`;

/**
 * The home page's next three courses: published, for one of the viewer's audiences (`$3`,
 * visibleAudiences), first session after `$2` (the clock's now).
 */
export const NEXT_COURSES_SQL = `select ${LISTED}
  from courses c ${SPAN}
  where c.tenant_id = $1 and c.status = 'published' and c.audiences && $3::text[]
    and s.first_start > $2
  order by s.first_start, c.title limit 3`;

export interface ListedCourse {
  slug: string;
  title: string;
  kind: string;
  audiences: string[];
  venueName: string;
  online: boolean;
  priceCents: number;
  capacity: number;
  firstStart: Date;
  lastEnd: Date;
  sessionCount: number;
  placesLeft: number;
}

export interface CatalogueFilters {
  audience?: string;
  kind?: string;
  /** [start, end) of a month in Europe/Brussels: courses with a session in it. */
  month?: { start: Date; end: Date };
}

/**
 * The catalogue: published courses for one of `audiences` whose last session has not ended, by
 * first session. Parameters: tenant, now, audiences, then the filters given.
 */
export function catalogueQuery(
  tenantId: string,
  now: Date,
  audiences: string[],
  filters: CatalogueFilters,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [tenantId, now, audiences];
  const where: string[] = [];
  if (filters.audience) {
    params.push(filters.audience);
    where.push(`$${params.length} = any(c.audiences)`);
  }
  if (filters.kind) {
    params.push(filters.kind);
    where.push(`c.kind = $${params.length}`);
  }
  if (filters.month) {
    params.push(filters.month.start, filters.month.end);
    where.push(`exists (select 1 from course_sessions m
        where m.tenant_id = c.tenant_id and m.course_id = c.id and m.status = 'scheduled'
          and m.starts_at >= $${params.length - 1} and m.starts_at < $${params.length})`);
  }
  const sql = `select ${LISTED}
  from courses c ${SPAN}
  where c.tenant_id = $1 and c.status = 'published' and c.audiences && $3::text[]
    and s.last_end > $2${where.map((w) => ` and ${w}`).join('')}
  order by s.first_start, c.title`;
  return { sql, params };
}

/**
 * One course as a list shows it: the catalogue, the home section, and the benchmark's bare server
 * (bench/bare-server.js requires it from dist/), so all render the same bytes.
 */
export function listedCourse(c: ListedCourse) {
  return {
    ...c,
    kindLabel: t(`academy.kind.${c.kind}`),
    audienceLabels: c.audiences.map((a) => t(`audience.${a}`)).join(', '),
    price: formatPrice(c.priceCents, t('academy.enrolments.free')),
    full: c.placesLeft <= 0,
    sameDay: formatDateTime(c.firstStart).split(',')[0] === formatDateTime(c.lastEnd).split(',')[0],
  };
}

/** `free` ("Gratis") or "€ 12,50". */
export const formatPrice = (cents: number, free: string): string =>
  cents ? formatEuros(cents) : free;
