import { csrfFrom, logIn, sessionCookie, submitForm } from './support/csrf';
import { expressRoutes, routeShape as shape } from './support/express-routes';
import { createMember, type TestMember } from './support/factories';
import { globalFingerprint, globalTables, tenantFingerprint } from './support/schema-checks';
import {
  GLOBAL_TABLE_ROWS,
  NOT_TENANT_ROUTES,
  seedTenantPair,
  TENANT_ROUTES,
  type Actor,
  type SeededTenant,
  type TenantIds,
  type TenantRoute,
} from './support/tenant-routes';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

/**
 * Tenant isolation through the web: every registered tenant route (test/support/tenant-routes.ts),
 * requested on A's host by its actor (and by A's admin, who reaches the most) with the ids of B's
 * rows, or with A's id in one place and B's in the others, answers 404: never B's data, never a
 * 500, no row of B changed (tenant and global tables). With A's own ids each answers its expected
 * status. And a session made on one host is not accepted on another.
 */

type Agent = ReturnType<TestApp['agent']>;

/** Whether the page was rendered for a signed-in person (the header offers to log out). */
const signedIn = (html: string) => html.includes('/uitloggen');

const actorName = (actor: Actor) =>
  typeof actor === 'string' ? actor : `participant ${actor.participant}`;

/** The ids a route's path reads (found by filling it with a recording object). */
function pathKeys(route: TenantRoute): string[] {
  const keys = new Set<string>();
  route.path(new Proxy({}, { get: (_t, key) => (keys.add(String(key)), `:${String(key)}`) }));
  return [...keys];
}

/** `(ids) => /beheer/leden/${ids.membershipId}` read as `/beheer/leden/:membershipId`. */
const placeholderIds = new Proxy({}, { get: (_target, key) => `:${String(key)}` }) as TenantIds;
const routeKey = (r: TenantRoute) => `${r.method} ${shape(r.path(placeholderIds))}`;
const label = (r: TenantRoute) => `${r.method} ${r.path(placeholderIds)}`;

describe('tenant isolation: a user of tenant A and the ids of tenant B', () => {
  let t: TestApp;
  let a: SeededTenant;
  let b: SeededTenant;
  let fingerprintB: Record<string, string>;
  let globalFingerprintB: Record<string, string>;
  /** One signed-in agent (with its CSRF token) per actor, on A's host. */
  const sessions = new Map<string, Promise<{ agent: Agent; csrf: string }>>();

  function memberFor(actor: Exclude<Actor, 'anonymous'>): TestMember {
    if (typeof actor !== 'string') {
      const member = a.participants[actor.participant];
      if (!member) throw new Error(`no seeder registers the participant "${actor.participant}"`);
      return member;
    }
    return { tenant_admin: a.admin, caregiver: a.caregiver, professional: a.professional }[actor];
  }

  async function newSession(actor: Actor): Promise<{ agent: Agent; csrf: string }> {
    const agent = t.agent(a.tenant.slug);
    if (actor !== 'anonymous') {
      await logIn(agent, memberFor(actor));
      // Signed in for real: a redirect to the login page must not pass for "found".
      expect(signedIn((await agent.get('/').expect(200)).text)).toBe(true);
    }
    // The session's CSRF token, from a form anyone can open (the login page for the anonymous one).
    const csrf = await csrfFrom(agent, actor === 'anonymous' ? '/inloggen' : '/uitloggen');
    if (!csrf) throw new Error(`no CSRF token for ${actorName(actor)}`);
    return { agent, csrf };
  }

  /** The shared session of the person behind `actor` (a café host who is the caregiver: one). */
  function sessionOf(actor: Actor) {
    const key = actor === 'anonymous' ? actor : memberFor(actor).email;
    if (!sessions.has(key)) sessions.set(key, newSession(actor));
    return sessions.get(key)!;
  }

  /**
   * Requests the route with `ids` as `actor`. `fresh`: on a new session (acting on an e-mailed
   * link logs in; with B's ids nothing may happen, so those share the actor's session).
   */
  async function request(
    route: TenantRoute,
    ids: TenantIds,
    actor: Actor = route.actor,
    fresh = false,
  ) {
    const { agent, csrf } = await (fresh ? newSession(actor) : sessionOf(actor));
    const path = route.path(ids);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = agent[method](path);
    if (route.method === 'GET') return req;
    if (route.origin) req.set('Origin', `http://${hostFor(a.tenant.slug)}`);
    return req.type('form').send({ ...(route.body?.(ids) ?? {}), _csrf: csrf });
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    ({ a, b } = await seedTenantPair(t, ['gent', 'ieper']));
    // A session of B's own, so that B's rows in `sessions` are there to be fingerprinted.
    const onB = t.agent(b.tenant.slug);
    await logIn(onB, b.admin);
    fingerprintB = await tenantFingerprint(t.db.adminUrl, b.tenant.id);
    globalFingerprintB = await globalFingerprint(t.db.adminUrl, b.tenant.id, GLOBAL_TABLE_ROWS);
  });
  afterAll(() => t?.close());

  it('registers every route that takes a parameter (or says why it is not a tenant route)', () => {
    const registered = new Set(TENANT_ROUTES.map(routeKey));
    const exempt = new Set(Object.keys(NOT_TENANT_ROUTES).map((k) => shape(k)));
    const key = (r: { method: string; path: string }) => `${r.method} ${shape(r.path)}`;
    const missing = expressRoutes(t)
      // Named parameters only; the platform site (BASE_DOMAIN) is not a tenant host.
      .filter((r) => /:\w/.test(r.path) && !r.path.startsWith('/_platform'))
      .filter((r) => !registered.has(key(r)) && !exempt.has(key(r)))
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('has no stale lines: every registered route exists in the app', () => {
    const existing = new Set(expressRoutes(t).map((r) => `${r.method} ${shape(r.path)}`));
    const stale = [
      ...TENANT_ROUTES.map(routeKey),
      ...Object.keys(NOT_TENANT_ROUTES).map(shape),
    ].filter((key) => !existing.has(key));
    expect(stale).toEqual([]);
  });

  it('knows which rows of every global table belong to a tenant', async () => {
    expect(Object.keys(GLOBAL_TABLE_ROWS).sort()).toEqual(await globalTables(t.db.adminUrl));
    // B has rows in each (the whole-table ones may be empty: nothing on a hub may write them).
    const empty = Object.entries(globalFingerprintB)
      .filter(([table, digest]) => GLOBAL_TABLE_ROWS[table] && digest.startsWith('0:'))
      .map(([table]) => table);
    expect(empty).toEqual([]);
  });

  it('gives A and B different values for every id, so a mix of them is never all A’s', () => {
    const same = Object.keys(b.ids).filter((key) => a.ids[key] === b.ids[key]);
    expect(same).toEqual([]);
  });

  // Each route with B's ids, as its actor and as A's admin (who reaches the most).
  const negative = TENANT_ROUTES.flatMap((route) =>
    [...new Set([actorName(route.actor), 'tenant_admin'])].map((who) => {
      const actor = who === 'tenant_admin' ? 'tenant_admin' : route.actor;
      return [`${label(route)} as ${who}`, route, actor] as const;
    }),
  );
  it.each(negative)('%s with B’s ids → 404', async (_name, route, actor) => {
    const res = await request(route, b.ids, actor);
    expect({ status: res.status, leaks: res.text.includes(b.marker) }).toEqual({
      status: 404,
      leaks: false,
    });
  });

  // Routes with two ids or more: one of them A's (e.g. A's café slug), the others B's.
  const mixed = TENANT_ROUTES.flatMap((route) => {
    const keys = pathKeys(route);
    if (keys.length < 2) return [];
    return keys.map((own) => [`${label(route)} with A’s ${own}`, route, own] as const);
  });
  it.each(mixed)('%s and B’s other ids → 404', async (_name, route, own) => {
    const res = await request(route, { ...b.ids, [own]: a.ids[own] });
    expect({ status: res.status, leaks: res.text.includes(b.marker) }).toEqual({
      status: 404,
      leaks: false,
    });
  });

  // The login and reset links work on the platform site too: B's do nothing there either.
  const onPlatform = TENANT_ROUTES.filter((r) => r.platform).map((r) => [label(r), r] as const);
  it.each(onPlatform)('%s on the platform site with B’s ids → 404', async (_name, route) => {
    const agent = t.agent(null);
    const csrf = await csrfFrom(agent, '/inloggen');
    const path = route.path(b.ids);
    const res =
      route.method === 'GET'
        ? await agent.get(path)
        : await agent
            .post(path)
            .type('form')
            .send({ ...(route.body?.(b.ids) ?? {}), _csrf: csrf });
    expect({ status: res.status, leaks: res.text.includes(b.marker) }).toEqual({
      status: 404,
      leaks: false,
    });
  });

  it('left every row of B as it was (tenant tables and B’s rows in global tables)', async () => {
    expect(await tenantFingerprint(t.db.adminUrl, b.tenant.id)).toEqual(fingerprintB);
    expect(await globalFingerprint(t.db.adminUrl, b.tenant.id, GLOBAL_TABLE_ROWS)).toEqual(
      globalFingerprintB,
    );
  });

  // Positive control, after all the B requests: the same route with A's own ids, by its actor,
  // answers what it should (a page: 200; a form: its redirect), so a 404 above means "not yours",
  // not "no such route" or "not signed in". POSTs change A's rows: they run last, in order.
  it.each(TENANT_ROUTES.map((r) => [label(r), actorName(r.actor), r] as const))(
    '%s with A’s own ids as %s answers its status',
    async (_name, _who, route) => {
      const res = await request(route, a.ids, route.actor, route.ownSession);
      // A redirect must be the form's own, not the guard's to the login page.
      const toLogin = /^\/inloggen(\?|$)/.test(String(res.headers.location ?? ''));
      expect({ status: res.status, toLogin }).toEqual({
        status: route.expect ?? 200,
        toLogin: false,
      });
    },
  );

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
