import type { AppConfig } from '../../config/app-config';
import type { OutboxAttachment } from '../../mail/entities/outbox-columns';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { formatDateTime } from '../../web/view-helpers';
import { courseIcs } from '../common/course-ics';
import type { CourseSession } from '../common/entities/course-session.entity';
import type { Course } from '../common/entities/course.entity';

/** One session as a mail lists it. */
export interface MailSession {
  position: number;
  title: string;
  when: string;
  cancelled: boolean;
}

/** The parts every mail about a course shares: its link, its sessions in words, place and `.ics`. */
export interface CourseMailParts {
  courseUrl: string;
  /** The first session's moment in words. */
  when: string;
  data: {
    tenantName: string;
    courseTitle: string;
    when: string;
    sessions: MailSession[];
    venueName: string;
    venueAddress: string;
    online: boolean;
    trainer: string;
    courseUrl: string;
    reason: string;
  };
  /** ONE .ics with every session of the course (stable UID per session, courseIcs). */
  ics: OutboxAttachment;
}

/** Built once per course and mail run. */
export function courseMailParts(
  config: AppConfig,
  tenant: MailTenant,
  course: Course,
  sessions: CourseSession[],
): CourseMailParts {
  const courseUrl = `${config.originFor(tenant.slug)}/academie/${course.slug}`;
  const first = sessions.find((s) => s.status === 'scheduled') ?? sessions[0];
  const when = first ? formatDateTime(first.startsAt) : '';
  const ics = courseIcs({
    course,
    sessions,
    tenantName: tenant.name,
    url: courseUrl,
    domain: config.BASE_DOMAIN,
  });
  return {
    courseUrl,
    when,
    data: {
      tenantName: tenant.name,
      courseTitle: course.title,
      when,
      sessions: sessions.map((s) => ({
        position: s.position,
        title: s.title,
        when: formatDateTime(s.startsAt),
        cancelled: s.status === 'cancelled',
      })),
      venueName: course.onlineUrl ? '' : course.venueName,
      venueAddress: course.onlineUrl ? '' : course.venueAddress,
      online: Boolean(course.onlineUrl),
      trainer: [course.trainerName, course.trainerOrganisation].filter(Boolean).join(', '),
      courseUrl,
      reason: `Je krijgt deze e-mail omdat je je inschreef voor ${course.title} op de Mantelzorghub ${tenant.name}.`,
    },
    ics: {
      filename: `${course.slug}.ics`,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: Buffer.from(ics).toString('base64'),
    },
  };
}
