import type { A11yPage } from '../a11y-pages';
import type { PostRouteEntry } from '../post-route-roles';
import type { Seeder, TenantRoute } from '../tenant-routes';

/**
 * What a feature adds to the tests' registries, in one value (`test/support/features/<name>.ts`):
 * the isolation suite's routes and seeders, the accessibility sweep's pages and the fuzz test's
 * role map. The registries are the platform's lines plus every feature's; test/manifest.e2e-spec.ts
 * fails when a route of the feature's controllers is missing here (or an entity from its runtime
 * manifest).
 */
export interface TestManifest {
  /**
   * Isolation (test/isolation.e2e-spec.ts): every route of the feature that takes an id, with its
   * actor and its status with the tenant's own ids. The positive control runs them in this order.
   */
  tenantRoutes: TenantRoute[];
  /** Its routes with a parameter that are not tenant routes, with the reason (method and path). */
  notTenantRoutes: Record<string, string>;
  /** Fill the feature's tenant tables (after the platform's seeders) and name its participants. */
  seeders: Seeder[];
  /** Its global tables (no RLS) and which of their rows belong to a tenant (as GLOBAL_TABLE_ROWS). */
  globalTableRows: Record<string, string | null>;
  /** The accessibility sweep (test/a11y.browser.e2e-spec.ts): every page of the feature. */
  a11yPages: A11yPage[];
  /** Its GET routes that are no page to scan (a file, an image), with the reason. */
  notA11yPages: Record<string, string>;
  /** The fuzz test (test/fuzz.e2e-spec.ts): who reaches each of its POST routes. */
  postRoutes: Record<string, PostRouteEntry>;
  /** The same for the routes that cancel or remove what others use: they run after all others. */
  postRoutesLast: Record<string, PostRouteEntry>;
}

/** A manifest with nothing in it yet, to fill in part by part. */
export function emptyTestManifest(): TestManifest {
  return {
    tenantRoutes: [],
    notTenantRoutes: {},
    seeders: [],
    globalTableRows: {},
    a11yPages: [],
    notA11yPages: {},
    postRoutes: {},
    postRoutesLast: {},
  };
}

/** Several parts' lines as one manifest, in the order given (a feature split by capability). */
export function mergeTestManifests(parts: Partial<TestManifest>[]): TestManifest {
  const merged = emptyTestManifest();
  for (const part of parts) {
    merged.tenantRoutes.push(...(part.tenantRoutes ?? []));
    merged.seeders.push(...(part.seeders ?? []));
    merged.a11yPages.push(...(part.a11yPages ?? []));
    Object.assign(merged.notTenantRoutes, part.notTenantRoutes);
    Object.assign(merged.globalTableRows, part.globalTableRows);
    Object.assign(merged.notA11yPages, part.notA11yPages);
    Object.assign(merged.postRoutes, part.postRoutes);
    Object.assign(merged.postRoutesLast, part.postRoutesLast);
  }
  return merged;
}
