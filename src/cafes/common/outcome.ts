import { t } from '../../i18n/i18n';

/**
 * How a controller answers one refused outcome of a service (`{ ok: false, reason }`): the HTTP
 * status, and for a form the field the message goes to and the message (an i18n key). Each
 * capability keeps one table `Record<Reason, Refusal>` next to its service, used by every
 * controller that gets the result, so a reason is answered the same way everywhere.
 */
export interface Refusal {
  status: number;
  /** The form field the message is shown at ('' or absent: a page of its own, e.g. the 404). */
  field?: string;
  /** i18n key of the message. */
  key?: string;
  /** A message that has no i18n key yet (kept word for word). */
  text?: string;
}

/** The message of a refusal, with `params` filled in. */
export function refusalMessage(refusal: Refusal, params?: Record<string, unknown>): string {
  if (refusal.key) return t(refusal.key, params);
  return refusal.text ?? '';
}

/** The refusal as form errors: `{ [field]: message }`. */
export function refusalErrors(
  refusal: Refusal,
  params?: Record<string, unknown>,
): Record<string, string> {
  return { [refusal.field ?? '']: refusalMessage(refusal, params) };
}
