import { DataSource } from 'typeorm';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { GeneralGuideVote } from '../src/guide/common/entities/general-guide-vote.entity';
import { LocalGuideVote } from '../src/guide/common/entities/local-guide-vote.entity';
import { t as text } from '../src/i18n/i18n';
import { RedisConnections } from '../src/redis/redis.module';
import { logIn } from './support/csrf';
import { createMember, createTenant } from './support/factories';
import { guideFixtures } from './support/guide-pages';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, hostFor, type TestApp } from './support/test-app';

/**
 * "Was dit nuttig? ja / nee" under a guide page, without an account and without a cookie: the
 * page carries a signed token, the answer is taken only from a page of the same host, one
 * visitor's answers about one page on one day fold into one row (an HMAC of IP, browser and page
 * under a key Redis keeps for that day), a "nee" may add a comment that only the page's editors
 * read (the platform's for a general page, with the hub; the hub's for its own page).
 */
type Agent = ReturnType<TestApp['agent']>;

const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1];
const HOUR = 3600_000;

describe('guide feedback', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let gentId: TenantId;
  let platform: Agent;
  let gentAdmin: Agent;

  const generalVotes = () =>
    t.app
      .get(DataSource)
      .getRepository(GeneralGuideVote)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
  const localVotes = () =>
    t
      .get(TenantTransaction)
      .run(gentId, (em) => em.getRepository(LocalGuideVote).find({ order: { createdAt: 'ASC' } }));

  /** Reads the page like a browser and answers its form: the page's token and this host's Origin. */
  async function answer(
    agent: Agent,
    path: string,
    fields: Record<string, string>,
    opts: { origin?: string | null; ua?: string; step?: 'nuttig' | 'reactie'; token?: string } = {},
  ) {
    const page = await agent
      .get(path)
      .set('User-Agent', opts.ua ?? 'Firefox')
      .expect(200);
    const action = `/a${path}/${opts.step ?? 'nuttig'}`;
    const req = agent.post(action).set('User-Agent', opts.ua ?? 'Firefox');
    const origin = opts.origin === undefined ? `http://${hostFor('gent')}` : opts.origin;
    if (origin !== null) req.set('Origin', origin);
    return req.type('form').send({ token: opts.token ?? tokenIn(page.text), ...fields });
  }

  beforeAll(async () => {
    t = await createTestApp({ worker: false, clock });
    const gent = await createTenant(t, { slug: 'gent', name: 'Gent' });
    await createTenant(t, { slug: 'ieper', name: 'Ieper' });
    gentId = asTenantId(gent.id);
    const pages = guideFixtures(t);
    await pages.general({ title: 'Wat is kortverblijf?', slug: 'kortverblijf' });
    await pages.general({ title: 'Wat is dagopvang?', slug: 'dagopvang' });
    await pages.local(gentId, { title: 'Poetshulp in Gent', slug: 'poetshulp' });
    platform = t.agent(null);
    await logIn(platform, await createMember(t, { platformAdmin: true }));
    gentAdmin = t.agent('gent');
    await logIn(gentAdmin, await createMember(t, { tenant: gent, role: 'tenant_admin' }));
  });
  afterAll(() => t?.close());

  it('asks on the page with a token and gives no cookie, not on reading nor on answering', async () => {
    const reader = t.agent('gent');
    const page = await reader.get('/wegwijzer/kortverblijf').expect(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    // so that browsers send this host as the form's Origin ("no-referrer" would make it "null")
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.text).toContain('<h2 id="nuttig">Was dit nuttig?</h2>');
    expect(page.text).toContain('action="/a/wegwijzer/kortverblijf/nuttig"');
    expect(page.text).not.toContain('name="_csrf"');
    const res = await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'ja' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/wegwijzer/kortverblijf?bedankt=1#nuttig');
    expect(res.headers['set-cookie']).toBeUndefined();
    const thanked = await reader.get(res.headers.location).expect(200);
    expect(thanked.text).toContain(text('guide.feedback.thanks'));
    expect(thanked.text).not.toContain('action="/a/wegwijzer/kortverblijf/nuttig"');
    expect(await generalVotes()).toMatchObject([
      { hubTenantId: gentId, day: '2027-05-12', useful: true, comment: null },
    ]);
  });

  it('folds one visitor’s answers about one page on one day; another browser, page or day counts apart', async () => {
    const reader = t.agent('gent');
    // the same visitor (IP and browser) changes their mind: still one row, now a "nee"
    const nee = await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'nee' });
    expect(nee.status).toBe(200);
    let votes = await generalVotes();
    expect(votes).toHaveLength(1);
    expect(votes[0].useful).toBe(false);
    // another browser, another page: rows of their own
    await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'ja' }, { ua: 'Safari' });
    await answer(reader, '/wegwijzer/dagopvang', { nuttig: 'ja' });
    votes = await generalVotes();
    expect(votes).toHaveLength(3);
    expect(new Set(votes.map((v) => v.voterHash)).size).toBe(3);
    // the next day the same visitor counts again, under a new day's key
    clock.set(new Date(ORDINARY_NOW.getTime() + 24 * HOUR));
    try {
      await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'ja' });
      votes = await generalVotes();
      expect(votes).toHaveLength(4);
      expect(votes[3]).toMatchObject({ day: '2027-05-13', useful: true });
      expect(votes[3].voterHash).not.toBe(votes[0].voterHash);
    } finally {
      clock.set(ORDINARY_NOW);
    }
    // a day's key is kept about a day, never longer
    const redis = t.get(RedisConnections);
    const ttl = await redis.command.ttl(redis.key('anonymous:day-key:2027-05-12'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(26 * 3600);
  });

  it('after a "nee" asks what the reader was looking for; the comment reaches the editors only', async () => {
    const reader = t.agent('gent');
    const nee = await answer(reader, '/wegwijzer/dagopvang', { nuttig: 'nee' }, { ua: 'Edge' });
    expect(nee.status).toBe(200);
    expect(nee.text).toContain('action="/a/wegwijzer/dagopvang/reactie"');
    const long = await reader
      .post('/a/wegwijzer/dagopvang/reactie')
      .set('User-Agent', 'Edge')
      .set('Origin', `http://${hostFor('gent')}`)
      .type('form')
      .send({ token: tokenIn(nee.text), comment: `Ik zocht ${'x'.repeat(500)}` });
    expect(long.status).toBe(400);
    expect(long.text).toContain(escaped(text('guide.feedback.error.commentTooLong', { max: 500 })));
    expect(long.text).toContain('Ik zocht xxxx');
    const sent = await reader
      .post('/a/wegwijzer/dagopvang/reactie')
      .set('User-Agent', 'Edge')
      .set('Origin', `http://${hostFor('gent')}`)
      .type('form')
      .send({ token: tokenIn(nee.text), comment: 'Ik zocht de prijs <per dag>.' });
    expect(sent.status).toBe(303);
    const mine = (await generalVotes()).filter((v) => v.comment);
    expect(mine).toMatchObject([{ useful: false, comment: 'Ik zocht de prijs <per dag>.' }]);
    // never published
    const page = await reader.get('/wegwijzer/dagopvang').expect(200);
    expect(page.text).not.toContain('Ik zocht de prijs');
    // the platform's editors: counts per page and the comment with its hub, escaped
    const feedback = await platform.get('/beheer/wegwijzer/reacties').expect(200);
    expect(feedback.text).toContain('Ik zocht de prijs &lt;per dag&gt;.');
    expect(feedback.text).toContain(' · Gent</p>');
    expect(feedback.text).toMatch(/<td>Wat is kortverblijf\?<\/td><td>2<\/td><td>1<\/td>/);
    expect(feedback.text).toMatch(/<td>Wat is dagopvang\?<\/td><td>1<\/td><td>1<\/td>/);
  });

  it('counts a hub page’s answers for the hub’s editors', async () => {
    const reader = t.agent('gent');
    const nee = await answer(reader, '/wegwijzer/lokaal/poetshulp', { nuttig: 'nee' });
    expect(nee.text).toContain('action="/a/wegwijzer/lokaal/poetshulp/reactie"');
    await answer(
      reader,
      '/wegwijzer/lokaal/poetshulp',
      { comment: 'Welk nummer moet ik bellen?' },
      { step: 'reactie', token: tokenIn(nee.text) },
    );
    expect(await localVotes()).toMatchObject([
      { tenantId: gentId, useful: false, comment: 'Welk nummer moet ik bellen?' },
    ]);
    const feedback = await gentAdmin.get('/beheer/wegwijzer/reacties').expect(200);
    expect(feedback.text).toContain('Welk nummer moet ik bellen?');
    expect(feedback.text).toMatch(/<td>Poetshulp in Gent<\/td><td>0<\/td><td>1<\/td>/);
    // Ieper: not its page
    const ieper = t.agent('ieper');
    await ieper
      .post('/a/wegwijzer/lokaal/poetshulp/nuttig')
      .set('Origin', `http://${hostFor('ieper')}`)
      .type('form')
      .send({ token: tokenIn(nee.text), nuttig: 'ja' })
      .expect(404);
  });

  it.each([
    ['no Origin', { origin: null }, 'guide.feedback.error.origin'],
    ['another site’s Origin', { origin: 'https://evil.example' }, 'guide.feedback.error.origin'],
    [
      'another hub’s Origin',
      { origin: `http://${hostFor('ieper')}` },
      'guide.feedback.error.origin',
    ],
    ['a forged token', { token: 'abc.def' }, 'guide.feedback.error.expired'],
  ] as const)('refuses an answer with %s: 403, nothing stored', async (_name, opts, key) => {
    const before = await generalVotes();
    const res = await answer(t.agent('gent'), '/wegwijzer/kortverblijf', { nuttig: 'ja' }, opts);
    expect(res.status).toBe(403);
    expect(res.text).toContain(escaped(text(key)));
    expect(await generalVotes()).toEqual(before);
  });

  it('refuses a token for another page, another hub, or older than a day and a half', async () => {
    const before = await generalVotes();
    const reader = t.agent('gent');
    const other = tokenIn((await reader.get('/wegwijzer/dagopvang').expect(200)).text);
    const ieper = tokenIn((await t.agent('ieper').get('/wegwijzer/kortverblijf').expect(200)).text);
    for (const token of [other, ieper]) {
      const res = await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'ja' }, { token });
      expect(res.status).toBe(403);
    }
    const old = tokenIn((await reader.get('/wegwijzer/kortverblijf').expect(200)).text);
    clock.set(new Date(ORDINARY_NOW.getTime() + 37 * HOUR));
    try {
      const res = await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'ja' }, { token: old });
      expect(res.status).toBe(403);
      expect(res.text).toContain(escaped(text('guide.feedback.error.expired')));
    } finally {
      clock.set(ORDINARY_NOW);
    }
    // a bad answer: the question again with the message, nothing stored
    const bad = await answer(reader, '/wegwijzer/kortverblijf', { nuttig: 'misschien' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(escaped(text('guide.feedback.error.useful')));
    expect(bad.text).toContain('action="/a/wegwijzer/kortverblijf/nuttig"');
    expect(await generalVotes()).toEqual(before);
  });
});
