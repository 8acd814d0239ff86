import type { Membership } from '../../auth/entities/membership.entity';
import { t } from '../../i18n/i18n';
import type { FieldErrors } from '../../web/forms/form-validation';
import { FOLLOW_REMINDERS, type FollowReminders } from './entities/cafe-follow.entity';

export type DefaultReminders = Membership['cafeReminders'];
/** The member's own default, in the order the radios show them. */
export const DEFAULT_REMINDERS: readonly DefaultReminders[] = ['all', 'signed_up', 'none'];
/** A followed café's select is named `cafe-<café id>`. */
export const CAFE_FIELD = 'cafe-';
/** Where a refused café id is reported: the section with the per-café choices. */
const CAFES_FIELD = 'cafes';

export type Followed = { id: string; slug: string; name: string; reminders: FollowReminders };

export type CheckedReminderSettings =
  | { ok: true; own: DefaultReminders; cafes: Map<string, FollowReminders> }
  | { ok: false; errors: FieldErrors };

/**
 * The "mijn herinneringen" form, checked against the allowed values and the cafés this member
 * follows. Its fields are named after the cafés followed (one select each), which a DTO class
 * cannot declare: this is the form's one validation, run where the cafés followed are read.
 */
export function checkReminderSettings(
  body: Record<string, unknown>,
  followed: Followed[],
): CheckedReminderSettings {
  const errors: FieldErrors = {};
  const own = body.default;
  if (typeof own !== 'string' || !(DEFAULT_REMINDERS as readonly string[]).includes(own))
    errors.default = t('reminders.error.default');
  const mine = new Map(followed.map((c) => [c.id, c]));
  const cafes = new Map<string, FollowReminders>();
  let foreign = false;
  for (const [field, value] of Object.entries(body)) {
    if (!field.startsWith(CAFE_FIELD)) continue; // nothing else is read
    const cafe = mine.get(field.slice(CAFE_FIELD.length));
    if (!cafe) {
      foreign = true;
      continue;
    }
    if (typeof value !== 'string' || !(FOLLOW_REMINDERS as readonly string[]).includes(value))
      errors[field] = t('reminders.error.cafe', { name: cafe.name });
    else cafes.set(cafe.id, value as FollowReminders);
  }
  if (foreign) errors[CAFES_FIELD] = t('reminders.error.notFollowed');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, own: own as DefaultReminders, cafes };
}
