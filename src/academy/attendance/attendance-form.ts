import { t } from '../../i18n/i18n';
import type { FieldErrors } from '../../web/forms/form-validation';
import { refusedFields } from '../../web/input-guard';

/** Each person's radios are named `p-<enrollment id>`, with these two values. */
export const MARK_FIELD = 'p-';
export const MARKS = { aanwezig: true, afwezig: false } as const;
/** Where a person who is not on this list is reported: the list itself. */
export const LIST_FIELD = 'lijst';

export type CheckedAttendance =
  { ok: true; marks: Map<string, boolean> } | { ok: false; errors: FieldErrors };

/**
 * The attendance form, checked against the people on the list (the session's confirmed
 * enrolments). Its fields are named after those people, which a DTO class cannot declare: this
 * is the form's one validation, run where the list is read. A person left unmarked keeps what was
 * marked before (or nothing); every other field is ignored.
 */
export function checkAttendance(
  body: Record<string, unknown>,
  people: { enrollmentId: string; displayName: string }[],
): CheckedAttendance {
  // What the input guard refused (a control character, a field given twice) is asked again.
  const errors: FieldErrors = { ...refusedFields(body) };
  const mine = new Map(people.map((p) => [p.enrollmentId, p]));
  const marks = new Map<string, boolean>();
  let foreign = false;
  for (const [field, value] of Object.entries(body ?? {})) {
    if (!field.startsWith(MARK_FIELD)) continue;
    const person = mine.get(field.slice(MARK_FIELD.length));
    if (!person) {
      foreign = true;
      continue;
    }
    if (errors[field]) continue;
    if (typeof value !== 'string' || !Object.hasOwn(MARKS, value))
      errors[field] = t('academy.attendance.error.mark', { name: person.displayName });
    else marks.set(person.enrollmentId, MARKS[value as keyof typeof MARKS]);
  }
  if (foreign) errors[LIST_FIELD] = t('academy.attendance.error.notOnList');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, marks };
}
