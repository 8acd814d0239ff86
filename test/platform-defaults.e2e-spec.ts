import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { asTenantId } from '../src/database/tenant-id';
import { ROOT_LOGGER } from '../src/logging/logger.options';
import { Tenant } from '../src/tenancy/entities/tenant.entity';
import { TenantsService } from '../src/tenancy/tenants.service';
import { cafeInput, cafeFixtures } from './support/cafes';
import { logIn } from './support/csrf';
import { eventually } from './support/eventually';
import { createMember, createTenant } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/** Safe defaults for operators: the tenant cache, the access log and the icon. */
describe('platform defaults', () => {
  let t: TestApp;
  let gent: Tenant;
  /** Every line the root logger writes (JSON), from the moment the test app is built. */
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // Point the real logger's destination at a capture stream (pino keeps it under this symbol)
    // and turn on the access log (info), as in production.
    const logger = t.app.get<Logger>(ROOT_LOGGER);
    const capture = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = capture;
    logger.level = 'info';
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
  });
  afterAll(() => t.close());

  describe('tenant cache', () => {
    it('keeps a real hub cached while thousands of unknown subdomains are looked up', async () => {
      const tenants = t.get(TenantsService);
      const repo = t.get(DataSource).getRepository(Tenant);
      const lookups = jest.spyOn(repo, 'findOne');
      try {
        await t.agent('gent').get('/').expect(200);
        const gentLookups = () =>
          lookups.mock.calls.filter(([options]) => JSON.stringify(options).includes('"gent"'))
            .length;
        expect(gentLookups()).toBeLessThanOrEqual(1);
        const before = gentLookups();
        // Anyone can send any Host: 3,000 made-up subdomains, each a database miss.
        for (let i = 0; i < 3000; i += 50) {
          const found = await Promise.all(
            Array.from({ length: 50 }, (_, j) => tenants.findBySlug(`onbekend-${i + j}`)),
          );
          expect(found.every((tenant) => tenant === null)).toBe(true);
        }
        // Gent is still answered from memory: no new database lookup for it.
        await t.agent('gent').get('/').expect(200);
        expect(await tenants.findBySlug('gent')).toMatchObject({ id: gent.id });
        expect(gentLookups()).toBe(before);
        expect(tenants.cacheSize.misses).toBeLessThanOrEqual(1000);
        expect(tenants.cacheSize.hubs).toBeGreaterThanOrEqual(1);
        // And a miss that was just cached is not asked again either.
        const calls = lookups.mock.calls.length;
        await t.agent('onbekend-2999').get('/').expect(404);
        expect(lookups.mock.calls.length).toBe(calls);
      } finally {
        lookups.mockRestore();
      }
    });

    it('does not look up or cache a subdomain that no municipality can have', async () => {
      const tenants = t.get(TenantsService);
      const lookups = jest.spyOn(t.get(DataSource).getRepository(Tenant), 'findOne');
      try {
        const before = tenants.cacheSize.misses;
        await t
          .agent(`x${'a'.repeat(5000)}`)
          .get('/')
          .expect(404);
        await t.agent('a_b').get('/').expect(404);
        expect(lookups).not.toHaveBeenCalled();
        expect(tenants.cacheSize.misses).toBe(before);
      } finally {
        lookups.mockRestore();
      }
    });

    it('forgets a cached miss when that municipality is created', async () => {
      await t.agent('nieuwpoort').get('/').expect(404);
      await createTenant(t, { slug: 'nieuwpoort', name: 'Nieuwpoort' });
      await t.agent('nieuwpoort').get('/').expect(200);
    });
  });

  describe('access log', () => {
    it('logs the host search without the name or e-mail address searched for', async () => {
      const tenantId = asTenantId(gent.id);
      const cafe = await cafeFixtures(t).create(
        tenantId,
        cafeInput({ slug: 'klaverblad', name: 'Mantelzorgcafé Klaverblad' }),
      );
      expect(cafe).not.toBeNull();
      const admin = await createMember(t, { tenant: gent, role: 'tenant_admin' });
      const agent = t.agent('gent');
      await logIn(agent, admin);
      const searches = ['jozefien.claes@example.be', 'Jozefien Vandewalle'];
      lines.length = 0;
      for (const zoek of searches) {
        await agent.get('/beheer/cafes/klaverblad/kerngroep').query({ zoek }).expect(200);
      }
      // Also parameters no route knows, and an address as a parameter name.
      await t.agent('gent').get('/?email=jozefien.claes%40example.be&pagina=2').expect(200);
      await t.agent('gent').get('/?jozefien.claes%40example.be').expect(200);

      // The line is written when the response has finished: wait for all four.
      const logged = () =>
        lines
          .map((line) => JSON.parse(line) as { msg: string; req?: { url: string } })
          .filter((entry) => entry.msg === 'request completed');
      await eventually(async () => logged().length >= 4, 5000, 'four access log lines');
      const urls = logged().map((entry) => entry.req!.url);
      // The positive control: the requests were logged, with what is safe to keep.
      expect(urls).toEqual(
        expect.arrayContaining([
          '/beheer/cafes/klaverblad/kerngroep?zoek=[redacted]',
          '/?email=[redacted]&pagina=2',
          '/',
        ]),
      );
      const all = lines.join('\n');
      expect(all).not.toMatch(/[\w.%+-]+(@|%40)[\w-]+\.[a-z]{2,}/i);
      expect(all).not.toMatch(/jozefien/i);
      expect(all).not.toMatch(/vandewalle/i);
    });
  });

  describe('favicon', () => {
    it('serves an icon on every host, cached for at least a day, and pages link to it', async () => {
      for (const slug of ['gent', null, 'nergensdorp']) {
        const res = await request(t.app.getHttpServer())
          .get('/favicon.ico')
          .set('Host', slug ? `${slug}.localhost` : 'localhost')
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(res.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
        const maxAge = Number(/max-age=(\d+)/.exec(res.headers['cache-control'] ?? '')?.[1]);
        expect(maxAge).toBeGreaterThanOrEqual(86_400);
        const body = res.body as Buffer;
        // An ICO: reserved 0, type 1, at least one image.
        expect(body.readUInt16LE(0)).toBe(0);
        expect(body.readUInt16LE(2)).toBe(1);
        expect(body.readUInt16LE(4)).toBeGreaterThanOrEqual(1);
      }
      const page = await t.agent('gent').get('/').expect(200);
      expect(page.text).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    });
  });
});
