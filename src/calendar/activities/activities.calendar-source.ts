import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantId } from '../../database/tenant-id';
import {
  CalendarSourceOf,
  type CalendarCategory,
  type CalendarEntry,
  type CalendarRange,
  type CalendarSource,
} from '../../web/calendar/calendar-source';
import type { Audience } from '../../web/surfaces/audience';
import { visibleAudiences } from '../../web/surfaces/audience';
import type { Viewer } from '../../web/surfaces/viewer';

/** The activities' kind on the calendar, and in every .ics UID of one of their dates. */
export const ACTIVITY_CALENDAR_KIND = 'activity-occurrence';

interface Row {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  sequence: number;
  updatedAt: Date;
  slug: string;
  title: string;
  category: CalendarCategory;
  audiences: Audience[];
  online: boolean;
  allDay: boolean;
  venueName: string;
  venueAddress: string;
  organiser: string;
}

/**
 * The activities' dates on the calendar: those of published activities for one of the viewer's
 * audiences (the one rule, visibleAudiences), a cancelled date marked so.
 */
@Injectable()
@CalendarSourceOf({ kind: ACTIVITY_CALENDAR_KIND })
export class ActivitiesCalendarSource implements CalendarSource {
  entries(em: EntityManager, tenantId: TenantId, viewer: Viewer | null, range: CalendarRange) {
    return this.query(em, tenantId, viewer, range, null);
  }

  /** One activity's dates in `range` (its own .ics), as `viewer` may see them. */
  ofActivity(
    em: EntityManager,
    tenantId: TenantId,
    viewer: Viewer | null,
    range: CalendarRange,
    activityId: string,
  ) {
    return this.query(em, tenantId, viewer, range, activityId);
  }

  private async query(
    em: EntityManager,
    tenantId: TenantId,
    viewer: Viewer | null,
    range: CalendarRange,
    activityId: string | null,
  ): Promise<CalendarEntry[]> {
    const rows = await em.query<Row[]>(
      `select o.id, o.starts_at as "startsAt", o.ends_at as "endsAt", o.status, o.sequence,
              greatest(o.updated_at, a.updated_at) as "updatedAt",
              a.slug, a.title, a.category, a.audiences, a.online, a.all_day as "allDay",
              a.venue_name as "venueName", a.venue_address as "venueAddress",
              coalesce(org.name, a.organiser_name) as organiser
         from activity_occurrences o
         join activities a on a.tenant_id = o.tenant_id and a.id = o.activity_id
         left join care_organisations org on org.tenant_id = a.tenant_id and org.id = a.organisation_id
        where o.tenant_id = $1 and o.starts_at >= $2 and o.starts_at < $3
          and a.status = 'published' and a.audiences && $4::text[]
          and ($5::uuid is null or a.id = $5)
        order by o.starts_at`,
      [tenantId, range.from, range.to, visibleAudiences(viewer), activityId],
    );
    return rows.map((row): CalendarEntry => ({
      kind: ACTIVITY_CALENDAR_KIND,
      id: row.id,
      title: row.title,
      context: row.organiser,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      allDay: row.allDay,
      place: row.online
        ? 'Online'
        : [row.venueName, row.venueAddress].filter((part) => part !== '').join(', '),
      url: `/kalender/${row.slug}`,
      category: row.category,
      audiences: row.audiences,
      cancelled: row.status === 'cancelled',
      sequence: row.sequence,
      updatedAt: row.updatedAt,
    }));
  }
}
