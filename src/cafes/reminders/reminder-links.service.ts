import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { SignedLinks } from '../../common/signed-links';
import type { Meeting } from '../common/entities/meeting.entity';

/** The purposes of the reminder mail's one-click links (a token for one never works for another). */
export const REMINDER_LINK_PURPOSES = {
  /** Sign up for this meeting (alone, no needs): ids [meetingId, membershipId]. */
  signup: 'meeting-signup',
  /** No more reminders from this café: ids [membershipId, cafeId]. */
  cafeOff: 'reminders-cafe-off',
  /** No more café reminders at all: ids [membershipId]. */
  allOff: 'reminders-all-off',
} as const;

/** Unsubscribe links keep working this long (an old reminder in someone's inbox). */
const UNSUBSCRIBE_VALID_MS = 365 * 24 * 3600 * 1000;

/** Signs the tokens of the links in a reminder (src/common/signed-links.ts). */
@Injectable()
export class ReminderLinksService {
  constructor(
    private readonly links: SignedLinks,
    private readonly clock: Clock,
  ) {}

  /** Valid until the meeting begins (a sign-up after that is refused anyway). */
  signupToken(tenantId: string, membershipId: string, meeting: Pick<Meeting, 'id' | 'startsAt'>) {
    return this.links.sign(
      REMINDER_LINK_PURPOSES.signup,
      tenantId,
      [meeting.id, membershipId],
      meeting.startsAt,
    );
  }

  cafeOffToken(tenantId: string, membershipId: string, cafeId: string, now = this.clock.now()) {
    return this.links.sign(
      REMINDER_LINK_PURPOSES.cafeOff,
      tenantId,
      [membershipId, cafeId],
      new Date(now.getTime() + UNSUBSCRIBE_VALID_MS),
    );
  }

  allOffToken(tenantId: string, membershipId: string, now = this.clock.now()) {
    return this.links.sign(
      REMINDER_LINK_PURPOSES.allOff,
      tenantId,
      [membershipId],
      new Date(now.getTime() + UNSUBSCRIBE_VALID_MS),
    );
  }
}
