import type { EntityManager } from 'typeorm';
import { Membership } from '../src/auth/entities/membership.entity';
import type { Cafe } from '../src/cafes/common/entities/cafe.entity';
import { CafeFollow } from '../src/cafes/follows/entities/cafe-follow.entity';
import { FollowsService } from '../src/cafes/follows/follows.service';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { launchBrowser, newCheckedContext } from './support/browser';
import { cafeInput, cafeFixtures } from './support/cafes';
import { csrfFrom, logIn } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Mantelzorgcafés, slice 3: "mijn herinneringen", where a member chooses their default for café
 * reminders and an exception per followed café, and the line on the café page.
 */
type Agent = ReturnType<TestApp['agent']>;
const PATH = '/mijn-herinneringen';

describe('café reminder settings', () => {
  let t: TestApp;
  let gent: Tenant;
  let gentId: TenantId;
  let ieperCafe: Cafe;
  let babbelhoek: Cafe;
  let zonnehoek: Cafe;
  let notFollowed: Cafe;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const follows = () => t.get(FollowsService);
  /** A member who follows babbelhoek and zonnehoek, signed in on gent. */
  const follower = async (): Promise<{ member: TestMember; agent: Agent; id: string }> => {
    const member = await createMember(t, { tenant: gent, role: 'caregiver' });
    const id = member.membership!.id;
    await tx(async (em) => {
      await follows().follow(em, gentId, babbelhoek.id, id);
      await follows().follow(em, gentId, zonnehoek.id, id);
    });
    const agent = t.agent('gent');
    await logIn(agent, member);
    return { member, agent, id };
  };
  /** What is stored for the member: their default and every follow row's choice. */
  const stored = (membershipId: string) =>
    tx(async (em) => {
      const m = await em
        .getRepository(Membership)
        .findOneByOrFail({ tenantId: gentId, id: membershipId });
      const rows = await em.getRepository(CafeFollow).findBy({ tenantId: gentId, membershipId });
      return {
        own: m.cafeReminders,
        cafes: Object.fromEntries(rows.map((r) => [r.cafeId, r.reminders])),
      };
    });
  const post = async (agent: Agent, fields: Record<string, string>) => {
    const token = await csrfFrom(agent, PATH);
    return agent
      .post(PATH)
      .type('form')
      .send({ ...fields, _csrf: token });
  };

  beforeAll(async () => {
    t = await createTestApp();
    gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    const cafes = cafeFixtures(t);
    babbelhoek = (await cafes.create(
      gentId,
      cafeInput({ slug: 'babbelhoek', name: 'Mantelzorgcafé De Babbelhoek' }),
    ))!;
    zonnehoek = (await cafes.create(
      gentId,
      cafeInput({ slug: 'zonnehoek', name: 'Mantelzorgcafé De Zonnehoek' }),
    ))!;
    notFollowed = (await cafes.create(
      gentId,
      cafeInput({ slug: 'anderhoek', name: 'Mantelzorgcafé Elders' }),
    ))!;
    ieperCafe = (await cafes.create(
      asTenantId(ieper.id),
      cafeInput({ slug: 'ieper-cafe', name: 'Mantelzorgcafé Ieper' }),
    ))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends anonymous visitors to the login page', async () => {
    const res = await t.agent('gent').get(PATH).expect(303);
    expect(res.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(PATH)}`);
    await t.agent('gent').post(PATH).type('form').send({ default: 'none' }).expect(403);
  });

  it('is for members of this municipality only', async () => {
    const outsider = await createMember(t, {}); // an account without a membership in gent
    const agent = t.agent('gent');
    await logIn(agent, outsider);
    await agent.get(PATH).expect(403);
  });

  it('shows the default and a select per followed café, with the explanation', async () => {
    const { agent } = await follower();
    const res = await agent.get(PATH).expect(200);
    expect(res.text).toContain('<h1>Herinneringen voor de cafés</h1>');
    expect(res.text).toContain('meestal 7 dagen en 1 dag vooraf');
    expect(res.text).toContain('een link om de herinneringen te stoppen');
    expect(res.text).toMatch(/<fieldset id="default"[^>]*>\s*<legend>/);
    expect(res.text).toMatch(/name="default" value="all" checked/);
    expect(res.text).toContain('Van elke bijeenkomst van de cafés die ik volg');
    expect(res.text).toContain(`<select id="cafe-${babbelhoek.id}" name="cafe-${babbelhoek.id}"`);
    expect(res.text).toContain(`<select id="cafe-${zonnehoek.id}" name="cafe-${zonnehoek.id}"`);
    expect(res.text).toContain('Herinneringen van Mantelzorgcafé De Babbelhoek');
    expect(res.text).not.toContain(notFollowed.id);
    expect(res.text).not.toContain('Mantelzorgcafé Elders');
    expect(res.text).toContain('<option value="default" selected>Zoals hierboven</option>');
    expect(res.text).toContain('name="_csrf"');
  });

  it('says so when the member follows no café', async () => {
    const member = await createMember(t, { tenant: gent, role: 'caregiver' });
    const agent = t.agent('gent');
    await logIn(agent, member);
    const res = await agent.get(PATH).expect(200);
    expect(res.text).toContain('Je volgt nog geen café.');
    expect(res.text).not.toContain('<select');
  });

  it('saves the default and every café in one go, then shows them again', async () => {
    const { agent, id } = await follower();
    const res = await post(agent, {
      default: 'signed_up',
      [`cafe-${babbelhoek.id}`]: 'none',
      [`cafe-${zonnehoek.id}`]: 'all',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(PATH);
    expect(await stored(id)).toEqual({
      own: 'signed_up',
      cafes: { [babbelhoek.id]: 'none', [zonnehoek.id]: 'all' },
    });
    const page = await agent.get(PATH).expect(200);
    expect(page.text).toContain('Je keuzes voor de herinneringen zijn bewaard.');
    expect(page.text).toMatch(/name="default" value="signed_up" checked/);
    expect(page.text).toMatch(
      new RegExp(
        `name="cafe-${babbelhoek.id}"[^>]*>\\s*<option value="default">[^<]*</option><option value="all">[^<]*</option><option value="signed_up">[^<]*</option><option value="none" selected>`,
      ),
    );

    // Back to "as above".
    await post(agent, { default: 'all', [`cafe-${babbelhoek.id}`]: 'default' }).then((r) =>
      expect(r.status).toBe(303),
    );
    expect(await stored(id)).toEqual({
      own: 'all',
      cafes: { [babbelhoek.id]: 'default', [zonnehoek.id]: 'all' },
    });
  });

  it('the café page says which reminders the follower gets, with a link to change them', async () => {
    const { agent, id } = await follower();
    const cafePage = () => agent.get(`/cafes/${babbelhoek.slug}`).expect(200);
    expect((await cafePage()).text).toContain(
      'Je krijgt een herinnering voor elke bijeenkomst van dit café.',
    );
    expect((await cafePage()).text).toContain(
      '<a href="/mijn-herinneringen">Herinneringen aanpassen</a>',
    );
    await tx((em) => follows().setDefaultReminders(em, gentId, id, 'signed_up'));
    expect((await cafePage()).text).toContain(
      'Je krijgt alleen een herinnering voor bijeenkomsten waarvoor je ingeschreven bent.',
    );
    await tx((em) => follows().setCafeReminders(em, gentId, babbelhoek.id, id, 'none'));
    expect((await cafePage()).text).toContain('Je krijgt geen herinneringen van dit café.');

    // Not following: no line; anonymous: no line.
    const other = await agent.get(`/cafes/${notFollowed.slug}`).expect(200);
    expect(other.text).not.toContain('Herinneringen aanpassen');
    const anon = await t.agent('gent').get(`/cafes/${babbelhoek.slug}`).expect(200);
    expect(anon.text).not.toContain('Herinneringen aanpassen');

    const mine = await agent.get('/mijn-aanmeldingen').expect(200);
    expect(mine.text).toContain(
      '<a href="/mijn-herinneringen">Kies van welke bijeenkomsten je een herinnering krijgt</a>',
    );
  });

  it('refuses a café the member does not follow, or of another municipality, and changes nothing', async () => {
    const { agent, id } = await follower();
    const before = await stored(id);
    for (const foreign of [notFollowed.id, ieperCafe.id, 'geen-uuid', '']) {
      const res = await post(agent, {
        default: 'none',
        [`cafe-${babbelhoek.id}`]: 'none',
        [`cafe-${foreign}`]: 'all',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Fout: Herinneringen voor de cafés');
      expect(res.text).toContain('Er is een probleem');
      expect(res.text).toContain(
        '<a href="#cafes">Je volgt een café uit dit formulier niet (meer). Er is niets bewaard.',
      );
      // The choices are kept.
      expect(res.text).toMatch(/name="default" value="none" checked/);
      expect(res.text).toMatch(
        new RegExp(
          `name="cafe-${babbelhoek.id}"[^>]*>(\\s*<option[^>]*>[^<]*</option>)*?<option value="none" selected>`,
        ),
      );
      expect(res.text).not.toContain(`cafe-${ieperCafe.id}`);
      expect(res.text).not.toContain('Mantelzorgcafé Ieper');
    }
    expect(await stored(id)).toEqual(before);
    // No follow row was made for the other cafés.
    const rows = await tx((em) =>
      em.getRepository(CafeFollow).countBy({ tenantId: gentId, cafeId: notFollowed.id }),
    );
    expect(rows).toBe(0);
  });

  it('refuses values outside the lists with a Dutch message and keeps the other choices', async () => {
    const { agent, id } = await follower();
    const before = await stored(id);
    const res = await post(agent, {
      default: 'signed_up',
      [`cafe-${babbelhoek.id}`]: 'altijd',
      [`cafe-${zonnehoek.id}`]: 'none',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain(
      `<a href="#cafe-${babbelhoek.id}">Kies in de lijst welke herinneringen je wilt van Mantelzorgcafé De Babbelhoek.</a>`,
    );
    expect(res.text).toContain(`id="cafe-${babbelhoek.id}-error"`);
    expect(res.text).toMatch(/name="default" value="signed_up" checked/);
    expect(res.text).toMatch(
      new RegExp(
        `name="cafe-${zonnehoek.id}"[^>]*>(\\s*<option[^>]*>[^<]*</option>)*?<option value="none" selected>`,
      ),
    );

    const noDefault = await post(agent, { [`cafe-${zonnehoek.id}`]: 'none' });
    expect(noDefault.status).toBe(400);
    expect(noDefault.text).toContain(
      '<a href="#default">Kies van welke bijeenkomsten je een herinnering wilt.</a>',
    );
    const badDefault = await post(agent, { default: 'default' });
    expect(badDefault.status).toBe(400);
    expect(badDefault.text).toContain('Kies van welke bijeenkomsten je een herinnering wilt.');
    // A field sent twice is not one of the choices either (and never a 500).
    const token = await csrfFrom(agent, PATH);
    const twice = await agent
      .post(PATH)
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&default=all&default=none`);
    expect(twice.status).toBe(400);
    expect(await stored(id)).toEqual(before);
  });

  it('refuses a post without the CSRF token', async () => {
    const { agent, id } = await follower();
    const before = await stored(id);
    await agent.get(PATH).expect(200);
    await agent
      .post(PATH)
      .type('form')
      .send({ default: 'none', [`cafe-${babbelhoek.id}`]: 'none' })
      .expect(403);
    await agent.post(PATH).type('form').send({ default: 'none', _csrf: 'nep' }).expect(403);
    expect(await stored(id)).toEqual(before);
  });

  it('the page and its error state pass the accessibility scan', async () => {
    const { member } = await follower();
    const browser = await launchBrowser();
    try {
      const { context, scan } = await newCheckedContext(browser);
      const page = await context.newPage();
      await page.goto(t.url('gent', '/inloggen'));
      await page.getByLabel('E-mailadres').fill(member.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(member.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/inloggen'));
      await page.goto(t.url('gent', PATH));
      await scan(page);
      await page.getByLabel('Alleen van bijeenkomsten waarvoor ik ingeschreven ben').check();
      await page
        .getByLabel('Herinneringen van Mantelzorgcafé De Zonnehoek')
        .selectOption({ label: 'Geen' });
      await Promise.all([
        page.waitForURL((u) => u.pathname === PATH),
        page.getByRole('button', { name: 'Keuzes bewaren' }).click(),
      ]);
      await page.getByText('Je keuzes voor de herinneringen zijn bewaard.').waitFor();
      await scan(page);
      // A tampered select: the error state.
      await page
        .locator(`select[name="cafe-${babbelhoek.id}"] option[value="all"]`)
        .evaluate((o: { value: string }) => (o.value = 'altijd'));
      await page
        .getByLabel('Herinneringen van Mantelzorgcafé De Babbelhoek')
        .selectOption({ label: 'Elke bijeenkomst' });
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('button', { name: 'Keuzes bewaren' }).click(),
      ]);
      await page.locator('.error-summary').waitFor();
      expect(await page.title()).toMatch(/^Fout: /);
      await scan(page);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
