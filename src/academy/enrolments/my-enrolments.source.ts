import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import type { TenantId } from '../../database/tenant-id';
import { MyActivitySourceOf, type MyActivitySource } from '../../web/my/my-activity-source';
import type { Viewer } from '../../web/surfaces/viewer';

/**
 * The academy's part of "mijn aanmeldingen": the member's current enrolments and waitlist places
 * (courses whose last session has not ended), with a link to "mijn opleidingen".
 */
@Injectable()
@MyActivitySourceOf({ order: 20, partial: 'academy/enrolments/my-enrolments' })
export class MyEnrolmentsSource implements MyActivitySource {
  constructor(private readonly clock: Clock) {}

  async load(em: EntityManager, tenantId: TenantId, viewer: Viewer) {
    const rows = await em.query<
      {
        slug: string;
        title: string;
        status: 'confirmed' | 'waitlisted';
        first_start: Date;
        course_status: string;
        position: string | null;
      }[]
    >(
      `select c.slug, c.title, e.status, s.first_start, c.status as course_status,
              case when e.status = 'waitlisted' then
                (select count(*) from enrollments w
                  where w.tenant_id = e.tenant_id and w.course_id = e.course_id
                    and w.status = 'waitlisted' and (w.queued_at, w.id) <= (e.queued_at, e.id))
              end as position
         from enrollments e
         join courses c on c.tenant_id = e.tenant_id and c.id = e.course_id
         join lateral (
           select min(cs.starts_at) as first_start, max(cs.ends_at) as last_end
             from course_sessions cs
            where cs.tenant_id = c.tenant_id and cs.course_id = c.id and cs.status = 'scheduled'
         ) s on true
        where e.tenant_id = $1 and e.membership_id = $2 and e.status <> 'cancelled'
          and (s.last_end is null or s.last_end > $3)
        order by s.first_start nulls last, c.title`,
      [tenantId, viewer.id, this.clock.now()],
    );
    if (rows.length === 0) return null;
    return {
      enrolments: rows.map((r) => ({
        slug: r.slug,
        title: r.title,
        firstStart: r.first_start,
        confirmed: r.status === 'confirmed',
        position: r.position === null ? null : Number(r.position),
        cancelled: r.course_status === 'cancelled',
      })),
    };
  }
}
