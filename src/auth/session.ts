import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { siteKey, type Site } from '../tenancy/request-context';
import { ANONYMOUS_FORMS_PREFIX } from '../web/anonymous/anonymous-prefix';

declare module 'express-session' {
  interface SessionData {
    /** The host (municipality or platform) this session was made on. */
    siteKey?: string;
    createdAt?: number;
    flash?: string;
    /** Registration in this browser: the chosen password's hash waits here for the e-mail to be verified. */
    pendingRegistration?: { tokenId: string; passwordHash: string | null };
    /** What the "check your mail" page says (after registration, login link, password reset). */
    mailSent?: { kind: 'register' | 'login-link' | 'reset' | 'verify-first'; email: string };
  }
}

export const SESSION_COOKIE = 'mzh.sid';
const SESSION_DAYS = 14;

/**
 * Server-side sessions in PostgreSQL. Host-only cookie (no Domain attribute), HttpOnly,
 * SameSite=Lax, Secure in production; nothing is stored or sent until something is put in the
 * session (a form's CSRF token or a login), so readers get no cookie.
 */
export function sessionMiddleware(config: AppConfig, pool: Pool) {
  const PgStore = connectPgSimple(session);
  return session({
    name: SESSION_COOKIE,
    secret: config.SESSION_SECRET,
    store: new PgStore({
      pool,
      tableName: 'sessions',
      createTableIfMissing: false,
      pruneSessionInterval: config.NODE_ENV === 'test' ? false : 15 * 60,
    }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: config.TRUSTED_PROXIES ? true : undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      maxAge: SESSION_DAYS * 24 * 3600 * 1000,
    },
  });
}

/**
 * A session belongs to the host it was made on. Test clients and scripts may send a cookie to any
 * host; here such a session is replaced by a fresh, empty one (the original stays valid on its own
 * host). A new session is stamped with this host.
 */
export function sessionHostCheck(req: Request, _res: Response, next: NextFunction): void {
  const site = _res.locals.site as Site | undefined;
  if (!site || !req.session) return next();
  const key = siteKey(site);
  if (req.session.siteKey && req.session.siteKey !== key) {
    req.sessionStore.generate(req);
  }
  if (!req.session.siteKey) {
    // Stamp the host only when the session is saved anyway (a form token or a login): stamping it
    // now would make every visitor's empty session "modified" and give readers a cookie.
    const current = req.session;
    const save = current.save.bind(current);
    current.save = (callback?: (err: unknown) => void) => {
      current.siteKey = key;
      current.createdAt ??= Date.now();
      return save(callback);
    };
  }
  next();
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set when the session stack was skipped: runs it now (a form page needs a CSRF token). */
    startSession?: () => Promise<void>;
  }
}

function hasSessionCookie(req: Request): boolean {
  return (req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

/**
 * Runs the session stack (session, host check, passport) only where it can matter: for every
 * request that carries a session cookie or changes something. An anonymous reader's GET skips it
 * (no store lookup, no session object, no cookie); a page with a form starts it on demand
 * through `ensureSession`, because its CSRF token lives in the session.
 */
export function sessionOnDemand(stack: RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    const run = () =>
      new Promise<void>((resolve, reject) => {
        let i = 0;
        const step = (err?: unknown): void => {
          if (err) return reject(err instanceof Error ? err : new Error(String(err)));
          const middleware = stack[i++];
          if (!middleware) return resolve();
          middleware(req, res, step);
        };
        step();
      });
    // A reader's anonymous form (src/web/anonymous) needs no session either: it never gets one.
    const anonymousForm = req.method === 'POST' && req.path.startsWith(ANONYMOUS_FORMS_PREFIX);
    if (
      (req.method === 'GET' || req.method === 'HEAD' || anonymousForm) &&
      !hasSessionCookie(req)
    ) {
      req.startSession = run;
      return next();
    }
    run().then(() => next(), next);
  };
}

/** Makes sure `req.session` exists (see sessionOnDemand). */
export async function ensureSession(req: Request): Promise<void> {
  if (!req.session && req.startSession) {
    const start = req.startSession;
    req.startSession = undefined;
    await start();
  }
}

/**
 * express-session saves a changed session while the response ends, but it sends the headers
 * first: a browser follows a 303 before the save has landed and shows the next page with the old
 * session (a flash message or a login seemingly lost). After a form post, save, then redirect.
 */
export function saveBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'POST') {
    const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
    res.redirect = ((...args: unknown[]) => {
      if (!req.session) return redirect(...args);
      req.session.save((err) => (err ? next(err) : redirect(...args)));
    }) as Response['redirect'];
  }
  next();
}
