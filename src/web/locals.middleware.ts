import type { NextFunction, Request, Response } from 'express';
import type { Membership } from '../auth/entities/membership.entity';
import type { MembershipsService } from '../auth/memberships.service';
import { asTenantId } from '../database/tenant-id';
import type { Site } from '../tenancy/request-context';

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in person's membership of this request's municipality, if any. */
    membership?: Membership | null;
  }
}

/** A document load (browsers send text/html in Accept only for those), or a client that says nothing. */
function isPageLoad(req: Request): boolean {
  const accept = req.headers.accept;
  return !accept || accept.includes('text/html');
}

/**
 * For signed-in people on a municipality's host: load their membership (one small tenant
 * transaction) so guards and the header know their role. Anonymous readers cost nothing here.
 */
export function currentMembershipMiddleware(memberships: MembershipsService) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const site = res.locals.site as Site | undefined;
      req.membership = null;
      if (req.user && site?.kind === 'tenant') {
        req.membership = await memberships.findForUser(asTenantId(site.tenant.id), req.user.id);
      }
      res.locals.currentUser = req.user ?? null;
      res.locals.membership = req.membership;
      res.locals.isAdmin =
        site?.kind === 'tenant'
          ? req.membership?.role === 'tenant_admin'
          : Boolean(req.user?.platformAdmin);
      // Only a page load takes the flash message: the stylesheet, logo or favicon requests that
      // run alongside it must not consume it first.
      if (req.session?.flash && req.method === 'GET' && isPageLoad(req)) {
        res.locals.flash = req.session.flash;
        delete req.session.flash;
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}
