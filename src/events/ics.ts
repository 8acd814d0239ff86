import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { LOCAL_ZONE } from '../common/dates';

/** One event of an `.ics` file: a café meeting, a course session. */
export interface CalendarEvent {
  /** Stable for the event's whole life: calendars recognise it by this (see `eventUid`). */
  uid: string;
  /** iCalendar SEQUENCE: the event's own change counter, so a calendar updates its entry. */
  sequence: number;
  start: Date;
  end: Date;
  /** When the event last changed (DTSTAMP). */
  stamp: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  cancelled: boolean;
  /** A whole day: written as a date (VALUE=DATE), in Brussels. */
  allDay?: boolean;
}

export interface CalendarFile {
  /** The calendar's name, e.g. "Mantelzorgcafé De Koffiepot (Gent)". */
  name: string;
  /** Which module made it (`cafes`, `academy`), for PRODID. */
  product: string;
  /** CANCEL tells calendars to remove the events; PUBLISH (the default) adds or updates them. */
  method?: 'PUBLISH' | 'CANCEL';
  /** A subscribed feed: how often calendars should fetch it again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number;
  events: CalendarEvent[];
}

/** The UID of an event: `<kind>-<id>@<domain>`, the same in every .ics we ever send for it. */
export function eventUid(kind: string, id: string, domain: string): string {
  return `${kind}-${id}@${domain}`;
}

/** Events as one iCalendar file (RFC 5545); a cancelled event carries STATUS:CANCELLED. */
export function calendarFile(file: CalendarFile): string {
  const calendar = ical({
    name: file.name,
    prodId: { company: 'Mantelzorghub', product: file.product, language: 'NL' },
    method: file.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    ttl: file.refreshSeconds ?? null,
  });
  for (const event of file.events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      // A whole day as the local dates (luxon in Brussels); any other as UTC instants.
      start: event.allDay ? DateTime.fromJSDate(event.start, { zone: LOCAL_ZONE }) : event.start,
      end: event.allDay ? DateTime.fromJSDate(event.end, { zone: LOCAL_ZONE }) : event.end,
      allDay: event.allDay ?? false,
      stamp: event.stamp,
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: event.url,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
