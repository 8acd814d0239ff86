import type { NextFunction, Request, Response } from 'express';
import type { ClsService } from 'nestjs-cls';
import type { AppConfig } from '../config/app-config';
import type { Site } from './request-context';
import type { TenantsService } from './tenants.service';

/** Prefix of the platform site's routes (see below); controllers use it in their paths. */
export const PLATFORM_PREFIX = '/_platform';

/**
 * Paths answered on every host, also unknown or suspended ones: load balancers probe the health
 * checks, and every page (the 404 and 503 pages too) asks for the icon.
 */
const HOST_FREE_PATHS = new Set(['/healthz', '/readyz', '/favicon.ico']);

/**
 * Does this path reach the platform's routes? Express matches paths case-insensitively and
 * `/_PLATFORM/beheer` is routed like `/_platform/beheer`, so compare lowercased, and decoded
 * (`/%5Fplatform`) so that no spelling of the prefix gets through on a municipality's host.
 */
export function isPlatformPath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed escapes: Express will not route them either; compare the path as it is.
  }
  return decoded
    .replace(/\/{2,}/g, '/')
    .toLowerCase()
    .startsWith(PLATFORM_PREFIX);
}

/**
 * Host → site. `<BASE_DOMAIN>` is the platform, `<slug>.<BASE_DOMAIN>` a municipality; anything
 * else gets the friendly 404 with the list of municipalities, a suspended one a 503 page.
 * `req.hostname` honours X-Forwarded-Host only when the peer is a configured proxy (trust proxy).
 */
export function hostResolver(config: AppConfig, tenants: TenantsService, cls: ClsService) {
  const base = config.BASE_DOMAIN.toLowerCase();
  const suffix = `.${base}`;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (HOST_FREE_PATHS.has(req.path)) return next();
    try {
      const host = (req.hostname || '').toLowerCase();
      let site: Site | null = null;
      if (host === base || host === `www${suffix}`) {
        site = { kind: 'platform' };
      } else if (host.endsWith(suffix)) {
        const slug = host.slice(0, -suffix.length);
        const tenant = slug.includes('.') ? null : await tenants.findBySlug(slug);
        if (tenant?.status === 'suspended') {
          res.setHeader('Retry-After', '86400');
          res.status(503).render('errors/suspended', {
            title: `${tenant.name} is tijdelijk niet beschikbaar`,
            tenantName: tenant.name,
            platformUrl: config.platformOrigin,
          });
          return;
        }
        if (tenant) site = { kind: 'tenant', tenant };
      }
      if (!site) {
        const municipalities = (await tenants.listActive()).map((t) => ({
          name: t.name,
          url: config.originFor(t.slug),
        }));
        res.status(404).render('errors/unknown-host', {
          title: 'Deze gemeente vonden we niet',
          municipalities,
          platformUrl: config.platformOrigin,
        });
        return;
      }
      // Platform routes live under /_platform internally, so that `/beheer` or `/` can mean one
      // thing on the platform site and another on a municipality's hub.
      if (site.kind === 'platform') req.url = `${PLATFORM_PREFIX}${req.url}`;
      else if (isPlatformPath(req.path)) req.url = '/niet-gevonden';
      cls.set('site', site);
      res.locals.site = site;
      res.locals.tenant = site.kind === 'tenant' ? site.tenant : null;
      // Cache-buster for /brand.css and /logo (cached a day): changes with every tenant update.
      if (site.kind === 'tenant')
        res.locals.brandVersion = new Date(site.tenant.updatedAt).getTime();
      next();
    } catch (e) {
      next(e);
    }
  };
}
