import { escapeLike } from '../src/cafes/hosting/hosts.service';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { t as text } from '../src/i18n/i18n';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { cafeInput, cafeFixtures } from './support/cafes';
import { csrfIn, logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Appointing hosts in a large municipality: the core-group page searches members by name or
 * e-mail (GET, works without JavaScript) instead of listing everyone in a select.
 */
type Agent = ReturnType<TestApp['agent']>;

describe('core group: searching members to appoint', () => {
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let adminAgent: Agent;
  let cafe: Cafe;
  let host: TestMember;
  let anna: TestMember;
  let percent: TestMember;

  const page = '/beheer/cafes/babbelhoek/kerngroep';
  const search = (q: string) => adminAgent.get(`${page}?zoek=${encodeURIComponent(q)}`).expect(200);
  /** The names offered with an "Aanstellen" button. */
  const offered = (html: string) =>
    [
      ...html.matchAll(
        /Aanstellen<span class="visually-hidden"> in de kerngroep: ([^<]+)<\/span>/g,
      ),
    ].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    const admin = await createMember(t, {
      tenant: gent,
      role: 'tenant_admin',
      displayName: 'Els Beheer',
      email: 'els.beheer@gent.example.be',
    });
    host = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Anna Host',
      email: 'anna.host@example.be',
    });
    anna = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Anna Peeters',
      email: 'ap1957@telenet.example',
    });
    await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Johanna De Smet',
      email: 'jds@example.be',
    });
    percent = await createMember(t, {
      tenant: gent,
      role: 'professional',
      displayName: 'Korting 100% Zorg_team',
      email: 'zorg_team@example.be',
    });
    await createMember(t, {
      tenant: ieper,
      role: 'caregiver',
      displayName: 'Anna Ieper',
      email: 'anna.ieper@example.be',
    });
    const cafes = cafeFixtures(t);
    cafe = (await cafes.create(gentId, cafeInput({ slug: 'babbelhoek' })))!;
    await t
      .get(TenantTransaction)
      .run(gentId, (em) => cafes.addHost(em, gentId, cafe.id, host.membership!.id));
    adminAgent = t.agent('gent');
    await logIn(adminAgent, admin);
  });
  afterAll(() => t?.close());

  it('shows a search field, no list of all members', async () => {
    const res = await adminAgent.get(page).expect(200);
    expect(res.text).toContain('<form method="get" action="/beheer/cafes/babbelhoek/kerngroep"');
    expect(res.text).toContain(text('cafes.hosts.search'));
    expect(res.text).not.toContain('<select');
    expect(offered(res.text)).toEqual([]);
    expect(res.text).not.toContain('Anna Peeters');
  });

  it('finds by part of the name, case-insensitively, without hosts and other municipalities', async () => {
    const res = await search('ANNA');
    // Anna Host is a host already; Anna Ieper lives in another municipality.
    expect(offered(res.text)).toEqual(['Anna Peeters', 'Johanna De Smet']);
    expect(res.text).toContain('ap1957@telenet.example');
    expect(res.text).not.toContain('anna.ieper@example.be');
    expect(res.text).toContain(text('cafes.hosts.results', { query: 'ANNA' }));
    expect(res.text).toContain('value="ANNA"');
  });

  it('finds by part of the e-mail address', async () => {
    expect(offered((await search('telenet')).text)).toEqual(['Anna Peeters']);
    expect(offered((await search('@example.be')).text)).toEqual([
      'Johanna De Smet',
      'Korting 100% Zorg_team',
    ]);
  });

  it('treats % and _ as plain characters', async () => {
    expect(offered((await search('%%')).text)).toEqual([]);
    expect(offered((await search('0%')).text)).toEqual(['Korting 100% Zorg_team']);
    expect(offered((await search('g_t')).text)).toEqual(['Korting 100% Zorg_team']);
    expect(offered((await search('__')).text)).toEqual([]);
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(percent.membership).toBeTruthy();
  });

  it('says so when nothing matches, and asks for at least 2 characters', async () => {
    const none = await search('Zzyzx');
    expect(none.text).toContain(text('cafes.hosts.results.none', { query: 'Zzyzx' }));
    for (const q of ['a', ' ', '']) {
      const short = await search(q);
      expect(short.text).toContain(text('cafes.hosts.search.tooShort'));
      expect(short.text).toContain('href="#zoek"');
      expect(short.text).toMatch(/<title>Fout: /);
      expect(offered(short.text)).toEqual([]);
    }
  });

  it('shows at most 20 and says there are more', async () => {
    for (let i = 0; i < 21; i++)
      await createMember(t, {
        tenant: gent,
        role: 'caregiver',
        displayName: `Veel Leden ${String(i).padStart(2, '0')}`,
      });
    const res = await search('veel leden');
    expect(offered(res.text)).toHaveLength(20);
    expect(res.text).toContain(text('cafes.hosts.results.more', { count: 20 }));
  });

  it('appoints from the results (POST with CSRF), then the person is no longer offered', async () => {
    const results = await search('Peeters');
    const res = await adminAgent
      .post(page)
      .type('form')
      .send({ _csrf: csrfIn(results.text), membershipId: anna.membership!.id });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(page);
    const after = await adminAgent.get(page).expect(200);
    expect(after.text).toContain(text('cafes.hosts.added', { name: 'Anna Peeters' }));
    expect(offered((await search('Peeters')).text)).toEqual([]);

    const bad = await submitForm(adminAgent, page, { membershipId: 'geen-id' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(text('cafes.hosts.pick'));
    expect(bad.text).toContain('href="#zoek"');
    // A valid id beside a field the input guard refuses: the page again, nobody appointed.
    const other = await createMember(t, {
      tenant: gent,
      role: 'caregiver',
      displayName: 'Nog Niet',
    });
    const refused = await submitForm(adminAgent, page, {
      membershipId: other.membership!.id,
      zoek: 'Nog\u0000',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#zoek"');
    expect(refused.text).toContain(
      '<form method="get" action="/beheer/cafes/babbelhoek/kerngroep"',
    );
    expect(offered((await search('Nog Niet')).text)).toEqual(['Nog Niet']); // not appointed
    // Every form on the page (also "remove from the core group") carries the session's token.
    const hostsPage = await adminAgent.get(page).expect(200);
    expect(hostsPage.text).toContain('verwijderen" class="inline-form">');
    expect(hostsPage.text).not.toContain('name="_csrf" value=""');
  });
});
