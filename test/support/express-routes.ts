import type express from 'express';
import type { TestApp } from './test-app';

export interface ExpressRoute {
  method: string;
  /** The path as declared, e.g. `/beheer/leden/:id` (platform routes under `/_platform`). */
  path: string;
}

/**
 * Every route Express knows in the app, method by method (the catch-all `/{*path}` 404 page and
 * `all()` handlers left out). The isolation coverage test and the fuzz test both start from it,
 * so a new route is found by both without being listed anywhere first.
 */
export function expressRoutes(t: TestApp): ExpressRoute[] {
  const app = t.app.getHttpAdapter().getInstance() as express.Express & {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  const out: ExpressRoute[] = [];
  for (const layer of app.router.stack) {
    if (!layer.route || layer.route.path.includes('{*')) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== '_all') out.push({ method: method.toUpperCase(), path: layer.route.path });
    }
  }
  return out;
}

/** `/beheer/leden/:id` and `/beheer/leden/:membershipId` both become `/beheer/leden/:_`. */
export const routeShape = (path: string) => path.replace(/:\w+/g, ':_');
