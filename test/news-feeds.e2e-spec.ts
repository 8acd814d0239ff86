import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TestClock } from '../src/common/clock';
import { asTenantId, type TenantId } from '../src/database/tenant-id';
import { TenantTransaction } from '../src/database/tenant-transaction';
import { QUEUES } from '../src/jobs/job-defaults';
import { FeedHostLimitService } from '../src/news/feeds/feed-host-limit.service';
import { FEED_JOBS, FEED_PLANNER, feedJobId } from '../src/news/feeds/feed-jobs.constants';
import { FeedJobsService } from '../src/news/feeds/feed-jobs.service';
import { DAY_MINUTES } from '../src/news/feeds/feed-schedule';
import { GENERAL_FEEDS, localFeeds } from '../src/news/feeds/feed-scope';
import { FeedsService } from '../src/news/feeds/feeds.service';
import type { Tenant } from '../src/tenancy/entities/tenant.entity';
import { logIn, submitForm } from './support/csrf';
import { eventually } from './support/eventually';
import { createMember, createTenant } from './support/factories';
import { feedFixture, startFeedServer, type FeedServer } from './support/feed-server';
import { feedFixtures, feedForm, fetched, parsedItem } from './support/news-feeds';
import { ORDINARY_NOW } from './support/nows';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * The news's feeds, at the HTTP level against the real app with its worker (and, for the
 * restart, worker nodes of their own), fetching from a local feed server
 * (test/support/feed-server.ts; 127.0.0.1 allowlisted, as NEWS_FEED_ALLOWED_HOSTS allows):
 * the admin pages (bad input, health, hide and show, delete), what a refresh stores (items,
 * nothing on a 304, a changed item updated in place), failures backing off to the daily
 * schedule with the flag, "nu vernieuwen", a refused address, and one refresh per slot
 * whatever the planners and restarts.
 */
type Agent = ReturnType<TestApp['agent']>;

const MINUTE = 60_000;
const idFrom = (location: string) => /\/beheer\/nieuws\/feeds\/([0-9a-f-]{36})$/.exec(location)![1];
const escaped = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The RSS fixture with its first item's text changed (a corrected article). */
const rssChanged = () =>
  feedFixture('rss.xml').replace(
    'stijgt naar 140 euro per maand. U hoeft niets te doen',
    'stijgt naar 145 euro per maand. U hoeft niets te doen',
  );

describe('news feeds', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let t: TestApp;
  let server: FeedServer;
  let gentId: TenantId;
  let gentTenant: Tenant;
  let admin: Agent;
  let platform: Agent;

  const db = () => t.app.get(DataSource);
  const gent = <T>(sql: string, params: unknown[] = []) =>
    t.get(TenantTransaction).run(gentId, (em) => em.query<T>(sql, params));
  const feedRow = async (id: string) =>
    (
      await gent<Record<string, unknown>[]>(
        `select failures, last_error, last_error_detail, etag, next_fetch_at, last_success_at, last_attempt_at
           from news_feeds where id = $1`,
        [id],
      )
    )[0];
  const itemsOf = (feedId: string) =>
    gent<
      {
        id: string;
        title: string;
        slug: string;
        hidden: boolean;
        updated_at: Date;
        summary: string;
      }[]
    >(
      `select id, title, slug, hidden, updated_at, summary from news_feed_items where feed_id = $1 order by published_at desc`,
      [feedId],
    );
  const refreshNow = (agent: Agent, id: string) =>
    submitForm(agent, `/beheer/nieuws/feeds/${id}`, {}, `/beheer/nieuws/feeds/${id}/vernieuwen`);
  /** A feed added through the hub's form; returns its id. */
  const addFeed = async (over: Record<string, string>) => {
    const res = await submitForm(admin, '/beheer/nieuws/feeds/nieuw', feedForm(over));
    expect(res.status).toBe(303);
    return idFrom(res.headers.location);
  };

  beforeAll(async () => {
    server = await startFeedServer({
      '/rss.xml': { file: 'rss.xml', etag: '"v1"' },
      '/kapot.xml': { status: 500, body: 'Internal Server Error' },
      '/algemeen.xml': { file: 'rss.xml' },
      '/geen-feed.html': { file: 'not-a-feed.html', headers: { 'content-type': 'text/html' } },
    });
    t = await createTestApp({ clock, env: { NEWS_FEED_ALLOWED_HOSTS: '127.0.0.1' } });
    // The tests run the planner themselves (FeedJobsService.planAt): no background runs.
    await t.app.get<Queue>(getQueueToken(QUEUES.news)).removeJobScheduler(FEED_PLANNER.id);
    gentTenant = await createTenant(t, { slug: 'gent', name: 'Gent' });
    gentId = asTenantId(gentTenant.id);
    admin = t.agent('gent');
    await logIn(admin, await createMember(t, { tenant: gentTenant, role: 'tenant_admin' }));
    platform = t.agent(null);
    await logIn(platform, await createMember(t, { platformAdmin: true }));
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  describe('the admin pages', () => {
    it('refuses bad input with a Dutch message at each field, keeps what was typed, writes nothing', async () => {
      const res = await submitForm(
        admin,
        '/beheer/nieuws/feeds/nieuw',
        feedForm({ url: 'javascript:alert("x")', name: '', refreshMinutes: '5', display: 'alles' }),
      );
      expect(res.status).toBe(400);
      expect(res.text).toContain(
        'Dit adres is niet toegelaten. Alleen adressen die beginnen met https:// of http:// kunnen.',
      );
      expect(res.text).toContain('Vul de naam van de bron in.');
      expect(res.text).toContain(
        'Vul een aantal minuten in, in cijfers: minstens 15 en hoogstens 1440.',
      );
      expect(res.text).toContain('Kies hoe de berichten op de hub staan.');
      expect(res.text).toContain(`value="${escaped('javascript:alert("x")')}"`);
      expect(res.text).toContain('value="5"');
      expect(res.text).toContain('<title>Fout: ');
      const notUrl = await submitForm(
        admin,
        '/beheer/nieuws/feeds/nieuw',
        feedForm({ url: 'www.gent.be/rss', refreshMinutes: 'elk uur' }),
      );
      expect(notUrl.status).toBe(400);
      expect(notUrl.text).toContain('Dit is geen geldig webadres.');
      expect(notUrl.text).toContain('value="elk uur"');
      expect(await gent<unknown[]>('select 1 from news_feeds')).toHaveLength(0);
    });

    it('caregivers get a 403, anonymous visitors the login page', async () => {
      const caregiver = t.agent('gent');
      await logIn(caregiver, await createMember(t, { tenant: gentTenant, role: 'caregiver' }));
      for (const path of ['/beheer/nieuws/feeds', '/beheer/nieuws/feeds/nieuw']) {
        await caregiver.get(path).expect(403);
        const anonymous = await t.agent('gent').get(path).expect(303);
        expect(anonymous.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(path)}`);
      }
    });
  });

  describe('a local feed, refreshed by the worker', () => {
    let id: string;

    it('adds a feed; the worker stores its items at once; the health shows it', async () => {
      id = await addFeed({ url: server.url('/rss.xml'), name: 'Vlaanderen.be: zorg' });
      const items = await eventually(
        async () => {
          const rows = await itemsOf(id);
          return rows.length > 0 ? rows : null;
        },
        10_000,
        'the first refresh',
      );
      expect(items.map((i) => i.title)).toContain('Respijtzorg: even op adem komen');
      expect(server.count('/rss.xml')).toBe(1);
      const row = await feedRow(id);
      expect(row).toMatchObject({ failures: 0, last_error: null, etag: '"v1"' });
      // <ttl>120</ttl> asks for less than hourly: two hours.
      expect((row.next_fetch_at as Date).getTime()).toBe(ORDINARY_NOW.getTime() + 120 * MINUTE);
      // every item's address is claimed in the one namespace
      const slugs = await db().query<{ slug: string }[]>(
        'select slug from news_slugs where hub_tenant_id = $1',
        [gentId],
      );
      expect(slugs.map((s) => s.slug).sort()).toEqual(items.map((i) => i.slug).sort());
      expect(items.map((i) => i.slug)).toContain('respijtzorg-even-op-adem-komen');

      const page = await admin.get(`/beheer/nieuws/feeds/${id}`).expect(200);
      expect(page.text).toContain('Werkt');
      expect(page.text).toContain(`${items.length} berichten`);
      expect(page.text).toContain('Laatst gelukt');
      expect(page.text).toContain('Nu vernieuwen');
      const list = await admin.get('/beheer/nieuws/feeds').expect(200);
      expect(list.text).toContain('<h1>Feeds van Gent</h1>');
      expect(list.text).toContain(`href="/beheer/nieuws/feeds/${id}"`);
      expect(list.text).toContain('Vlaanderen.be: zorg');
      // the hub's news shows them, with their source
      const news = await t.agent('gent').get('/nieuws').expect(200);
      expect(news.text).toContain('Respijtzorg: even op adem komen');
    });

    it('a second refresh answered 304 stores nothing, and sent the ETag', async () => {
      const before = await itemsOf(id);
      clock.advance(1000);
      const res = await refreshNow(admin, id);
      expect(res.status).toBe(303);
      await eventually(
        async () =>
          ((await feedRow(id)).last_attempt_at as Date).getTime() === clock.now().getTime(),
        10_000,
        'the 304 refresh',
      );
      expect(server.count('/rss.xml')).toBe(2);
      expect(server.requests('/rss.xml')[1].headers['if-none-match']).toBe('"v1"');
      expect(await itemsOf(id)).toEqual(before);
    });

    it('hides an item (gone from the hub, marked on the items page) and shows it again', async () => {
      const [first] = await itemsOf(id);
      const page = await admin.get(`/beheer/nieuws/feeds/${id}/berichten`).expect(200);
      expect(page.text).toContain(
        `action="/beheer/nieuws/feeds/${id}/berichten/${first.id}/verbergen"`,
      );
      await t.agent('gent').get(`/nieuws/${first.slug}`).expect(200);
      const hide = await submitForm(
        admin,
        `/beheer/nieuws/feeds/${id}/berichten`,
        {},
        `/beheer/nieuws/feeds/${id}/berichten/${first.id}/verbergen`,
      );
      expect(hide.status).toBe(303);
      expect((await itemsOf(id))[0].hidden).toBe(true);
      await t.agent('gent').get(`/nieuws/${first.slug}`).expect(404);
      const after = await admin.get(`/beheer/nieuws/feeds/${id}/berichten`).expect(200);
      expect(after.text).toContain('Verborgen');
      expect(after.text).toContain(
        `action="/beheer/nieuws/feeds/${id}/berichten/${first.id}/tonen"`,
      );
      // another hub's id, or no id at all: nothing
      await submitForm(
        admin,
        `/beheer/nieuws/feeds/${id}/berichten`,
        {},
        `/beheer/nieuws/feeds/${id}/berichten/bestaat-niet/tonen`,
      ).then((r) => expect(r.status).toBe(404));
    });

    it('a changed item is updated in place, not added again; a hidden one stays hidden', async () => {
      const before = await itemsOf(id);
      server.route('/rss.xml', { body: rssChanged(), etag: '"v2"' });
      clock.advance(1000);
      await refreshNow(admin, id);
      const after = await eventually(
        async () => {
          const rows = await itemsOf(id);
          return rows.some((r) => r.summary.includes('145 euro')) ? rows : null;
        },
        10_000,
        'the changed item',
      );
      expect(after).toHaveLength(before.length);
      const changed = after.find((r) => r.summary.includes('145 euro'))!;
      const was = before.find((r) => r.id === changed.id)!;
      expect(changed.slug).toBe(was.slug);
      expect(changed.hidden).toBe(was.hidden);
      // the others were not written
      for (const row of after.filter((r) => r.id !== changed.id))
        expect(row.updated_at).toEqual(before.find((r) => r.id === row.id)!.updated_at);
      expect((await feedRow(id)).etag).toBe('"v2"');
      // the hidden one (the newest) is still hidden
      expect(after[0].hidden).toBe(true);
    });

    it('deletes the feed after a confirmation: its items and their addresses go', async () => {
      const confirm = await admin.get(`/beheer/nieuws/feeds/${id}/verwijderen`).expect(200);
      expect(confirm.text).toContain('Ja, verwijder de feed en zijn berichten');
      const res = await submitForm(admin, `/beheer/nieuws/feeds/${id}/verwijderen`, {});
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/beheer/nieuws/feeds');
      expect(await itemsOf(id)).toHaveLength(0);
      expect(await gent<unknown[]>('select 1 from news_feeds where id = $1', [id])).toHaveLength(0);
      expect(
        await db().query('select slug from news_slugs where hub_tenant_id = $1', [gentId]),
      ).toEqual([]);
      await admin.get(`/beheer/nieuws/feeds/${id}`).expect(404);
    });
  });

  describe('failures', () => {
    it('back off (interval × 2^failures), the fifth flags the feed; "nu vernieuwen" takes it off the slow schedule', async () => {
      clock.set(ORDINARY_NOW);
      const id = await addFeed({ url: server.url('/kapot.xml'), name: 'Kapotte website' });
      const jobs = t.get(FeedJobsService);
      const waits: number[] = [];
      for (let n = 1; n <= 5; n++) {
        if (n > 1) {
          clock.set((await feedRow(id)).next_fetch_at as Date);
          await jobs.planAt(clock.now());
        }
        const row = await eventually(
          async () => {
            const r = await feedRow(id);
            return r.failures === n ? r : null;
          },
          10_000,
          `failure ${n}`,
        );
        expect(row).toMatchObject({ last_error: 'http_status', last_error_detail: '500' });
        waits.push(((row.next_fetch_at as Date).getTime() - clock.now().getTime()) / MINUTE);
      }
      expect(waits).toEqual([120, 240, 480, 960, DAY_MINUTES]);
      expect(server.count('/kapot.xml')).toBe(5);
      const page = await admin.get(`/beheer/nieuws/feeds/${id}`).expect(200);
      expect(page.text).toContain('Deze feed faalde 5 keer na elkaar');
      expect(page.text).toContain('De website gaf een foutmelding in plaats van de feed.');
      expect(page.text).toContain('Meer details: 500');
      const list = await admin.get('/beheer/nieuws/feeds').expect(200);
      expect(list.text).toContain('Deze feed faalde 5 keer na elkaar');

      // not due: a planner run now fetches nothing
      await jobs.planAt(clock.now());
      // the site works again; the admin presses "nu vernieuwen"
      server.route('/kapot.xml', { file: 'rss.xml' });
      clock.advance(MINUTE);
      await refreshNow(admin, id);
      const fixed = await eventually(
        async () => {
          const r = await feedRow(id);
          return r.failures === 0 && r.last_success_at ? r : null;
        },
        10_000,
        'the refresh after the fix',
      );
      expect((fixed.next_fetch_at as Date).getTime()).toBe(clock.now().getTime() + 120 * MINUTE);
      expect(server.count('/kapot.xml')).toBe(6);
      const after = await admin.get(`/beheer/nieuws/feeds/${id}`).expect(200);
      expect(after.text).not.toContain('Deze feed faalde');
      expect(after.text).toContain('Laatste fout (sindsdien opgelost)');
    });

    it('a refused address stores nothing and says "Dit adres is niet toegelaten"', async () => {
      // localhost resolves to loopback and is not allowlisted (only 127.0.0.1 is)
      const id = await addFeed({ url: server.url('/rss.xml', 'localhost'), name: 'Intern adres' });
      const row = await eventually(
        async () => {
          const r = await feedRow(id);
          return r.failures === 1 ? r : null;
        },
        10_000,
        'the refused refresh',
      );
      expect(row.last_error).toBe('refused_address');
      expect(
        server.requests('/rss.xml').filter((r) => r.host.startsWith('localhost')),
      ).toHaveLength(0);
      expect(await itemsOf(id)).toHaveLength(0);
      const page = await admin.get(`/beheer/nieuws/feeds/${id}`).expect(200);
      expect(page.text).toContain('Dit adres is niet toegelaten.');
      expect(page.text).toContain('Probleem');
    });

    it('something that is no feed: "Dit is geen RSS- of Atom-feed"', async () => {
      const id = await addFeed({ url: server.url('/geen-feed.html'), name: 'Gewone webpagina' });
      await eventually(
        async () => (await feedRow(id)).last_error === 'not_a_feed',
        10_000,
        'not a feed',
      );
      const page = await admin.get('/beheer/nieuws/feeds').expect(200);
      expect(page.text).toContain('Dit is geen RSS- of Atom-feed.');
    });
  });

  describe('general feeds on the platform', () => {
    it('a platform admin adds one; its items are stored once, for every hub', async () => {
      const res = await submitForm(
        platform,
        '/beheer/nieuws/feeds/nieuw',
        feedForm({
          url: server.url('/algemeen.xml'),
          name: 'Departement Zorg',
          display: 'volledig',
        }),
      );
      expect(res.status).toBe(303);
      const id = idFrom(res.headers.location);
      const items = await eventually(
        async () => {
          const rows = await db().query<{ slug: string }[]>(
            'select slug from general_feed_items where feed_id = $1',
            [id],
          );
          return rows.length > 0 ? rows : null;
        },
        10_000,
        'the general refresh',
      );
      const slugs = await db().query<{ slug: string }[]>(
        'select slug from news_slugs where hub_tenant_id is null',
      );
      expect(slugs.map((s) => s.slug).sort()).toEqual(items.map((i) => i.slug).sort());
      // Gent's repaired feed serves the same items: a general address is every hub's, so the
      // general items took the next free ones
      expect(items.map((i) => i.slug)).toContain('respijtzorg-even-op-adem-komen-2');
      const page = await platform.get(`/beheer/nieuws/feeds/${id}`).expect(200);
      expect(page.text).toContain('Werkt');
      // a hub's admin has no general feed pages
      await admin.get(`/beheer/nieuws/feeds/${id}`).expect(404);
    });
  });

  describe('addresses of new items', () => {
    it('items with the same title take the next free addresses, in one batch and across feeds', async () => {
      const fixtures = feedFixtures(t);
      const scope = localFeeds(gentId);
      const one = await fixtures.create(scope, { name: 'Adressen een', enabled: false });
      const two = await fixtures.create(scope, { name: 'Adressen twee', enabled: false });
      for (const feed of [one, two]) {
        await gent('update news_feeds set enabled = true where id = $1', [feed.id]);
        const same = (guid: string) =>
          parsedItem(`${feed.id}-${guid}`, { title: 'Nieuwe premie voor mantelzorgers' });
        const result = await fixtures.store(
          scope,
          feed.id,
          fetched([same('a'), same('b'), parsedItem(`${feed.id}-c`, { title: 'RSS' })]),
        );
        expect(result).toMatchObject({ kind: 'fetched', inserted: 3 });
      }
      const slugs = [...(await itemsOf(one.id)), ...(await itemsOf(two.id))]
        .map((i) => i.slug)
        .sort();
      expect(slugs).toEqual([
        'nieuwe-premie-voor-mantelzorgers',
        'nieuwe-premie-voor-mantelzorgers-2',
        'nieuwe-premie-voor-mantelzorgers-3',
        'nieuwe-premie-voor-mantelzorgers-4',
        'rss-bericht', // a reserved word is never an address
        'rss-bericht-2',
      ]);
    });
  });

  describe('the per-host limit', () => {
    it('gives at most NEWS_FEED_PER_HOST_LIMIT places per host, across workers (Redis)', async () => {
      const hosts = t.get(FeedHostLimitService);
      const a = await hosts.acquire('www.vlaanderen.be');
      const b = await hosts.acquire('WWW.vlaanderen.be');
      expect(a && b).toBeTruthy();
      expect(await hosts.acquire('www.vlaanderen.be')).toBeNull();
      expect(await hosts.acquire('www.zorg-en-gezondheid.be')).toBeTruthy();
      await hosts.release(a!);
      expect(await hosts.acquire('www.vlaanderen.be')).toBeTruthy();
    });

    it('a refresh whose host is busy waits a little (delayed, not failed), then runs', async () => {
      const hosts = t.get(FeedHostLimitService);
      const held = [await hosts.acquire('127.0.0.1'), await hosts.acquire('127.0.0.1')];
      server.route('/druk.xml', { file: 'rdf.xml' });
      const id = await addFeed({ url: server.url('/druk.xml'), name: 'Drukke website' });
      const queue = t.app.get<Queue>(getQueueToken(QUEUES.news));
      const slot = ((await feedRow(id)).next_fetch_at as Date).getTime();
      const job = await eventually(
        async () => {
          const found = await queue.getJob(feedJobId(id, slot));
          return found && (await found.getState()) === 'delayed' ? found : null;
        },
        10_000,
        'the delayed refresh',
      );
      expect(job.attemptsMade).toBe(0);
      expect(server.count('/druk.xml')).toBe(0);
      for (const lease of held) await hosts.release(lease!);
      await eventually(async () => (await feedRow(id)).last_success_at, 10_000, 'the refresh');
      expect(server.count('/druk.xml')).toBe(1);
    });
  });

  describe('one refresh per slot', () => {
    it('two planner runs for the same moment add one job per due feed', async () => {
      clock.set(ORDINARY_NOW);
      const feeds = t.get(FeedsService);
      const created = await feeds.create(localFeeds(gentId), {
        url: server.url('/eenmaal.xml'),
        name: 'Eén keer',
        refreshMinutes: 60,
        enabled: false,
        showFull: false,
      });
      if (!created.ok) throw new Error(created.reason);
      server.route('/eenmaal.xml', { file: 'rss.xml' });
      // switched on by hand (the form would enqueue at once)
      await gent('update news_feeds set enabled = true where id = $1', [created.feed.id]);
      const slot = created.feed.nextFetchAt.getTime();
      const jobs = t.get(FeedJobsService);
      await Promise.all([jobs.planAt(clock.now()), jobs.planAt(clock.now())]);
      await eventually(
        async () => (await feedRow(created.feed.id)).last_success_at,
        10_000,
        'the planned refresh',
      );
      const queue = t.app.get<Queue>(getQueueToken(QUEUES.news));
      expect(await queue.getJob(feedJobId(created.feed.id, slot))).toBeTruthy();
      await jobs.planAt(clock.now());
      expect(server.count('/eenmaal.xml')).toBe(1);
      // a general feed is planned as platform work, the same way
      expect(GENERAL_FEEDS.tenantId).toBeNull();
    });
  });
});

describe('news feeds: the scheduler after a worker restart', () => {
  const clock = new TestClock(ORDINARY_NOW);
  let web: TestApp;
  let worker: TestApp | null = null;
  let server: FeedServer;
  let queue: Queue;
  const env = { NEWS_FEED_ALLOWED_HOSTS: '127.0.0.1' };

  beforeAll(async () => {
    server = await startFeedServer({ '/rss.xml': { file: 'rss.xml' } });
    web = await createTestApp({ worker: false, clock, env });
    // The deployment's news queue, as any node reaches it (the web node has none of its own).
    queue = new Queue(QUEUES.news, {
      connection: { url: web.config.REDIS_URL, maxRetriesPerRequest: null },
      prefix: `{${web.config.redisPrefix}}`,
    });
  });
  afterAll(async () => {
    await queue?.close();
    await worker?.close();
    await web?.close();
    await server?.stop();
  });

  it('one refresh per slot: planner runs queued while the worker was down run once after its restart', async () => {
    const tenant = await createTenant(web, { slug: 'ieper', name: 'Ieper' });
    const scope = localFeeds(tenant.id);
    // A web-only node has no news queue: the feed waits for the planner, due in PostgreSQL.
    const created = await web.get(FeedsService).create(scope, {
      url: server.url('/rss.xml'),
      name: 'Website Ieper',
      refreshMinutes: 60,
      enabled: true,
      showFull: false,
    });
    if (!created.ok) throw new Error(created.reason);
    const feedId = created.feed.id;
    const row = async () =>
      (
        await web.get(TenantTransaction).run(asTenantId(tenant.id), (em) =>
          em.query<{ last_attempt_at: Date | null; items: string }[]>(
            `select last_attempt_at, (select count(*) from news_feed_items where feed_id = $1) as items
                 from news_feeds where id = $1`,
            [feedId],
          ),
        )
      )[0];
    expect(server.count('/rss.xml')).toBe(0);

    // The worker starts: its scheduler runs the planner at once, which refreshes the feed.
    worker = await createTestApp({ sameDeploymentAs: web, worker: true, env });
    await eventually(async () => Number((await row()).items) > 0, 20_000, 'the scheduled refresh');
    expect(server.count('/rss.xml')).toBe(1);
    const stored = Number((await row()).items);
    await worker.close();
    worker = null;

    // While no worker runs: the admin asks for a refresh (the web node only marks it due) and
    // two planner runs are queued (two scheduler ticks, or two planners), for the same slot.
    clock.advance(MINUTE);
    await web.get(FeedsService).refreshNow(scope, feedId);
    await queue.add(FEED_JOBS.plan, {}, { jobId: 'planner-run-1' });
    await queue.add(FEED_JOBS.plan, {}, { jobId: 'planner-run-2' });

    worker = await createTestApp({ sameDeploymentAs: web, worker: true, env });
    await eventually(
      async () =>
        (await row()).last_attempt_at?.getTime() === clock.now().getTime() &&
        // (the scheduler's next run waits as a delayed job)
        (await queue.getJobCountByTypes('waiting', 'active', 'prioritized')) === 0,
      20_000,
      'the refresh after the restart',
    );
    // one fetch for the slot, whatever the two planners enqueued
    expect(server.count('/rss.xml')).toBe(2);
    const refreshes = (await queue.getJobs(['completed'])).filter(
      (job) => job.name === FEED_JOBS.refresh,
    );
    expect(refreshes.map((job) => job.id).sort()).toEqual(
      [feedJobId(feedId, ORDINARY_NOW.getTime()), feedJobId(feedId, clock.now().getTime())].sort(),
    );
    expect(Number((await row()).items)).toBe(stored);
  });
});
