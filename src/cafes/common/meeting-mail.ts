import type { AppConfig } from '../../config/app-config';
import type { OutboxAttachment } from '../../mail/entities/outbox-columns';
import type { MailTenant } from '../../tenancy/entities/tenant.entity';
import { formatDateTime } from '../../web/view-helpers';
import type { Cafe } from './entities/cafe.entity';
import type { Meeting } from './entities/meeting.entity';
import { meetingIcs } from './meeting-ics';

/** The parts every mail about a meeting shares: its link, its date in words, place and `.ics`. */
export interface MeetingMailParts {
  meetingUrl: string;
  when: string;
  data: {
    tenantName: string;
    cafeName: string;
    theme: string | null;
    speaker: string | null;
    when: string;
    venueName: string;
    venueAddress: string;
    meetingUrl: string;
    /** The footer's "why you get this" for people signed up (a reminder to a follower says otherwise). */
    reason: string;
  };
  ics: OutboxAttachment;
}

/**
 * Built once per meeting and mail run (the reminder planner sends the same parts to many people).
 * `CANCEL` makes the `.ics` a cancellation, so calendars remove the entry (same UID, higher SEQUENCE).
 */
export function meetingMailParts(
  config: AppConfig,
  tenant: MailTenant,
  cafe: Cafe,
  meeting: Meeting,
  method: 'PUBLISH' | 'CANCEL' = 'PUBLISH',
): MeetingMailParts {
  const meetingUrl = `${config.originFor(tenant.slug)}/cafes/${cafe.slug}/${meeting.key}`;
  const when = formatDateTime(meeting.startsAt);
  const ics = meetingIcs({
    cafe,
    meeting,
    tenantName: tenant.name,
    url: meetingUrl,
    domain: config.BASE_DOMAIN,
    method,
  });
  return {
    meetingUrl,
    when,
    data: {
      tenantName: tenant.name,
      cafeName: cafe.name,
      theme: meeting.theme,
      speaker: meeting.speaker,
      when,
      venueName: cafe.venueName,
      venueAddress: cafe.venueAddress,
      meetingUrl,
      reason: `Je krijgt deze e-mail omdat je je aanmeldde voor ${cafe.name} op de Mantelzorghub ${tenant.name}.`,
    },
    ics: {
      filename: `${cafe.slug}-${meeting.key}.ics`,
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      content: Buffer.from(ics).toString('base64'),
    },
  };
}
