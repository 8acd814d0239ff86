import { DateTime } from 'luxon';
import { LOCAL_ZONE } from '../../common/dates';
import { calendarFile, eventUid } from '../../events/ics';
import type { CalendarEntry, CalendarRange } from './calendar-source';

/** Calendars that subscribe fetch the feed again this often. */
export const FEED_REFRESH_SECONDS = 6 * 3600;

/** The feed covers the past month (a change is still seen) and the next six (the horizon). */
export function feedRange(now: Date): CalendarRange {
  const today = DateTime.fromJSDate(now, { zone: LOCAL_ZONE }).startOf('day');
  return { from: today.minus({ months: 1 }).toJSDate(), to: today.plus({ months: 6 }).toJSDate() };
}

/**
 * The hub's calendar as one iCalendar feed (`/kalender.ics`): each item with the UID its own
 * `.ics` has (`eventUid(kind, id, domain)`), so a calendar that has both keeps one entry.
 */
export function calendarFeed(
  entries: readonly CalendarEntry[],
  hub: { name: string; origin: string; domain: string },
  /** The calendar's own name: one activity's dates (default: the hub's calendar). */
  name = `Mantelzorghub ${hub.name}: kalender`,
): string {
  return calendarFile({
    name,
    product: 'calendar',
    refreshSeconds: FEED_REFRESH_SECONDS,
    events: entries.map((entry) => {
      const url = `${hub.origin}${entry.url}`;
      return {
        uid: eventUid(entry.kind, entry.id, hub.domain),
        sequence: entry.sequence,
        start: entry.startsAt,
        end: entry.endsAt,
        stamp: entry.updatedAt,
        summary: entry.title,
        description: [entry.context, url].filter((part) => part !== '').join('\n\n'),
        location: entry.place || null,
        url,
        cancelled: entry.cancelled,
        allDay: entry.allDay,
      };
    }),
  });
}
