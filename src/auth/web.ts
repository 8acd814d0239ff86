import type { Request, Response } from 'express';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import type { Site } from '../tenancy/request-context';
import { saveSession } from './session-login';

export function siteOf(res: Response): Site {
  return res.locals.site as Site;
}

export function tenantOf(res: Response): Tenant | null {
  const site = siteOf(res);
  return site.kind === 'tenant' ? site.tenant : null;
}

/** Both hosts: the municipality path and the platform's internal `/_platform/...` path. */
export function bothHosts(path: string): string[] {
  return [path, `_platform/${path}`];
}

/** After a form that sends mail: remember what to say and show the "check your mail" page (PRG). */
export async function showMailSent(
  req: Request,
  res: Response,
  kind: 'register' | 'login-link' | 'reset' | 'verify-first',
  email: string,
): Promise<void> {
  req.session.mailSent = { kind, email: email.trim().toLowerCase() };
  await saveSession(req);
  res.redirect(303, '/mail-verstuurd');
}

/** A link that is unknown, used, expired or for another host: one friendly page. */
export function renderInvalidLink(
  res: Response,
  kind: 'login' | 'verify' | 'join' | 'reset' | 'invite',
): void {
  res.status(404).render('auth/link-invalid', {
    title: 'Deze link werkt niet meer',
    kind,
    [`is_${kind}`]: true,
  });
}
