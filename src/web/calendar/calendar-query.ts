import { DateTime } from 'luxon';
import { LOCAL_ZONE } from '../../common/dates';
import { AUDIENCES, type Audience } from '../surfaces/audience';
import { isCalendarCategory, type CalendarCategory, type CalendarRange } from './calendar-source';

/** The shortcuts above the list: each is a period from today. */
export const PERIODS = [
  { key: 'vandaag', label: 'Vandaag' },
  { key: 'deze-week', label: 'Deze week' },
  { key: 'deze-maand', label: 'Deze maand' },
  { key: 'volgende-maand', label: 'Volgende maand' },
] as const;

export type PeriodKey = (typeof PERIODS)[number]['key'];

/** Without a period, the list shows this many days from today. */
export const DEFAULT_DAYS = 28;

/** What a calendar page shows, read from its query (a plain GET form and links). */
export interface CalendarQuery {
  view: 'lijst' | 'maand';
  /** The list's shortcut, or null for the coming four weeks. */
  period: PeriodKey | null;
  /** The month view's month (its first day, in Brussels). */
  month: DateTime;
  category: CalendarCategory | null;
  audience: Audience | null;
}

/**
 * Reads `?weergave=maand&maand=2027-05&categorie=beweging&doelgroep=caregiver&periode=deze-week`.
 * Anything unknown (a typo, a list, a month like 2027-13) is left out: the page then shows what
 * it shows without it, never an error.
 */
export function readCalendarQuery(query: Record<string, unknown>, now: Date): CalendarQuery {
  const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).startOf('day');
  const month = /^(\d{4})-(\d{2})$/.exec(typeof query.maand === 'string' ? query.maand : '');
  const asked = month
    ? DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]) }, { zone: LOCAL_ZONE })
    : null;
  // Ten years either way is plenty for a calendar, and keeps the query bounded.
  const inReach = asked?.isValid && Math.abs(asked.diff(today, 'years').years) <= 10;
  const period = PERIODS.find((p) => p.key === query.periode)?.key ?? null;
  return {
    view: query.weergave === 'maand' ? 'maand' : 'lijst',
    period,
    month: inReach ? asked! : today.startOf('month'),
    category: isCalendarCategory(query.categorie) ? query.categorie : null,
    audience: AUDIENCES.find((a) => a === query.doelgroep) ?? null,
  };
}

/** The instants a page covers: the month (month view), the period, or four weeks from today. */
export function rangeOf(query: CalendarQuery, now: Date): CalendarRange {
  const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).startOf('day');
  const span = (from: DateTime, to: DateTime) => ({ from: from.toJSDate(), to: to.toJSDate() });
  if (query.view === 'maand') return span(query.month, query.month.plus({ months: 1 }));
  switch (query.period) {
    case 'vandaag':
      return span(today, today.plus({ days: 1 }));
    case 'deze-week':
      // Until Sunday night: a week in Belgium starts on Monday.
      return span(today, today.startOf('week').plus({ weeks: 1 }));
    case 'deze-maand':
      return span(today, today.startOf('month').plus({ months: 1 }));
    case 'volgende-maand': {
      const next = today.startOf('month').plus({ months: 1 });
      return span(next, next.plus({ months: 1 }));
    }
    default:
      return span(today, today.plus({ days: DEFAULT_DAYS }));
  }
}

/** The query string of `query` with `changes` (null removes), for the page's links. */
export function calendarHref(query: CalendarQuery, changes: Record<string, string | null>): string {
  const params = new URLSearchParams();
  const values: Record<string, string | null> = {
    weergave: query.view === 'maand' ? 'maand' : null,
    maand: query.view === 'maand' ? query.month.toFormat('yyyy-MM') : null,
    periode: query.view === 'lijst' ? query.period : null,
    categorie: query.category,
    doelgroep: query.audience,
    ...changes,
  };
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `/kalender?${search}` : '/kalender';
}
