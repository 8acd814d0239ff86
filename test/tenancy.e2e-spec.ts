import { createTenant } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

describe('tenancy: hosts, home pages, health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createTenant(t, {
      slug: 'poperinge',
      name: 'Poperinge',
      welcomeText: 'Elke eerste dinsdag is er Mantelzorgcafé.',
      contactPhone: '057 34 66 00',
    });
    await createTenant(t, { slug: 'veurne', name: 'Veurne', status: 'suspended' });
    await createTenant(t, { slug: 'ieper', name: 'Ieper' });
  });
  afterAll(() => t.close());

  it("shows a municipality's Dutch home page on its subdomain, without a cookie", async () => {
    const res = await t.agent('poperinge').get('/').expect(200);
    expect(res.text).toContain('<html lang="nl">');
    expect(res.text).toContain('Welkom bij de Mantelzorghub van Poperinge');
    expect(res.text).toContain('Elke eerste dinsdag is er Mantelzorgcafé.');
    expect(res.text).toContain('057 34 66 00');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('serves the brand colour as CSS', async () => {
    const res = await t.agent('poperinge').get('/brand.css').expect(200);
    expect(res.text).toMatch(/--brand:#[0-9a-f]{6}/);
  });

  it('answers an unknown subdomain with a friendly Dutch 404 that lists the municipalities', async () => {
    const res = await t.agent('nergensdorp').get('/').expect(404);
    expect(res.text).toContain('Deze gemeente vonden we niet');
    expect(res.text).toContain('http://poperinge.localhost');
    expect(res.text).not.toContain('Veurne'); // suspended ones are not listed
  });

  it('answers a suspended municipality with 503, Retry-After and a clear page', async () => {
    const res = await t.agent('veurne').get('/').expect(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.text).toContain('Veurne is tijdelijk niet beschikbaar');
  });

  it('shows the platform site with the participating municipalities', async () => {
    const res = await t.agent(null).get('/').expect(200);
    expect(res.text).toContain('Deze gemeenten doen mee');
    expect(res.text).toContain('Poperinge');
  });

  it('gives a Dutch 404 page for an unknown path', async () => {
    const res = await t.agent('poperinge').get('/bestaat-niet').expect(404);
    expect(res.text).toContain('Deze pagina bestaat niet');
  });

  it('does not expose platform routes on a municipality host, in any spelling of the prefix', async () => {
    // Express routes case-insensitively: /_PLATFORM/aanvragen is the platform's request form.
    const paths = [
      '/_platform',
      '/_platform/',
      '/_platform/aanvragen',
      '/_platform/beheer',
      '/_PLATFORM',
      '/_PLATFORM/aanvragen',
      '/_Platform/beheer',
      '/%5Fplatform/aanvragen',
      '/%5fPLATFORM',
      '//_platform/aanvragen',
    ];
    for (const path of paths) {
      const res = await t.agent('poperinge').get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).toContain('Deze pagina bestaat niet');
      expect(res.text).not.toContain('Start een Mantelzorghub in jouw gemeente');
      expect(res.text).not.toContain('Beheer van het platform');
    }
    // The platform host still has its pages (the positive control).
    const own = await t.agent(null).get('/aanvragen').expect(200);
    expect(own.text).toContain('Start een Mantelzorghub in jouw gemeente');
  });

  it('ignores X-Forwarded-Host from a peer that is not a configured proxy', async () => {
    expect(t.config.TRUSTED_PROXIES).toBeFalsy();
    const res = await t
      .agent('poperinge')
      .get('/')
      .set('X-Forwarded-Host', 'ieper.localhost')
      .expect(200);
    expect(res.text).toContain('Welkom bij de Mantelzorghub van Poperinge');
    expect(res.text).not.toContain('Ieper');
    // Not even towards the platform site or a suspended hub.
    await t.agent('poperinge').get('/').set('X-Forwarded-Host', 'localhost').expect(200);
    await t.agent('poperinge').get('/').set('X-Forwarded-Host', 'veurne.localhost').expect(200);

    // The control: a node behind a configured proxy (loopback) does follow the header.
    const proxied = await createTestApp({
      sameDeploymentAs: t,
      worker: false,
      env: { TRUSTED_PROXIES: 'loopback' },
    });
    try {
      const res = await proxied
        .agent('poperinge')
        .get('/')
        .set('X-Forwarded-Host', 'ieper.localhost')
        .expect(200);
      expect(res.text).toContain('Welkom bij de Mantelzorghub van Ieper');
    } finally {
      await proxied.close();
    }
  });

  it('answers health checks on every host', async () => {
    await t.agent('nergensdorp').get('/healthz').expect(200, { status: 'ok' });
    const res = await t.agent('veurne').get('/readyz').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.redis.status).toBe('up');
  });
});
