import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Module as NestModule } from '@nestjs/core/injector/module';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import type { FeatureManifest } from '../src/common/feature-manifest';
import { FEATURES, type FeatureName } from '../src/features';
import { expressRoutes, routeShape as shape } from './support/express-routes';
import { TEST_MANIFESTS } from './support/features';
import type { TestManifest } from './support/features/test-manifest';
import type { TenantIds } from './support/tenant-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Rule 4 of docs/architecture.md: a feature is complete in its two manifests. Every route of a
 * controller of the feature's module (and the modules only it imports) is in its test manifest:
 * a route with a parameter among its isolation routes (or said not to be a tenant route), a GET
 * among its accessibility pages (or said why it is no page), a POST in its fuzz role map. Every
 * line there is one of its routes (not another feature's or the platform's, not a stale one).
 * Every entity under `src/<feature>/` is in its runtime manifest, and so in the app's data source.
 */

interface Route {
  method: string;
  /** As Express declares it: `/cafes/:slug/:meeting/aanmelden`. */
  path: string;
}

const placeholders = new Proxy({}, { get: (_t, key) => `:${String(key)}` }) as TenantIds;
const fill = (path: string | ((ids: TenantIds) => string)) =>
  typeof path === 'string' ? path : path(placeholders);
const keyOf = (r: Route) => `${r.method} ${shape(r.path)}`;
const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const join2 = (base: string, path: string) =>
  `/${[base, path]
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** The routes a controller declares (Nest's own metadata: the path of the class and of each method). */
function controllerRoutes(controller: Type): Route[] {
  const bases = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]);
  const routes: Route[] = [];
  for (let proto = controller.prototype; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const paths = asList(Reflect.getMetadata(PATH_METADATA, handler) as string | string[]);
      if (paths.length === 0) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      for (const base of bases.length ? bases : ['/'])
        for (const path of paths) routes.push({ method, path: join2(base, path) });
    }
    proto = Object.getPrototypeOf(proto);
  }
  return routes;
}

/** `src/cafes/...` files that declare a TypeORM entity, and the entities they declare. */
function entityFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entityFilesUnder(path);
    return entry.name.endsWith('.entity.ts') ? [path] : [];
  });
}

describe('feature manifests (src/features.ts, test/support/features/)', () => {
  let t: TestApp;
  const names = Object.keys(FEATURES) as FeatureName[];
  /** Each feature's routes, from the controllers of its modules. */
  const routesOf = new Map<FeatureName, Route[]>();

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    const modules = [...t.app.get(ModulesContainer).values()];
    const byType = new Map<unknown, NestModule>(modules.map((m) => [m.metatype, m]));
    const reach = (from: NestModule[], stop: Set<NestModule>) => {
      const seen = new Set<NestModule>();
      const next = [...from];
      while (next.length) {
        const m = next.pop()!;
        if (seen.has(m) || stop.has(m)) continue;
        seen.add(m);
        next.push(...m.imports);
      }
      return seen;
    };
    const featureModules = new Set(
      names.map((name) => byType.get(FEATURES[name].module)).filter((m) => m !== undefined),
    );
    // The platform: what the root reaches without passing through a feature.
    const root = modules.find((m) => m.metatype?.name === 'AppModule')!;
    const platform = reach([root], featureModules);
    for (const name of names) {
      const own = reach([byType.get(FEATURES[name].module)!], platform);
      const controllers = [...own].flatMap((m) => [...m.controllers.values()]);
      routesOf.set(
        name,
        controllers.flatMap((c) => controllerRoutes(c.metatype as Type)),
      );
    }
  });
  afterAll(() => t?.close());

  it('finds the routes as Express has them (the scan itself)', () => {
    const express = new Set(expressRoutes(t).map(keyOf));
    const all = [...routesOf.values()].flat();
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((r) => !express.has(keyOf(r))).map(keyOf)).toEqual([]);
  });

  describe.each(names.map((name) => [name, FEATURES[name], TEST_MANIFESTS[name]] as const))(
    '%s',
    (name, feature: FeatureManifest, tests: TestManifest) => {
      const routes = () => routesOf.get(name)!;
      const has = (keys: Iterable<string>) => new Set([...keys].map((k) => shape(k)));

      it('has its app module in the app', () => {
        expect(routes().length).toBeGreaterThan(0);
      });

      it('lists every route that takes a parameter among its isolation routes, or says why not', () => {
        const listed = has([
          ...tests.tenantRoutes.map((r) => `${r.method} ${fill(r.path)}`),
          ...Object.keys(tests.notTenantRoutes),
        ]);
        const missing = routes()
          .filter((r) => /:\w/.test(r.path) && !listed.has(keyOf(r)))
          .map((r) => `${r.method} ${r.path}`);
        expect(missing).toEqual([]);
      });

      it('lists every GET route among its accessibility pages, or says why it is no page', () => {
        const listed = has([
          // The platform's host serves its pages under /_platform (the host resolver's rewrite).
          ...tests.a11yPages.map(
            (p) => `GET ${p.host === 'platform' ? '/_platform' : ''}${fill(p.path)}`,
          ),
          ...Object.keys(tests.notA11yPages),
        ]);
        const missing = routes()
          .filter((r) => r.method === 'GET' && !listed.has(keyOf(r)))
          .map((r) => `${r.method} ${r.path}`);
        expect(missing).toEqual([]);
      });

      it('lists every POST route in its fuzz role map', () => {
        const listed = new Set([
          ...Object.keys(tests.postRoutes),
          ...Object.keys(tests.postRoutesLast),
        ]);
        const missing = routes()
          .filter((r) => r.method === 'POST' && !listed.has(`POST ${r.path}`))
          .map((r) => `${r.method} ${r.path}`);
        expect(missing).toEqual([]);
      });

      it('lists only its own routes (none of another feature or the platform, none stale)', () => {
        const own = new Set(routes().map(keyOf));
        const lines = [
          ...tests.tenantRoutes.map((r) => `${r.method} ${fill(r.path)}`),
          ...Object.keys(tests.notTenantRoutes),
          ...tests.a11yPages
            .filter((p) => p.host === 'tenant' || p.host === 'platform')
            .map((p) => `GET ${p.host === 'platform' ? '/_platform' : ''}${fill(p.path)}`),
          ...Object.keys(tests.notA11yPages),
          ...Object.keys(tests.postRoutes),
          ...Object.keys(tests.postRoutesLast),
        ];
        expect([...new Set(lines.filter((line) => !own.has(shape(line))))]).toEqual([]);
      });

      it(`has every entity under src/${name}/ in its runtime manifest, and the app has them`, () => {
        const folder = join(__dirname, '..', 'src', name);
        const declared = getMetadataArgsStorage().tables;
        const files = entityFilesUnder(folder);
        expect(files.length).toBeGreaterThan(0);
        const missing = files.flatMap((file) => {
          const exports = Object.values(require(file) as Record<string, unknown>);
          return declared
            .filter((table) => exports.includes(table.target))
            .filter((table) => !feature.entities.includes(table.target as Type))
            .map((table) => `${(table.target as Type).name} (${relative(folder, file)})`);
        });
        expect(missing).toEqual([]);
        const inApp = new Set(t.app.get(DataSource).entityMetadatas.map((m) => m.target));
        expect(feature.entities.filter((e) => !inApp.has(e)).map((e) => e.name)).toEqual([]);
      });
    },
  );
});
