import { calendarFile, eventUid } from '../../events/ics';
import type { Cafe } from './entities/cafe.entity';
import type { Meeting } from './entities/meeting.entity';

export interface MeetingIcsInput {
  cafe: Cafe;
  meeting: Meeting;
  /** The municipality's name, for the calendar's name. */
  tenantName: string;
  /** Absolute URL of the meeting page. */
  url: string;
  /** The platform's domain; part of the UID, so it never changes for a meeting. */
  domain: string;
  method?: 'PUBLISH' | 'CANCEL';
}

/** The UID calendars use to recognise the meeting: the same in every .ics we ever send for it. */
export function meetingUid(meeting: Pick<Meeting, 'id'>, domain: string): string {
  return eventUid('meeting', meeting.id, domain);
}

/**
 * One meeting as iCalendar. SEQUENCE is the meeting's own counter (it grows with every change),
 * so a calendar updates its entry instead of adding a second one; a cancelled meeting carries
 * STATUS:CANCELLED.
 */
export function meetingIcs(input: MeetingIcsInput): string {
  const { cafe, meeting } = input;
  const title = meeting.theme ? `${cafe.name}: ${meeting.theme}` : cafe.name;
  const description = [
    meeting.theme ? `Thema: ${meeting.theme}` : null,
    meeting.speaker
      ? `Spreker: ${meeting.speaker}${meeting.speakerExpertise ? ` (${meeting.speakerExpertise})` : ''}`
      : null,
    meeting.description || null,
    input.url,
  ]
    .filter(Boolean)
    .join('\n\n');
  return calendarFile({
    name: `${cafe.name} (${input.tenantName})`,
    product: 'cafes',
    method: input.method,
    events: [
      {
        uid: meetingUid(meeting, input.domain),
        sequence: meeting.sequence,
        start: meeting.startsAt,
        end: meeting.endsAt,
        stamp: meeting.updatedAt,
        summary: title,
        description,
        location: [cafe.venueName, cafe.venueAddress].filter(Boolean).join(', ') || null,
        url: input.url,
        cancelled: meeting.status === 'cancelled',
      },
    ],
  });
}
