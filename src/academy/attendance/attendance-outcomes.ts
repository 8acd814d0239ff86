import type { CertificateRefusal, RevokeResult } from './certificates.service';
import type { FeedbackRefusal } from './feedback.service';

/**
 * How the controllers answer the refusals of certificates and feedback: the HTTP status and the
 * i18n keys, one table per result union, so a reason is answered the same way everywhere.
 */

/** The member's certificate download: a Dutch page saying why, or the not-found page. */
export const CERTIFICATE_REFUSALS: Record<
  CertificateRefusal,
  { status: number; title?: string; message?: string }
> = {
  'not-found': { status: 404 },
  'not-over': {
    status: 409,
    title: 'academy.certificate.refused.title',
    message: 'academy.certificate.refused.notOver',
  },
  'not-completed': {
    status: 403,
    title: 'academy.certificate.refused.title',
    message: 'academy.certificate.refused.notCompleted',
  },
  revoked: {
    status: 410,
    title: 'academy.certificate.refused.title',
    message: 'academy.certificate.refused.revoked',
  },
};

type RevokeOutcome = 'revoked' | (RevokeResult & { ok: false })['reason'];

/** Revoking from the admin's list: a flash back on the list, or the not-found page. */
export const REVOKE_OUTCOMES: Record<RevokeOutcome, { status: number; flash?: string }> = {
  revoked: { status: 303, flash: 'academy.certificates.revoked' },
  already: { status: 303, flash: 'academy.certificates.already' },
  'not-found': { status: 404 },
};

/** The feedback link (GET and POST): a page of its own for every refusal. */
export const FEEDBACK_REFUSALS: Record<
  FeedbackRefusal,
  { status: number; title: string; message: string }
> = {
  invalid: {
    status: 404,
    title: 'academy.feedback.link.invalid.title',
    message: 'academy.feedback.link.invalid',
  },
  expired: {
    status: 400,
    title: 'academy.feedback.link.expired.title',
    message: 'academy.feedback.link.expired',
  },
  // Kindly, but a refusal: nothing was stored.
  already: {
    status: 409,
    title: 'academy.feedback.already.title',
    message: 'academy.feedback.already',
  },
};
