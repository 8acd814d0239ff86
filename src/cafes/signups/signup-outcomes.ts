import type { CancelResult, SignupResult } from './signups.service';

/**
 * How every controller answers the results of sign-up, cancel and their one-click links: the HTTP
 * status and the i18n keys, one table per result union, so a reason is answered the same way
 * wherever it comes back.
 */

type SignupOutcome =
  (SignupResult & { ok: true })['status'] | (SignupResult & { ok: false })['reason'];

/**
 * The sign-up form on the meeting page (and a body the form cannot have sent: `invalid`). A
 * `flash` goes back to the meeting page (303); a `message` is an error page of its own; 404 is
 * the not-found page.
 */
export const SIGNUP_PAGE_OUTCOMES: Record<
  SignupOutcome | 'invalid',
  { status: number; flash?: string; title?: string; message?: string }
> = {
  confirmed: { status: 303, flash: 'signups.confirmed' },
  waitlisted: { status: 303, flash: 'signups.waitlisted' },
  invalid: { status: 303, flash: 'signups.invalid' },
  already: { status: 303, flash: 'signups.already' },
  cancelled: { status: 409, title: 'signups.refused.title', message: 'signups.refused.cancelled' },
  past: { status: 409, title: 'signups.refused.title', message: 'signups.refused.past' },
  'not-found': { status: 404 },
};

/** The one-click sign-up of a reminder mail: always a page of its own (200), saying what happened. */
export const ONE_CLICK_SIGNUP_OUTCOMES: Record<
  SignupOutcome,
  { status: number; title: string; message: string }
> = Object.fromEntries(
  (['confirmed', 'waitlisted', 'already', 'cancelled', 'past', 'not-found'] as const).map((o) => [
    o,
    { status: 200, title: `reminderLinks.signup.${o}.title`, message: `reminderLinks.signup.${o}` },
  ]),
) as Record<SignupOutcome, { status: number; title: string; message: string }>;

type CancelOutcome = 'cancelled' | (CancelResult & { ok: false })['reason'];

/** Cancelling from the meeting page or "mijn aanmeldingen": a flash, back where it came from. */
export const CANCEL_OWN_OUTCOMES: Record<CancelOutcome, { status: number; flash: string }> = {
  cancelled: { status: 303, flash: 'signups.cancelled' },
  past: { status: 303, flash: 'signups.cancel.past' },
  already: { status: 303, flash: 'signups.cancel.already' },
  'not-found': { status: 303, flash: 'signups.cancel.already' },
};

/** The one-click cancel link's POST: a page (200) that says whether it acted. */
export const CANCEL_LINK_OUTCOMES: Record<CancelOutcome, { status: number; title: string }> = {
  cancelled: { status: 200, title: 'signups.link.done' },
  past: { status: 200, title: 'signups.link.notActive' },
  already: { status: 200, title: 'signups.link.notActive' },
  'not-found': { status: 200, title: 'signups.link.notActive' },
};

/** A cancel link that does not act at all: damaged or of another municipality, or expired. */
export const CANCEL_LINK_REFUSALS: Record<
  'invalid' | 'expired',
  { status: number; title: string; message: string }
> = {
  invalid: { status: 404, title: 'signups.link.invalid.title', message: 'signups.link.invalid' },
  expired: { status: 400, title: 'signups.link.expired.title', message: 'signups.link.expired' },
};
