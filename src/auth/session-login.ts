import type { Request, Response } from 'express';
import { siteKey, type Site } from '../tenancy/request-context';
import type { User } from './entities/user.entity';
import { toSessionUser } from './passport.setup';

/**
 * Logs the person in on this host: passport regenerates the session (new id, old row destroyed:
 * no session fixation), then the new session is stamped with its host and creation time (the
 * creation time is compared with the account's `sessionsValidAfter`) and saved.
 */
export async function logIn(req: Request, res: Response, user: User): Promise<void> {
  const site = res.locals.site as Site;
  await new Promise<void>((resolve, reject) =>
    req.login(toSessionUser(user), (err) => (err ? reject(err as Error) : resolve())),
  );
  req.session.siteKey = siteKey(site);
  req.session.createdAt = Math.max(Date.now(), user.sessionsValidAfter.getTime());
  await saveSession(req);
}

/** Logs out and destroys the session row; the cookie is cleared. */
export async function logOut(req: Request, res: Response, cookieName: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    req.logout((err) => (err ? reject(err as Error) : resolve())),
  );
  await new Promise<void>((resolve, reject) =>
    req.session.destroy((err) => (err ? reject(err as Error) : resolve())),
  );
  res.clearCookie(cookieName, { httpOnly: true, sameSite: 'lax', path: '/' });
}

export function saveSession(req: Request): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    req.session.save((err) => (err ? reject(err as Error) : resolve())),
  );
}

/** A return path after login: only a local path on this host, never `//evil` or `/\evil`. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback;
  if (!/^\/(?![/\\])[^\s\\]*$/.test(value) || value.length > 500) return fallback;
  if (/^\/(inloggen|uitloggen|registreren)/.test(value)) return fallback;
  return value;
}
