import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import type { Tenant } from '../tenancy/entities/tenant.entity';
import type { Site } from '../tenancy/request-context';
import { toFieldErrors, type FieldErrors } from '../web/forms/form-validation';
import { refusedFields } from '../web/input-guard';
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

/**
 * Validates a form body by hand, for pages whose re-rendering needs more than the global pipe
 * knows (the invitation page shows who is invited). Same rules as the global pipe.
 */
export async function validateBody<T extends object>(
  cls: new () => T,
  body: unknown,
): Promise<{ value: T; errors: FieldErrors | null }> {
  const value = plainToInstance(cls, body ?? {});
  const errors = await validate(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
  });
  // What the input guard refused (a control character, a field given twice) is invalid too.
  const all = { ...(errors.length > 0 ? toFieldErrors(errors) : {}), ...refusedFields(body) };
  return { value, errors: Object.keys(all).length > 0 ? all : null };
}
