import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import {
  CalendarSourceOf,
  type CalendarEntry,
  type CalendarRange,
  type CalendarSource,
} from '../../web/calendar/calendar-source';

/** The cafés' kind on the calendar, the same as in a meeting's own .ics UID. */
export const MEETING_CALENDAR_KIND = 'meeting';

interface Row {
  id: string;
  key: string;
  startsAt: Date;
  endsAt: Date;
  theme: string | null;
  status: string;
  sequence: number;
  updatedAt: Date;
  cafeSlug: string;
  cafeName: string;
  venueName: string;
  venueAddress: string;
}

/**
 * The café meetings on the calendar: every meeting of an active café in the range, a cancelled
 * one marked so (people who planned to go should see it). For everyone: a café is for all
 * caregivers.
 */
@Injectable()
@CalendarSourceOf({ kind: MEETING_CALENDAR_KIND })
export class MeetingsCalendarSource implements CalendarSource {
  async entries(em: EntityManager, tenantId: TenantId, _viewer: unknown, range: CalendarRange) {
    const rows = await em.query<Row[]>(
      `select m.id, m.key, m.starts_at as "startsAt", m.ends_at as "endsAt", m.theme, m.status,
              m.sequence, m.updated_at as "updatedAt",
              c.slug as "cafeSlug", c.name as "cafeName", c.venue_name as "venueName",
              c.venue_address as "venueAddress"
         from meetings m join cafes c on c.tenant_id = m.tenant_id and c.id = m.cafe_id
        where m.tenant_id = $1 and m.starts_at >= $2 and m.starts_at < $3 and c.status = 'active'`,
      [tenantId, range.from, range.to],
    );
    return rows.map((row): CalendarEntry => ({
      kind: MEETING_CALENDAR_KIND,
      id: row.id,
      title: row.theme ? `${row.cafeName}: ${row.theme}` : row.cafeName,
      context: row.theme ? 'Mantelzorgcafé' : '',
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      allDay: false,
      place: [row.venueName, row.venueAddress].filter((part) => part !== '').join(', '),
      url: `/cafes/${row.cafeSlug}/${row.key}`,
      category: 'lotgenotencontact',
      audiences: ['caregiver'],
      cancelled: row.status === 'cancelled',
      sequence: row.sequence,
      updatedAt: row.updatedAt,
    }));
  }
}
