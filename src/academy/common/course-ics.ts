import { calendarFile, eventUid } from '../../events/ics';
import type { CourseSession } from './entities/course-session.entity';
import type { Course } from './entities/course.entity';

export interface CourseIcsInput {
  course: Course;
  /** The sessions to put in the file (usually all; METHOD:CANCEL: the ones to remove). */
  sessions: CourseSession[];
  /** The municipality's name, for the calendar's name. */
  tenantName: string;
  /** Absolute URL of the course page. */
  url: string;
  /** The platform's domain; part of each session's UID, so it never changes. */
  domain: string;
  method?: 'PUBLISH' | 'CANCEL';
}

/** The UID calendars use to recognise a session: the same in every .ics we ever send for it. */
export function sessionUid(session: Pick<CourseSession, 'id'>, domain: string): string {
  return eventUid('course-session', session.id, domain);
}

/**
 * A course's sessions as one iCalendar file: one event per session with its own stable UID and
 * SEQUENCE (the session's change counter); a cancelled course or session carries
 * STATUS:CANCELLED, and `method: 'CANCEL'` tells calendars to remove them.
 */
export function courseIcs(input: CourseIcsInput): string {
  const { course } = input;
  const location = course.onlineUrl
    ? course.onlineUrl
    : [course.venueName, course.venueAddress].filter(Boolean).join(', ') || null;
  const trainer = [course.trainerName, course.trainerOrganisation].filter(Boolean).join(', ');
  const count = input.sessions.length;
  return calendarFile({
    name: `${course.title} (${input.tenantName})`,
    product: 'academy',
    method: input.method,
    events: input.sessions.map((session, i) => ({
      uid: sessionUid(session, input.domain),
      sequence: session.sequence,
      start: session.startsAt,
      end: session.endsAt,
      stamp: session.updatedAt,
      summary:
        count > 1
          ? `${course.title} (${i + 1}/${count}${session.title ? `: ${session.title}` : ''})`
          : course.title,
      description: [course.summary || null, trainer ? `Lesgever: ${trainer}` : null, input.url]
        .filter(Boolean)
        .join('\n\n'),
      location,
      url: input.url,
      cancelled: course.status === 'cancelled' || session.status === 'cancelled',
    })),
  });
}
