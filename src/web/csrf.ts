import type { NextFunction, Request, Response } from 'express';
import { csrfSync } from 'csrf-sync';
import { ANONYMOUS_FORMS_PREFIX } from './anonymous/anonymous-prefix';

/**
 * Synchroniser-token CSRF protection: the token lives in the server-side session, so a visitor
 * only gets a session (and a cookie) once a page with a form is shown. Every POST must carry it
 * as `_csrf` in the body or, for multipart uploads, in the query string. The one-click e-mail
 * endpoints (signed tokens) are mounted outside this check (CSRF_FREE_PREFIXES).
 */
const { generateToken, csrfSynchronisedProtection } = csrfSync({
  getTokenFromRequest: (req) =>
    (req.body?._csrf as string | undefined) ?? (req.query?._csrf as string | undefined),
});

/** `/e/`: one-click links from e-mail; `/a/`: readers' anonymous forms (src/web/anonymous). */
export const CSRF_FREE_PREFIXES = ['/e/', ANONYMOUS_FORMS_PREFIX];

export function generateCsrfToken(req: Request): string {
  return generateToken(req);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (CSRF_FREE_PREFIXES.some((p) => req.path.startsWith(p))) {
    // Not checked here, so not passed on either: the handlers' forms never name it.
    if (req.body && typeof req.body === 'object') delete req.body._csrf;
    return next();
  }
  // An unreadable body has no token; RefusedInputInterceptor answers it before any handler runs.
  if (req.refusedInput?.bodyUnread) return next();
  csrfSynchronisedProtection(req, res, (err?: unknown) => {
    if (err) {
      // Mostly an expired session: say so plainly instead of a bare 403.
      res.status(403).render('errors/error', {
        title: 'Deze pagina is verlopen',
        message:
          'Ga terug, laad de pagina opnieuw en probeer het nog eens. Wat je typte, moet je dan opnieuw invullen.',
      });
      return;
    }
    if (req.body && typeof req.body === 'object') delete req.body._csrf;
    next();
  });
}
