import type express from 'express';
import { csrfFrom, logIn, sessionCookie, submitForm } from './support/csrf';
import { createMember } from './support/factories';
import { tenantFingerprint } from './support/schema-checks';
import {
  NOT_TENANT_ROUTES,
  seedTenantPair,
  TENANT_ROUTES,
  type SeededTenant,
  type TenantIds,
  type TenantRoute,
} from './support/tenant-routes';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Tenant isolation through the web: a tenant_admin of A requests every registered tenant route
 * (test/support/tenant-routes.ts) on A's host with the ids of B's rows and gets 404, never B's
 * data and never a 500. And a session made on one host is not accepted on another.
 */

type Agent = ReturnType<TestApp['agent']>;

/** Whether the page was rendered for a signed-in person (the header offers to log out). */
const signedIn = (html: string) => html.includes('/uitloggen');

async function request(agent: Agent, route: TenantRoute, ids: TenantIds, csrf: string | null) {
  const path = route.path(ids);
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const req = agent[method](path);
  if (route.method === 'GET') return req;
  return req.type('form').send({ ...(route.body?.(ids) ?? {}), _csrf: csrf ?? '' });
}

/** Every Express route of the app that declares a parameter, e.g. `/beheer/leden/:id`. */
function routesWithParameters(t: TestApp): Array<{ method: string; path: string }> {
  const express = t.app.getHttpAdapter().getInstance() as express.Express & {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  const out: Array<{ method: string; path: string }> = [];
  for (const layer of express.router.stack) {
    // Named parameters only: `/{*path}` is the catch-all (404 page), not a route that takes an id.
    if (!layer.route || !/:\w/.test(layer.route.path)) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== '_all') out.push({ method: method.toUpperCase(), path: layer.route.path });
    }
  }
  return out;
}

/** `/beheer/leden/:id` and `(ids) => /beheer/leden/${ids.membershipId}` both become `/beheer/leden/:_`. */
const shape = (path: string) => path.replace(/:\w+/g, ':_');
const placeholderIds = new Proxy({}, { get: (_target, key) => `:${String(key)}` }) as TenantIds;

describe('tenant isolation: a user of tenant A and the ids of tenant B', () => {
  let t: TestApp;
  let a: SeededTenant;
  let b: SeededTenant;
  let agent: Agent;
  let csrf: string | null = null;
  let fingerprintB: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    ({ a, b } = await seedTenantPair(t, ['gent', 'ieper']));
    agent = t.agent('gent');
    await logIn(agent, a.admin);
    const home = await agent.get('/').expect(200);
    expect(signedIn(home.text)).toBe(true);
    // The session's CSRF token, from a form every signed-in person has (the logout confirmation).
    csrf = await csrfFrom(agent, '/uitloggen');
    expect(csrf).toBeTruthy();
    fingerprintB = await tenantFingerprint(t.db.adminUrl, b.tenant.id);
  });
  afterAll(() => t?.close());

  it('registers every route that takes a parameter (or says why it is not a tenant route)', () => {
    const registered = new Set(
      TENANT_ROUTES.map((r) => `${r.method} ${shape(r.path(placeholderIds))}`),
    );
    const exempt = new Set(Object.keys(NOT_TENANT_ROUTES).map((k) => shape(k)));
    const key = (r: { method: string; path: string }) => `${r.method} ${shape(r.path)}`;
    const missing = routesWithParameters(t)
      // The platform site (BASE_DOMAIN) is not a tenant host: its routes live under /_platform.
      .filter((r) => !r.path.startsWith('/_platform'))
      .filter((r) => !registered.has(key(r)) && !exempt.has(key(r)))
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('has no stale lines: every registered route exists in the app', () => {
    const existing = new Set(routesWithParameters(t).map((r) => `${r.method} ${shape(r.path)}`));
    const stale = [
      ...TENANT_ROUTES.map((r) => `${r.method} ${shape(r.path(placeholderIds))}`),
      ...Object.keys(NOT_TENANT_ROUTES).map(shape),
    ].filter((key) => !existing.has(key));
    expect(stale).toEqual([]);
  });

  const routes = TENANT_ROUTES.length ? TENANT_ROUTES : null;
  const label = (r: TenantRoute) => `${r.method} ${r.path(placeholderIds)}`;

  if (routes) {
    it.each(routes.map((r) => [label(r), r] as const))(
      '%s with B’s ids → 404',
      async (_name, route) => {
        const res = await request(agent, route, b.ids, csrf);
        expect({ status: res.status, leaks: res.text.includes(b.marker) }).toEqual({
          status: 404,
          leaks: false,
        });
      },
    );

    it('left every row of B as it was', async () => {
      expect(await tenantFingerprint(t.db.adminUrl, b.tenant.id)).toEqual(fingerprintB);
    });

    // Positive control, after all the B requests: the same route with A's own ids is found, so a
    // 404 above means "not yours" and not "no such route". (POSTs may change A's rows: run last.)
    it.each(routes.map((r) => [label(r), r] as const))(
      '%s with A’s own ids is not 404',
      async (_name, route) => {
        const res = await request(agent, route, a.ids, csrf);
        expect(res.status).toBeLessThan(400);
      },
    );
  } else {
    it('has no tenant routes with ids yet (features add them to TENANT_ROUTES)', () => {
      expect(TENANT_ROUTES).toEqual([]);
    });
  }

  it('does not accept a session made on gent.localhost on ieper.localhost', async () => {
    // One person with a membership in both municipalities: a leaked session would look valid.
    const both = await createMember(t, {
      tenant: a.tenant,
      role: 'caregiver',
      displayName: 'Twee Gemeenten',
    });
    await createMember(t, {
      tenant: b.tenant,
      role: 'caregiver',
      email: both.email,
      displayName: 'Twee Gemeenten',
    });

    const gent = t.agent('gent');
    const login = await submitForm(gent, '/inloggen', {
      email: both.email,
      password: both.password,
    });
    expect(login.status).toBe(303);
    const value = sessionCookie(login.headers['set-cookie']);
    expect(value).toBeTruthy();
    const session = `mzh.sid=${value}`;
    // Host-only: no Domain attribute that would send it to other subdomains.
    expect(String(login.headers['set-cookie']).toLowerCase()).not.toContain('domain=');
    expect(signedIn((await gent.get('/').expect(200)).text)).toBe(true);

    // Replay the cookie with the other Host: not signed in there.
    const replay = await t.agent('ieper').get('/').set('Cookie', session).expect(200);
    expect(signedIn(replay.text)).toBe(false);
    expect(replay.text).toContain('href="/inloggen"');

    // And the session still works on its own host.
    const again = await t.agent('gent').get('/').set('Cookie', session).expect(200);
    expect(signedIn(again.text)).toBe(true);
  });
});
