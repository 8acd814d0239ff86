import type { EntityManager } from 'typeorm';
import { WishVote } from '../src/cafes/wishes/entities/wish-vote.entity';
import { Wish } from '../src/cafes/wishes/entities/wish.entity';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { cafeInput, cafeFixtures } from './support/cafes';
import { csrfFrom, logIn, submitForm } from './support/csrf';
import { createMember, createTenant, type TestMember } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Theme wishes: a member proposes a theme or speaker (validated in Dutch, input kept), everyone
 * signed in votes once per wish (also when two votes race) and can withdraw; anonymous visitors
 * read but cannot vote; another municipality's café or wish is 404.
 */
type Agent = ReturnType<TestApp['agent']>;

describe('theme wishes', () => {
  let t: TestApp;
  let gentId: TenantId;
  let ieperId: TenantId;
  let caregiver: TestMember;
  let other: TestMember;
  let agent: Agent;
  let otherAgent: Agent;
  let ieperWish: Wish;

  const tx = <T>(work: (em: EntityManager) => Promise<T>): Promise<T> =>
    t.get(TenantTransaction).run(gentId, work);
  const votes = (wishId: string) =>
    tx((em) => em.getRepository(WishVote).countBy({ tenantId: gentId, wishId }));
  const wishByText = (text: string) =>
    tx((em) => em.getRepository(Wish).findOneByOrFail({ tenantId: gentId, text }));

  beforeAll(async () => {
    t = await createTestApp({ worker: false });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    const ieper = await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    ieperId = asTenantId(ieper.id);
    caregiver = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'An' });
    other = await createMember(t, { tenant: gent, role: 'caregiver', displayName: 'Bert' });
    const ieperMember = await createMember(t, { tenant: ieper, role: 'caregiver' });
    const cafes = cafeFixtures(t);
    await cafes.create(gentId, cafeInput({ slug: 'babbelhoek' }));
    const ieperCafe = (await cafes.create(ieperId, cafeInput({ slug: 'ieper-cafe' })))!;
    ieperWish = await t.get(TenantTransaction).run(ieperId, (em) =>
      em.getRepository(Wish).save(
        em.getRepository(Wish).create({
          tenantId: ieperId,
          cafeId: ieperCafe.id,
          membershipId: ieperMember.membership!.id,
          kind: 'theme',
          text: 'Geheim thema uit Ieper',
        }),
      ),
    );
    agent = t.agent('gent');
    otherAgent = t.agent('gent');
    await logIn(agent, caregiver);
    await logIn(otherAgent, other);
  });
  afterAll(() => t?.close());

  it('proposes a theme: it shows on the café page with the proposer’s vote', async () => {
    const res = await submitForm(agent, '/cafes/babbelhoek/wensen', {
      kind: 'theme',
      text: '  Omgaan met dementie thuis  ',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/cafes/babbelhoek/wensen');
    const wish = await wishByText('Omgaan met dementie thuis');
    expect(wish).toMatchObject({ kind: 'theme', status: 'open' });
    expect(await votes(wish.id)).toBe(1);
    const page = await t.agent('gent').get('/cafes/babbelhoek').expect(200);
    expect(page.text).toContain('Omgaan met dementie thuis');
    expect(page.text).toContain('1 stem');
  });

  it('refuses an empty or too long proposal in Dutch and keeps what was typed', async () => {
    const long = 'x'.repeat(201);
    const res = await submitForm(agent, '/cafes/babbelhoek/wensen', {
      kind: 'speaker',
      text: long,
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Fout: ');
    expect(res.text).toContain('Je voorstel mag hoogstens 200 tekens lang zijn.');
    expect(res.text).toContain(`value="${long}"`);
    expect(res.text).toMatch(/value="speaker" checked/);
    const bad = await submitForm(agent, '/cafes/babbelhoek/wensen', { kind: 'iets', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Kies of je een thema of een spreker voorstelt.');
    expect(bad.text).toContain('Schrijf je voorstel in een paar woorden.');
    expect(await tx((em) => em.getRepository(Wish).countBy({ tenantId: gentId }))).toBe(1);
  });

  it('counts one vote per person: voting twice changes nothing; withdrawing removes it', async () => {
    const wish = await wishByText('Omgaan met dementie thuis');
    const csrf = await csrfFrom(otherAgent, '/cafes/babbelhoek/wensen');
    const vote = () =>
      otherAgent
        .post(`/cafes/babbelhoek/wensen/${wish.id}/stem`)
        .type('form')
        .send({ _csrf: csrf, terug: 'cafe' });
    expect((await vote()).headers.location).toBe('/cafes/babbelhoek#wensen');
    await vote().expect(303);
    expect(await votes(wish.id)).toBe(2);
    const page = await otherAgent.get('/cafes/babbelhoek').expect(200);
    expect(page.text).toContain('2 stemmen');
    expect(page.text).toContain('Stem intrekken');

    await otherAgent
      .post(`/cafes/babbelhoek/wensen/${wish.id}/intrekken`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(await votes(wish.id)).toBe(1);
  });

  it('two votes at the same moment by the same person count once (no 500)', async () => {
    const wish = await wishByText('Omgaan met dementie thuis');
    const csrf = await csrfFrom(otherAgent, '/cafes/babbelhoek/wensen');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        otherAgent
          .post(`/cafes/babbelhoek/wensen/${wish.id}/stem`)
          .type('form')
          .send({ _csrf: csrf }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(303));
    expect(await votes(wish.id)).toBe(2);
  });

  it('anonymous visitors see the wishes and a login link, but cannot vote', async () => {
    const wish = await wishByText('Omgaan met dementie thuis');
    const anon = t.agent('gent');
    const page = await anon.get('/cafes/babbelhoek/wensen').expect(200);
    expect(page.text).toContain('Omgaan met dementie thuis');
    expect(page.text).toContain('Log in om te stemmen');
    expect(page.text).not.toContain('/stem"');
    expect(page.headers['set-cookie']).toBeUndefined();
    const res = await anon.post(`/cafes/babbelhoek/wensen/${wish.id}/stem`).type('form').send({});
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.status).not.toBe(500);
    expect(await votes(wish.id)).toBe(2);
  });

  it('another municipality’s café or wish is 404, and nothing is written', async () => {
    await t.agent('gent').get('/cafes/ieper-cafe/wensen').expect(404);
    const csrf = await csrfFrom(agent, '/cafes/babbelhoek/wensen');
    await agent
      .post(`/cafes/babbelhoek/wensen/${ieperWish.id}/stem`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
    await agent
      .post('/cafes/babbelhoek/wensen/not-a-uuid/stem')
      .type('form')
      .send({ _csrf: csrf })
      .expect(404);
    await agent
      .post('/cafes/ieper-cafe/wensen')
      .type('form')
      .send({ _csrf: csrf, kind: 'theme', text: 'Iets nieuws' })
      .expect(404);
    const ieperVotes = await t
      .get(TenantTransaction)
      .run(ieperId, (em) => em.getRepository(WishVote).countBy({ tenantId: ieperId }));
    expect(ieperVotes).toBe(0);
  });
});
