import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import {
  CalendarSourceOf,
  type CalendarEntry,
  type CalendarRange,
  type CalendarSource,
} from '../../web/calendar/calendar-source';
import { visibleAudiences, type Audience } from '../../web/surfaces/audience';
import type { Viewer } from '../../web/surfaces/viewer';

/** The academy's kind on the calendar, the same as in a session's own .ics UID. */
export const SESSION_CALENDAR_KIND = 'course-session';

interface Row {
  id: string;
  /** Its place among the course's sessions (1, 2, ...), whatever the positions' gaps. */
  part: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  sequence: number;
  updatedAt: Date;
  courseSlug: string;
  courseTitle: string;
  courseStatus: string;
  audiences: Audience[];
  sessionCount: number;
  venueName: string;
  venueAddress: string;
  online: boolean;
}

/**
 * The course sessions on the calendar: the sessions in the range of published (or since
 * cancelled) courses for one of the viewer's audiences (the academy's one rule, visibleAudiences),
 * a cancelled one marked so. A draft course is on no calendar.
 */
@Injectable()
@CalendarSourceOf({ kind: SESSION_CALENDAR_KIND })
export class SessionsCalendarSource implements CalendarSource {
  async entries(
    em: EntityManager,
    tenantId: TenantId,
    viewer: Viewer | null,
    range: CalendarRange,
  ) {
    const rows = await em.query<Row[]>(
      `select s.id, s.title,
              (select count(*) from course_sessions p
                where p.tenant_id = s.tenant_id and p.course_id = s.course_id
                  and p.position <= s.position)::int as part, s.starts_at as "startsAt", s.ends_at as "endsAt", s.status,
              s.sequence, s.updated_at as "updatedAt",
              c.slug as "courseSlug", c.title as "courseTitle", c.status as "courseStatus",
              c.audiences, c.venue_name as "venueName", c.venue_address as "venueAddress",
              c.online_url is not null as online,
              (select count(*) from course_sessions n
                where n.tenant_id = c.tenant_id and n.course_id = c.id)::int as "sessionCount"
         from course_sessions s join courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
        where s.tenant_id = $1 and s.starts_at >= $2 and s.starts_at < $3
          and c.status in ('published', 'cancelled') and c.audiences && $4::text[]`,
      [tenantId, range.from, range.to, visibleAudiences(viewer)],
    );
    return rows.map((row): CalendarEntry => ({
      kind: SESSION_CALENDAR_KIND,
      id: row.id,
      title: row.courseTitle,
      context:
        row.sessionCount > 1
          ? `Opleiding, deel ${row.part} van ${row.sessionCount}${row.title ? `: ${row.title}` : ''}`
          : 'Opleiding',
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      allDay: false,
      place: row.online
        ? 'Online'
        : [row.venueName, row.venueAddress].filter((part) => part !== '').join(', '),
      url: `/academie/${row.courseSlug}`,
      category: 'info-en-vorming',
      audiences: row.audiences,
      cancelled: row.status === 'cancelled' || row.courseStatus === 'cancelled',
      sequence: row.sequence,
      updatedAt: row.updatedAt,
    }));
  }
}
