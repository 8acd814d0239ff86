import type { EnrolmentCancelResult, EnrolResult } from './enrolments.service';

/**
 * How every controller answers the results of enrolment, cancelling and the one-click link: the
 * HTTP status and the i18n keys, one table per result union, so a reason is answered the same way
 * wherever it comes back.
 */

type EnrolOutcome =
  (EnrolResult & { ok: true })['status'] | (EnrolResult & { ok: false })['reason'];

/**
 * The enrolment form on the course page. A `flash` goes back to the course page (303); a
 * `message` is an error page of its own; 404 is the not-found page. (`invalid` with errors is the
 * form again with the message at each question: the controller renders it, 400.)
 */
export const ENROL_PAGE_OUTCOMES: Record<
  EnrolOutcome | 'invalid',
  { status: number; flash?: string; title?: string; message?: string }
> = {
  confirmed: { status: 303, flash: 'academy.enrolments.enrol.confirmed' },
  waitlisted: { status: 303, flash: 'academy.enrolments.enrol.waitlisted' },
  already: { status: 303, flash: 'academy.enrolments.enrol.already' },
  invalid: { status: 303, flash: 'academy.enrolments.enrol.invalid' },
  cancelled: {
    status: 409,
    title: 'academy.enrolments.refused.title',
    message: 'academy.enrolments.refused.cancelled',
  },
  closed: {
    status: 409,
    title: 'academy.enrolments.refused.title',
    message: 'academy.enrolments.refused.closed',
  },
  audience: {
    status: 403,
    title: 'academy.enrolments.refused.title',
    message: 'academy.enrolments.refused.audience',
  },
  'not-published': { status: 404 },
  'not-found': { status: 404 },
};

type CancelOutcome = 'cancelled' | (EnrolmentCancelResult & { ok: false })['reason'];

/** Cancelling from the course page: a flash, back to the page. */
export const CANCEL_OWN_OUTCOMES: Record<CancelOutcome, { status: number; flash: string }> = {
  cancelled: { status: 303, flash: 'academy.enrolments.cancel.done' },
  past: { status: 303, flash: 'academy.enrolments.cancel.past' },
  already: { status: 303, flash: 'academy.enrolments.cancel.already' },
  'not-found': { status: 303, flash: 'academy.enrolments.cancel.already' },
};

/** An admin cancels someone's enrolment from the participants list: a flash, back to the list. */
export const ADMIN_CANCEL_OUTCOMES: Record<CancelOutcome, { status: number; flash?: string }> = {
  cancelled: { status: 303, flash: 'academy.enrolments.adminCancel.done' },
  past: { status: 303, flash: 'academy.enrolments.cancel.past' },
  already: { status: 303, flash: 'academy.enrolments.adminCancel.already' },
  'not-found': { status: 404 },
};

/** The one-click cancel link's POST: a page (200) that says whether it acted. */
export const CANCEL_LINK_OUTCOMES: Record<CancelOutcome, { status: number; title: string }> = {
  cancelled: { status: 200, title: 'academy.enrolments.link.done' },
  past: { status: 200, title: 'academy.enrolments.link.notActive' },
  already: { status: 200, title: 'academy.enrolments.link.notActive' },
  'not-found': { status: 200, title: 'academy.enrolments.link.notActive' },
};

/** A cancel link that does not act at all: damaged or of another municipality, or expired. */
export const CANCEL_LINK_REFUSALS: Record<
  'invalid' | 'expired',
  { status: number; title: string; message: string }
> = {
  invalid: {
    status: 404,
    title: 'academy.enrolments.link.invalid.title',
    message: 'academy.enrolments.link.invalid',
  },
  expired: {
    status: 400,
    title: 'academy.enrolments.link.expired.title',
    message: 'academy.enrolments.link.expired',
  },
};
