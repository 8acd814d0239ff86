/**
 * `npm run bench -- news` (through scripts/bench.js, after a build): feed aggregation (issue 10,
 * item 5). 1,000 feeds of 50 items each, served by a local feed farm (bench/lib/feed-farm.ts, its
 * own process) under distinct host names `f1.localhost` … `f1000.localhost` (all 127.0.0.1, so
 * the per-host limit does not serialise the run), are aggregated by the REAL worker (production
 * mode, its own process, dist/src/worker.js: its planner and refresh jobs on the `news` queue,
 * its store in PostgreSQL; the feeds' hosts allowlisted with NEWS_FEED_ALLOWED_HOSTS=*.localhost,
 * and `*.localhost` resolved to 127.0.0.1 by bench/localhost-lookup-preload.js):
 *
 *   1. first pass: every feed due, one planner run → 50,000 items stored;
 *   2. 304 pass: every feed due again, every feed answers 304 → nothing stored (checked: no item
 *      row inserted, updated or deleted; PostgreSQL's xmin of every item row unchanged);
 *   3. bare: the same feeds fetched and parsed in this process with undici and the same parser
 *      (@rowanmanning/feed-parser), the same concurrency as the worker, no database, no queue;
 *      and a bare conditional pass (every feed answering 304) for the floor of pass 2.
 *
 * Prints the times and the ratios against the issue's targets: the first pass at least 50 % of
 * bare's speed, the 304 pass under a tenth of the first pass. Own embedded PostgreSQL and
 * redis-server, torn down at the end. Results: stdout and bench/results/news-*.
 *
 * env: BENCH_FEEDS (1000), BENCH_ITEMS (50), BENCH_TENANTS (4: municipalities the local feeds are
 *      spread over), BENCH_GENERAL_SHARE (0.5: the share of general feeds, the rest local),
 *      BENCH_PARSE_THREADS (the worker's NEWS_FEED_PARSE_THREADS; default the app's default),
 *      BENCH_CONCURRENCY (the worker's NEWS_FEED_CONCURRENCY, and the bare pass's; default the
 *      app's own default), BENCH_GZIP (1: the farm gzips, as real sites do; 0: plain),
 *      BENCH_TIMEOUT (s per pass, 600), BENCH_APP_DIR (a copy of the repository whose dist/ to
 *      run as the worker), BENCH_PROFILE=1 (CPU profile of the worker during the first pass),
 *      BENCH_SLOW_SQL=<ms> (the worker's statements slower than that, summed, at the end).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { Agent, request } from 'undici';
import { FeedFarm, farmFeedUrl, farmHost, localhostLookup, type FarmCount } from './lib/feed-farm';
import { cpuMs, peakRssMb, postmasterPid, treeCpuMs } from './lib/proc-stats';
import { cleanups, runBench, startBenchServices } from './lib/run-bench';

const services = require('../scripts/lib/services.js');
const { parseFeed } = require('@rowanmanning/feed-parser') as {
  parseFeed(xml: string): { title: string | null; items: BareItem[] };
};

/** What bare reads of each item (the parser's fields are getters: parsed when read). */
interface BareItem {
  id: string | null;
  title: string | null;
  url: string | null;
  description: string | null;
  content: string | null;
  published: Date | null;
  updated: Date | null;
}

const ROOT = path.resolve(__dirname, '..');
const APP_DIR = process.env.BENCH_APP_DIR ?? ROOT;
const RESULTS = path.join(ROOT, 'bench', 'results');
const FEEDS = Number(process.env.BENCH_FEEDS ?? 1000);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const TENANTS = Math.max(1, Math.min(8, Number(process.env.BENCH_TENANTS ?? 4)));
const GENERAL_SHARE = Math.max(0, Math.min(1, Number(process.env.BENCH_GENERAL_SHARE ?? 0.5)));
const GZIP = process.env.BENCH_GZIP !== '0';
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT ?? 600) * 1000;
const PROFILE = process.env.BENCH_PROFILE === '1';
const TARGET = { firstVsBare: 0.5, notModifiedVsFirst: 0.1 };
const REDIS_PREFIX = 'bench';
const BASE_DOMAIN = 'localhost';
/**
 * The farm's hosts, allowlisted as the setting allows (one entry: a list of 1,000 names would
 * make every connection compare against all of them, a cost production's empty list does not have).
 */
const ALLOWED_HOSTS = '*.localhost';

// The built app's setting and defaults (what the worker runs).
const { loadConfig } = require(path.join(APP_DIR, 'dist', 'src', 'config', 'app-config.js'));
const { QUEUES } = require(path.join(APP_DIR, 'dist', 'src', 'jobs', 'job-defaults.js'));
const FEED_JOBS_FILE = path.join(APP_DIR, 'dist', 'src', 'news', 'feeds', 'feed-jobs.constants.js');
/** The feeds' job names (the planner, the refresh) as the built worker has them. */
const FEED_JOBS: { plan: string; refresh: string } = fs.existsSync(FEED_JOBS_FILE)
  ? require(FEED_JOBS_FILE).FEED_JOBS
  : { plan: 'news-feeds-plan', refresh: 'news-feed-refresh' };

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const MUNICIPALITIES = [
  ['poperinge', 'Poperinge', '33021', 'West-Vlaanderen'],
  ['ieper', 'Ieper', '33011', 'West-Vlaanderen'],
  ['gent', 'Gent', '44021', 'Oost-Vlaanderen'],
  ['hasselt', 'Hasselt', '71022', 'Limburg'],
  ['leuven', 'Leuven', '24062', 'Vlaams-Brabant'],
  ['mechelen', 'Mechelen', '12025', 'Antwerpen'],
  ['brugge', 'Brugge', '31005', 'West-Vlaanderen'],
  ['aalst', 'Aalst', '41002', 'Oost-Vlaanderen'],
];

/** The built app's settings with their defaults, as the worker reads them in production. */
function appConfig(): Record<string, unknown> {
  return loadConfig({
    DATABASE_URL: 'postgres://x@localhost/x',
    REDIS_URL: 'redis://localhost',
    MAIL_FROM: 'x@example.be',
    BASE_DOMAIN,
    PORT: '3000',
    SESSION_SECRET: 'x'.repeat(32),
    NODE_ENV: 'production',
    ...(process.env.BENCH_PARSE_THREADS
      ? { NEWS_FEED_PARSE_THREADS: process.env.BENCH_PARSE_THREADS }
      : {}),
  }) as Record<string, unknown>;
}

/** The worker's feed concurrency: BENCH_CONCURRENCY, else the app's default for the setting. */
function feedConcurrency(): number {
  if (process.env.BENCH_CONCURRENCY) return Number(process.env.BENCH_CONCURRENCY);
  const value = Number(appConfig().newsFeedConcurrency);
  if (!Number.isFinite(value) || value < 1)
    throw new Error('the built app has no NEWS_FEED_CONCURRENCY default: set BENCH_CONCURRENCY');
  return value;
}

/** The threads parsing feeds (NEWS_FEED_PARSE_THREADS): BENCH_PARSE_THREADS, else the app's default; 0 when the build has none. */
function parseThreads(): number {
  return Number(appConfig().newsFeedParseThreads ?? 0);
}

interface Layout {
  tenants: string[];
  general: number;
  local: number;
}

/** The municipalities and the N feeds, not due (a year ahead): the worker's own planner runs find nothing. */
async function seed(c: Client, port: number): Promise<Layout> {
  const tenants: string[] = [];
  for (const [slug, name, nis, province] of MUNICIPALITIES.slice(0, TENANTS)) {
    const { rows } = await c.query<{ id: string }>(
      `insert into tenants (slug, name, nis_code, province, contact_email, welcome_text)
       values ($1, $2, $3, $4, $5, '') returning id`,
      [slug, name, nis, province, `sociaalhuis@${slug}.example`],
    );
    tenants.push(rows[0].id);
  }
  const generalCount = Math.round(FEEDS * GENERAL_SHARE);
  const general = { url: [] as string[], host: [] as string[], name: [] as string[] };
  const local = {
    url: [] as string[],
    host: [] as string[],
    name: [] as string[],
    tenant: [] as string[],
  };
  for (let i = 1; i <= FEEDS; i++) {
    const tenant = i <= generalCount ? null : tenants[(i - generalCount - 1) % tenants.length];
    const target = tenant ? local : general;
    target.url.push(farmFeedUrl(i, port));
    target.host.push(farmHost(i));
    target.name.push(`Bron ${i}`);
    if (tenant) local.tenant.push(tenant);
  }
  await c.query(
    `insert into general_feeds (url, host, name, next_fetch_at)
     select u, h, n, now() + interval '1 year' from unnest($1::text[], $2::text[], $3::text[]) as t(u, h, n)`,
    [general.url, general.host, general.name],
  );
  await c.query(
    `insert into news_feeds (tenant_id, url, host, name, next_fetch_at)
     select tn, u, h, n, now() + interval '1 year'
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) as t(tn, u, h, n)`,
    [local.tenant, local.url, local.host, local.name],
  );
  await c.query('analyze');
  return { tenants, general: generalCount, local: FEEDS - generalCount };
}

/** Every feed due at the database's now(); returns that instant (the refreshes set a later one). */
async function makeAllDue(c: Client): Promise<Date> {
  const { rows } = await c.query<{ now: Date }>('select now() as now');
  const now = rows[0].now;
  await c.query('update general_feeds set next_fetch_at = $1', [now]);
  await c.query('update news_feeds set next_fetch_at = $1', [now]);
  return now;
}

interface FeedState {
  /** Feeds whose next refresh moved past the pass's start: refreshed (or failed) in this pass. */
  done: number;
  failing: number;
  errors: Record<string, number>;
  items: number;
}

const ALL_FEEDS = `(select next_fetch_at, failures, last_error from general_feeds
                    union all select next_fetch_at, failures, last_error from news_feeds)`;
const ALL_ITEMS = `(select id, xmin::text as x, updated_at from general_feed_items
                    union all select id, xmin::text, updated_at from news_feed_items)`;

/** How many feeds the pass has refreshed: one cheap statement over the feeds, what the bench polls. */
async function feedsDone(c: Client, since: Date): Promise<number> {
  const { rows } = await c.query<{ done: number }>(
    `select count(*)::int as done from ${ALL_FEEDS} f where next_fetch_at > $1`,
    [since],
  );
  return rows[0].done;
}

/** The feeds and items after a pass (counting 50,000 items is not for every poll). */
async function feedState(c: Client, since: Date): Promise<FeedState> {
  const { rows } = await c.query<{ done: number; failing: number; items: number }>(
    `select count(*) filter (where next_fetch_at > $1)::int as done,
            count(*) filter (where failures > 0)::int as failing,
            (select count(*)::int from ${ALL_ITEMS} i) as items
       from ${ALL_FEEDS} f`,
    [since],
  );
  const errors = await c.query<{ last_error: string; n: number }>(
    `select last_error, count(*)::int as n from ${ALL_FEEDS} f where failures > 0 group by 1`,
  );
  return {
    ...rows[0],
    errors: Object.fromEntries(errors.rows.map((r) => [r.last_error ?? '?', r.n])),
  };
}

/** The item rows' fingerprint: any insert, update or delete changes it (xmin is the writer). */
async function itemsFingerprint(
  c: Client,
): Promise<{ count: number; md5: string; newest: Date | null }> {
  const { rows } = await c.query<{ count: number; md5: string; newest: Date | null }>(
    `select count(*)::int as count, coalesce(md5(string_agg(id::text || ':' || x, ',' order by id)), '') as md5,
            max(updated_at) as newest
       from ${ALL_ITEMS} i`,
  );
  return rows[0];
}

function stopChild(child: ChildProcess, graceMs = 25_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface PassResult {
  seconds: number;
  feedsPerSecond: number;
  itemsPerSecond: number;
  farm: FarmCount;
  workerCpuMs: number | null;
  postgresCpuMs: number | null;
  state: FeedState;
  jobs: JobTimes;
}

/** What BullMQ's completed refresh jobs of a pass say: how many ran at once, how long each took. */
interface JobTimes {
  refreshes: number;
  /** Most refresh jobs in progress at one moment (processedOn → finishedOn). */
  peakConcurrent: number;
  /** Mean ms from the job's processedOn to its finishedOn. */
  meanRunMs: number;
  /** Mean ms from the job's creation to its processedOn. */
  meanWaitMs: number;
  /** Refresh jobs that gave way to a busy host (moved to delayed) at least once. */
  delayed: number;
}

async function jobTimes(news: Queue, since: number): Promise<JobTimes> {
  const jobs = (await news.getJobs(['completed'], 0, -1)).filter(
    (job) => job.name === FEED_JOBS.refresh && job.timestamp >= since && job.finishedOn,
  );
  const edges: [number, number][] = [];
  let run = 0;
  let wait = 0;
  let delayed = 0;
  for (const job of jobs) {
    edges.push([job.processedOn!, 1], [job.finishedOn!, -1]);
    run += job.finishedOn! - job.processedOn!;
    wait += job.processedOn! - job.timestamp;
    if ((job.delay ?? 0) > 0 || job.attemptsStarted > 1) delayed++;
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, step] of edges) peak = Math.max(peak, (now += step));
  const n = Math.max(jobs.length, 1);
  return {
    refreshes: jobs.length,
    peakConcurrent: peak,
    meanRunMs: run / n,
    meanWaitMs: wait / n,
    delayed,
  };
}

/**
 * One pass of the worker: every feed made due, the planner's job added by hand (an id of its own,
 * as the scheduler would add it), timed until every feed's next refresh moved past the start.
 */
async function workerPass(
  name: string,
  db: Client,
  farm: FeedFarm,
  news: Queue,
  plannerJob: string,
  worker: ChildProcess,
  pgPid: number | undefined,
): Promise<PassResult> {
  await farm.reset();
  const since = await makeAllDue(db);
  const cpuBefore = cpuMs(worker.pid);
  const pgBefore = treeCpuMs(pgPid);
  const t0 = performance.now();
  const wallStart = Date.now();
  await news.add(
    plannerJob,
    {},
    { jobId: `bench.${name}.${Date.now()}`, removeOnComplete: true, removeOnFail: true },
  );
  // Polled every 20 ms: a count over the feeds only (about 0.3 ms for 1,000 rows).
  let done = 0;
  while ((done = await feedsDone(db, since)) < FEEDS) {
    if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}`);
    if (performance.now() - t0 > TIMEOUT_MS) {
      const farmCount = await farm.count();
      throw new Error(
        `${name}: not done after ${TIMEOUT_MS / 1000} s: ${done} of ${FEEDS} feeds refreshed, ${JSON.stringify(await feedState(db, since))}, farm ${JSON.stringify(farmCount)}`,
      );
    }
    await sleep(20);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpuAfter = cpuMs(worker.pid);
  const pgAfter = treeCpuMs(pgPid);
  const state = await feedState(db, since);
  const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : null);
  return {
    seconds,
    feedsPerSecond: FEEDS / seconds,
    itemsPerSecond: state.items / seconds,
    farm: await farm.count(),
    workerCpuMs: diff(cpuBefore, cpuAfter),
    postgresCpuMs: diff(pgBefore, pgAfter),
    state,
    jobs: await jobTimes(news, wallStart),
  };
}

// --- Bare: undici + the parser, the same requests the fetcher makes, no database, no queue.

const USER_AGENT = `Mantelzorghub-feeds/1.0 (+https://${BASE_DOMAIN})`;
const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5';

interface BareResult {
  seconds: number;
  feedsPerSecond: number;
  items: number;
  notModified: number;
  failed: string[];
  cpuMs: number | null;
  farm: FarmCount;
  etags: (string | null)[];
}

interface FetcherResult {
  seconds: number;
  feedsPerSecond: number;
  items: number;
  notModified: number;
  failed: string[];
  cpuMs: number;
  /** Items whose cleaned content still holds an <img> (the farm's 1×1 pixels must be gone). */
  withImages: number;
}

/**
 * The app's own fetcher (FeedFetcherService from dist/: fetch, parse, clean, hash) in this
 * process with the same concurrency, no queue and no database: where the time goes between bare
 * and the worker.
 */
async function fetcherPass(farm: FeedFarm, concurrency: number): Promise<FetcherResult> {
  const { FeedFetcherService } = require(
    path.join(APP_DIR, 'dist', 'src', 'news', 'feeds', 'fetch', 'feed-fetcher.service.js'),
  );
  const { SystemClock } = require(path.join(APP_DIR, 'dist', 'src', 'common', 'clock.js'));
  const fetcher = new FeedFetcherService(
    { BASE_DOMAIN, newsFeedAllowedHosts: [ALLOWED_HOSTS], newsFeedParseThreads: parseThreads() },
    new SystemClock(),
    { lookup: localhostLookup },
  ) as {
    fetch(r: { url: string; etag: string | null; lastModified: string | null }): Promise<{
      kind: string;
      code?: string;
      items?: { content: string }[];
    }>;
    close(): Promise<void>;
  };
  await farm.reset();
  let items = 0;
  let notModified = 0;
  let withImages = 0;
  const failed: string[] = [];
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= FEEDS) {
        const i = next++;
        const outcome = await fetcher.fetch({
          url: farmFeedUrl(i, farm.port),
          etag: null,
          lastModified: null,
        });
        if (outcome.kind === 'fetched') {
          items += outcome.items!.length;
          withImages += outcome.items!.filter((it) => /<img/i.test(it.content)).length;
        } else if (outcome.kind === 'not_modified') notModified++;
        else failed.push(`f${i}: ${outcome.code}`);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await fetcher.close();
  return {
    seconds,
    feedsPerSecond: FEEDS / seconds,
    items,
    notModified,
    failed,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    withImages,
  };
}

async function barePass(
  farm: FeedFarm,
  concurrency: number,
  etags: (string | null)[] | null,
): Promise<BareResult> {
  await farm.reset();
  const agent = new Agent({
    connect: { lookup: localhostLookup as never, timeout: 10_000 },
    bodyTimeout: 20_000,
    headersTimeout: 20_000,
  });
  const seen: (string | null)[] = new Array(FEEDS + 1).fill(null);
  let items = 0;
  let notModified = 0;
  const failed: string[] = [];
  const fetchOne = async (i: number) => {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    const etag = etags?.[i];
    if (etag) headers['if-none-match'] = etag;
    const res = await request(farmFeedUrl(i, farm.port), { dispatcher: agent, headers });
    if (res.statusCode === 304) {
      await res.body.dump();
      notModified++;
      return;
    }
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`status ${res.statusCode}`);
    }
    seen[i] = typeof res.headers.etag === 'string' ? res.headers.etag : null;
    const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
    const stream =
      encoding === 'gzip'
        ? res.body.pipe(createGunzip())
        : encoding === 'deflate'
          ? res.body.pipe(createInflate())
          : encoding === 'br'
            ? res.body.pipe(createBrotliDecompress())
            : res.body;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 5 * 1024 * 1024) throw new Error('too large');
      chunks.push(chunk);
    }
    const feed = parseFeed(Buffer.concat(chunks).toString('utf8'));
    // Every field an aggregator needs, read: @rowanmanning/feed-parser parses an item's fields
    // only when they are read (the XML alone is less than half of a real parse).
    const parsed = feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      url: item.url,
      description: item.description,
      content: item.content,
      published: item.published,
      updated: item.updated,
    }));
    items += parsed.filter((item) => item.title && item.url && item.content).length;
  };
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next <= FEEDS) {
        const i = next++;
        try {
          await fetchOne(i);
        } catch (e) {
          failed.push(`f${i}: ${(e as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await agent.close();
  return {
    seconds,
    feedsPerSecond: FEEDS / seconds,
    items,
    notModified,
    failed,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    farm: await farm.count(),
    etags: seen,
  };
}

/** BENCH_BARE_ONLY=1: the farm and the bare passes alone (no database, no worker), for trying. */
async function bareOnly(concurrency: number): Promise<void> {
  const farm = await FeedFarm.start({ feeds: FEEDS, items: ITEMS, gzip: GZIP });
  cleanups.push(() => farm.stop());
  const bare = await barePass(farm, concurrency, null);
  const bare304 = await barePass(farm, concurrency, bare.etags);
  const fetcher = await fetcherPass(farm, concurrency);
  log(
    `fetcher alone: ${fetcher.items} items in ${fetcher.seconds.toFixed(2)} s (CPU ${fetcher.cpuMs} ms, ${fetcher.failed.length} failed ${fetcher.failed.slice(0, 3).join(', ')}, ${fetcher.withImages} with <img>)`,
  );
  log(
    `bare: ${bare.items} items of ${FEEDS} feeds in ${bare.seconds.toFixed(2)} s (CPU ${bare.cpuMs} ms, farm never busy with more than ${bare.farm.peakInFlight}, ${bare.failed.length} failed); bare 304: ${bare304.notModified} in ${bare304.seconds.toFixed(2)} s`,
  );
}

async function main(): Promise<void> {
  const concurrency = feedConcurrency();
  if (process.env.BENCH_BARE_ONLY === '1') return bareOnly(concurrency);
  const slowSql = process.env.BENCH_SLOW_SQL;
  const slow = new Map<string, { count: number; ms: number }>();
  const { pgPort, pgDataDir, superuserUrl, database, ownerUrl, appUrl, redisUrl } =
    await startBenchServices(ROOT, (chunk: unknown) => {
      for (const line of String(chunk).split('\n')) {
        const m = /duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): (.*)/.exec(line);
        if (!m) continue;
        const sql = m[2].replace(/\s+/g, ' ').trim().slice(0, 110);
        const entry = slow.get(sql) ?? { count: 0, ms: 0 };
        entry.count++;
        entry.ms += Number(m[1]);
        slow.set(sql, entry);
      }
    });
  log(`PostgreSQL on ${pgPort}`);
  const db = new Client({ connectionString: superuserUrl(database) });
  await db.connect();
  cleanups.push(() => db.end());
  if (slowSql)
    await db.query(`ALTER ROLE mzh_app SET log_min_duration_statement = ${Number(slowSql)}`);

  const farmStarted = performance.now();
  const farm = await FeedFarm.start({ feeds: FEEDS, items: ITEMS, gzip: GZIP });
  cleanups.push(() => farm.stop());
  log(
    `feed farm on 127.0.0.1:${farm.port} (own process, pid ${farm.child.pid}): ${FEEDS} feeds × ${ITEMS} items${GZIP ? ', gzip' : ''}, made in ${((performance.now() - farmStarted) / 1000).toFixed(1)} s`,
  );
  const layout = await seed(db, farm.port);
  log(
    `seeded ${layout.general} general feeds and ${layout.local} local ones over ${layout.tenants.length} municipalities`,
  );

  const workerPort = await services.freePort();
  const smtpPort = await services.freePort(); // nothing listens: the bench sends no mail
  const worker = spawn(
    process.execPath,
    [
      '--require',
      path.join(__dirname, 'localhost-lookup-preload.js'),
      ...(PROFILE ? ['--require', path.join(__dirname, 'profile-preload.js')] : []),
      path.join(APP_DIR, 'dist', 'src', 'worker.js'),
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        BASE_DOMAIN,
        PORT: String(workerPort),
        DATABASE_URL: appUrl,
        DATABASE_OWNER_URL: ownerUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX,
        MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.test>',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        NEWS_FEED_ALLOWED_HOSTS: ALLOWED_HOSTS,
        NEWS_FEED_CONCURRENCY: String(concurrency),
        NEWS_FEED_PARSE_THREADS: String(parseThreads()),
        ...(PROFILE ? { BENCH_PROFILE_DIR: path.join(RESULTS, 'profiles') } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  cleanups.push(() => stopChild(worker));

  // BullMQ's prefix as the app sets it (src/jobs/jobs.module.ts): `{REDIS_PREFIX}`.
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const news = new Queue(QUEUES.news, { connection, prefix: `{${REDIS_PREFIX}}` });
  cleanups.push(() => news.close());

  // Ready: the news queue has a worker and the planner's scheduler is declared.
  const readyBy = Date.now() + 60_000;
  const plannerJob = FEED_JOBS.plan;
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}`);
    if (Date.now() > readyBy)
      throw new Error(
        `worker not ready within 60 s (no worker on the news queue, or no scheduler of '${plannerJob}')`,
      );
    const [workers, schedulers] = await Promise.all([
      news.getWorkersCount(),
      news.getJobSchedulers(0, -1),
    ]);
    if (workers > 0 && schedulers.some((s) => s.name === plannerJob)) break;
    await sleep(200);
  }
  // The scheduler's own first planner run finds nothing due (the feeds are a year ahead).
  await sleep(2000);
  const pgPid = postmasterPid(pgDataDir);
  log(
    `worker up (pid ${worker.pid}, ${peakRssMb(worker.pid)} MB RSS), planner job '${plannerJob}', feed concurrency ${concurrency}, parse threads ${parseThreads()}`,
  );

  // --- 1. First pass: everything new.
  const loadAtStart = os.loadavg();
  if (PROFILE) worker.kill('SIGWINCH');
  const first = await workerPass('first', db, farm, news, plannerJob, worker, pgPid);
  if (PROFILE) {
    worker.kill('SIGWINCH');
    await sleep(3000);
  }
  log(
    `first pass: ${first.state.items} items in ${first.seconds.toFixed(2)} s (${first.farm.full} × 200, ${first.farm.notModified} × 304, ${first.state.failing} failing)`,
  );

  // --- 2. Every feed answers 304: nothing may be written.
  const before = await itemsFingerprint(db);
  const second = await workerPass('304', db, farm, news, plannerJob, worker, pgPid);
  await sleep(1000); // anything late would show now
  const after = await itemsFingerprint(db);
  const { rows: touched } = await db.query<{ n: number }>(
    `select count(*)::int as n from ${ALL_ITEMS} i where updated_at > $1`,
    [before.newest ?? new Date(0)],
  );
  log(
    `304 pass: ${second.seconds.toFixed(2)} s (${second.farm.full} × 200, ${second.farm.notModified} × 304)`,
  );
  const workerPeakRss = peakRssMb(worker.pid);

  // The worker stops before the bare passes, so it takes no CPU from them.
  await stopChild(worker);

  // --- 3. Bare: the same feeds, the same concurrency, in this process.
  const bare = await barePass(farm, concurrency, null);
  const bare304 = await barePass(farm, concurrency, bare.etags);
  log(
    `bare: ${bare.items} items in ${bare.seconds.toFixed(2)} s; bare 304: ${bare304.seconds.toFixed(2)} s`,
  );
  // --- 4. For the breakdown: the app's fetcher alone (fetch, parse, clean, hash), same concurrency.
  const fetcher = await fetcherPass(farm, concurrency);
  log(`the app's fetcher alone: ${fetcher.items} items in ${fetcher.seconds.toFixed(2)} s`);

  // --- Checks.
  const problems: string[] = [];
  const expectedItems = FEEDS * ITEMS;
  if (first.state.items !== expectedItems)
    problems.push(`first pass stored ${first.state.items} items (expected ${expectedItems})`);
  if (first.state.failing)
    problems.push(
      `first pass: ${first.state.failing} feeds failed (${JSON.stringify(first.state.errors)})`,
    );
  if (first.farm.full !== FEEDS || first.farm.repeated)
    problems.push(
      `first pass: the farm served ${first.farm.full} feeds (${first.farm.repeated} asked twice; expected ${FEEDS} once each)`,
    );
  if (second.farm.notModified !== FEEDS || second.farm.full || second.farm.repeated)
    problems.push(
      `304 pass: the farm answered ${second.farm.notModified} × 304 and ${second.farm.full} × 200 (${second.farm.repeated} asked twice; expected ${FEEDS} × 304)`,
    );
  if (after.count !== before.count || after.md5 !== before.md5 || touched[0].n)
    problems.push(
      `304 pass wrote items: ${before.count} → ${after.count} rows, ${touched[0].n} with a newer updated_at, row versions ${after.md5 === before.md5 ? 'unchanged' : 'CHANGED'}`,
    );
  if (second.state.failing) problems.push(`304 pass: ${second.state.failing} feeds failed`);
  if (bare.items !== expectedItems || bare.failed.length)
    problems.push(
      `bare parsed ${bare.items} items (expected ${expectedItems}), ${bare.failed.length} failed ${bare.failed.slice(0, 3).join('; ')}`,
    );
  if (bare304.notModified !== FEEDS) problems.push(`bare 304: ${bare304.notModified} × 304`);
  if (fetcher.items !== expectedItems || fetcher.failed.length || fetcher.withImages)
    problems.push(
      `the app's fetcher alone: ${fetcher.items} items (expected ${expectedItems}), ${fetcher.failed.length} failed ${fetcher.failed.slice(0, 3).join('; ')}, ${fetcher.withImages} with an <img> left`,
    );

  // Not a failure of the run, but a reason its figures are what they are.
  const notes: string[] = [];
  if (first.jobs.peakConcurrent < concurrency)
    notes.push(
      `the worker ran at most ${first.jobs.peakConcurrent} refresh(es) at once, not NEWS_FEED_CONCURRENCY=${concurrency} (the bare pass's): the news queue's BullMQ Worker takes its concurrency from WORKER_CONCURRENCY (src/jobs/job-defaults.ts)`,
    );

  const firstVsBare = bare.seconds / first.seconds;
  const notModifiedVsFirst = second.seconds / first.seconds;
  const meets = {
    firstVsBare: firstVsBare >= TARGET.firstVsBare,
    notModifiedVsFirst: notModifiedVsFirst < TARGET.notModifiedVsFirst,
    nothingStored: !problems.some((p) => p.startsWith('304 pass wrote')),
  };
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model },
    settings: {
      feeds: FEEDS,
      items: ITEMS,
      generalFeeds: layout.general,
      localFeeds: layout.local,
      municipalities: layout.tenants.length,
      concurrency,
      gzip: GZIP,
      plannerJob,
    },
    first: { ...first, workerPeakRssMb: workerPeakRss },
    notModified: {
      ...second,
      items: {
        before: before.count,
        after: after.count,
        rowVersionsUnchanged: after.md5 === before.md5,
        newerUpdatedAt: touched[0].n,
      },
    },
    bare: { ...bare, etags: undefined },
    bare304: { ...bare304, etags: undefined },
    fetcherAlone: fetcher,
    ratios: { firstVsBare, notModifiedVsFirst },
    targets: TARGET,
    meets,
    notes,
    problems,
    loadAverage: { start: loadAtStart, end: os.loadavg() },
  };

  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const jobsLine = (j: JobTimes) =>
    `${j.refreshes} refreshes, at most ${j.peakConcurrent} at once, ${j.meanRunMs.toFixed(0)} ms each on average, ${(j.meanWaitMs / 1000).toFixed(2)} s waiting in the queue on average${j.delayed ? `, ${j.delayed} put back for a busy host` : ''}`;
  const f = (n: number, d = 2) => n.toFixed(d);
  const cpu = (n: number | null) => (n === null ? '?' : `${(n / 1000).toFixed(1)} s`);
  const row = (label: string, seconds: number, extra: string) =>
    `  ${label.padEnd(38)}${f(seconds).padStart(8)}   ${f(FEEDS / seconds, 0).padStart(7)}   ${extra}`;
  const lines = [
    '',
    `News feeds: ${FEEDS} feeds × ${ITEMS} items (${layout.general} general, ${layout.local} local over ${layout.tenants.length} municipalities), farm ${GZIP ? 'gzipped' : 'plain'}, concurrency ${concurrency}`,
    '',
    `  ${''.padEnd(38)} seconds   feeds/s`,
    row(
      'worker, first pass (all new)',
      first.seconds,
      `${first.state.items} items stored; worker CPU ${cpu(first.workerCpuMs)}, PostgreSQL ${cpu(first.postgresCpuMs)}; farm never busy with more than ${first.farm.peakInFlight} request(s)`,
    ),
    row(
      'worker, 304 pass',
      second.seconds,
      `${second.farm.notModified} × 304; worker CPU ${cpu(second.workerCpuMs)}, PostgreSQL ${cpu(second.postgresCpuMs)}`,
    ),
    row(
      'bare undici + parser',
      bare.seconds,
      `${bare.items} items parsed; CPU ${cpu(bare.cpuMs)}; farm never busy with more than ${bare.farm.peakInFlight} request(s)`,
    ),
    row('bare, every feed 304', bare304.seconds, `${bare304.notModified} × 304`),
    row(
      "the app's fetcher alone (no queue, no db)",
      fetcher.seconds,
      `${fetcher.items} items fetched, parsed and cleaned; CPU ${cpu(fetcher.cpuMs)}`,
    ),
    '',
    `  worker jobs, first pass: ${jobsLine(first.jobs)}`,
    `  worker jobs, 304 pass:   ${jobsLine(second.jobs)}`,
    '',
    `  first pass vs bare (feeds/s): ${pct(firstVsBare)} (target ≥ ${pct(TARGET.firstVsBare)}) ${meets.firstVsBare ? 'OK' : 'SHORT'}`,
    `  304 pass vs first pass (time): ${pct(notModifiedVsFirst)} (target < ${pct(TARGET.notModifiedVsFirst)}) ${meets.notModifiedVsFirst ? 'OK' : 'SHORT'}`,
    `  304 pass stored nothing: ${before.count} → ${after.count} item rows, ${touched[0].n} with a newer updated_at, row versions (xmin) ${after.md5 === before.md5 ? 'unchanged' : 'CHANGED'}: ${meets.nothingStored ? 'OK' : 'NO'}`,
    `  worker peak RSS ${workerPeakRss ?? '?'} MB`,
    ...notes.map((n) => `  ~ ${n}`),
    ...problems.map((p) => `  ! ${p}`),
    `  load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} → ${result.loadAverage.end.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores; other work on the machine skews every figure)`,
    '',
  ];
  if (slowSql) {
    lines.push(`  statements slower than ${slowSql} ms (count, total ms):`);
    for (const [sql, e] of [...slow].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
      lines.push(`  ${String(e.count).padStart(6)} ${e.ms.toFixed(0).padStart(7)}  ${sql}`);
    lines.push('');
  }
  console.log(lines.join('\n'));
  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `news-${stamp}.json`), JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(RESULTS, 'news-latest.txt'), `${result.date}\n${lines.join('\n')}`);
  log(`results in ${path.relative(ROOT, RESULTS)}/news-${stamp}.json`);
  if (problems.length) throw new Error(problems.join('; '));
}

runBench(main);
