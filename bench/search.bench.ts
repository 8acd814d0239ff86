/**
 * `npm run bench -- search` (through scripts/bench.js, after a build): search at Flanders' size
 * (issue 12, item 6). 285 municipalities share 1,000,000 searchable items (activities, cafés,
 * courses, organisations, guide pages, news: Dutch titles and texts composed from a vocabulary of
 * the domain, so words are common, rare or misspelled as in life), in the real schema (the
 * migrations' index tables, triggers and GIN indexes). Measured at 1/100 of that size (3 hubs with
 * the same content per hub) and at full size, in one run:
 *
 *   - the app's own search statement (SEARCH_SQL of src/web/search/search.service.ts, the query
 *     built by parseQuery) as the app role in a tenant transaction, by 20 concurrent searchers
 *     with a mix of queries (typos, compounds, synonyms, rare and common words), p50/p95/p99;
 *   - the EXPLAIN (ANALYZE, BUFFERS) of the slowest query of the mix at full size;
 *   - the calendar page's work (the three CalendarSources of the compiled app, cafés, courses and
 *     activities, in one tenant transaction for the coming four weeks, as CalendarPageService
 *     runs them) by 20 concurrent visitors, with a tenth as many activities as items (a quarter
 *     weekly, with their dates six months ahead; each also in the search index).
 *
 * Targets: search p95 under 50 ms at full size; the calendar at full size within 20 % of its
 * speed at 1/100. The HTTP layer is the home bench's subject; this one
 * measures what grows with the data. Own embedded PostgreSQL and redis-server, torn down at the
 * end. Results: stdout and bench/results/search-*.
 *
 * env: BENCH_HUBS (285), BENCH_ITEMS (1000000), BENCH_SEARCHERS (20), BENCH_SEARCHES (2000 per size)
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { cleanups, runBench, startBenchServices } from './lib/run-bench';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const HUBS = Number(process.env.BENCH_HUBS ?? 285);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const SEARCHERS = Number(process.env.BENCH_SEARCHERS ?? 20);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 2000);
const TARGET_P95_MS = 50;

const { SEARCH_SQL } = require(
  path.join(ROOT, 'dist', 'src', 'web', 'search', 'search.service.js'),
);
const { parseQuery } = require(path.join(ROOT, 'dist', 'src', 'web', 'search', 'search-query.js'));
const dist = (...parts: string[]) => require(path.join(ROOT, 'dist', 'src', ...parts));
/** The calendar's sources as the app has them (none takes a constructor argument). */
const CALENDAR_SOURCES = [
  new (dist('cafes', 'meetings', 'meetings.calendar-source.js').MeetingsCalendarSource)(),
  new (dist('academy', 'enrolments', 'sessions.calendar-source.js').SessionsCalendarSource)(),
  new (dist('calendar', 'activities', 'activities.calendar-source.js').ActivitiesCalendarSource)(),
] as {
  entries(
    em: unknown,
    tenantId: string,
    viewer: null,
    range: { from: Date; to: Date },
  ): Promise<unknown[]>;
}[];
const PAGES = Number(process.env.BENCH_PAGES ?? 2000);
const TARGET_CALENDAR_RATIO = 0.8;

/** The queries people type: common and rare words, typos, compounds, synonyms, two words. */
const QUERIES = [
  'mantelzorgpremie',
  'premie voor mantelzorgers',
  'respijtzorg',
  'respijt zorg',
  'opvang',
  'dementie',
  'dementei',
  'alzheimer',
  'mantelzrg',
  'cafe',
  'café',
  'wandelen',
  'wandeling',
  'kortverblijf',
  'dagopvang',
  'thuisverpleging',
  'zorgverlof',
  'tillen',
  'rouw',
  'praatgroep',
  'infoavond',
  'kinderopvang',
  'palliatieve zorg',
  'hulpmiddelen',
  'rolstoel',
  'ziekenfonds',
  'zorgen voor jezelf',
  'oppas',
  'vrijwilligers',
  'xylofoon',
];

// The vocabulary the items are composed of (index tables only: the bench measures the index):
// the Dutch of the product's own demo content and source texts (every feature's seed files,
// ../shared/seeds), split into sentences, so words are as common or rare as in real pages.
const KINDS = [
  'Infoavond',
  'Praatgroep',
  'Workshop',
  'Wandeling',
  'Opleiding',
  'Mantelzorgcafé',
  'Nieuws',
  'Vorming',
  'Uitstap',
  'Lezing',
];
const PLACES = [
  'het dienstencentrum',
  'de bibliotheek',
  'het Sociaal Huis',
  'de parochiezaal',
  'het ziekenfonds',
  'het woonzorgcentrum',
  'de gemeentezaal',
  'het OCMW',
  'de sporthal',
  'het cultuurcentrum',
];
const { TOPICS, SENTENCES } = demoVocabulary();

function demoVocabulary(): { TOPICS: string[]; SENTENCES: string[] } {
  const src = path.join(ROOT, 'src');
  const files = fs
    .readdirSync(src)
    .map((feature) => path.join(src, feature, 'seed'))
    .concat(path.join(src, 'seed'))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => /\.ts$/.test(f) && !/spec/.test(f))
        .map((f) => path.join(dir, f)),
    );
  const texts = files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/'((?:[^'\\]|\\.){12,600})'/g)].map((m) =>
      m[1].replace(/\\'/g, "'"),
    ),
  );
  const seeds = path.join(ROOT, '..', 'shared', 'seeds');
  if (fs.existsSync(seeds))
    for (const f of fs.readdirSync(seeds))
      texts.push(...fs.readFileSync(path.join(seeds, f), 'utf8').split(/\n+/));
  const words = (t: string) => t.split(/\s+/).length;
  const clean = (t: string) => !/[{}$<>=|\\/_]|https?:|\*\*/.test(t);
  const topics = [
    ...new Set(
      texts.filter((t) => clean(t) && words(t) >= 2 && words(t) <= 8 && !/[.!?]$/.test(t)),
    ),
  ];
  const sentences = [
    ...new Set(
      texts
        .flatMap((t) => t.split(/(?<=[.!?])\s+/))
        .map((t) => t.trim())
        .filter((t) => clean(t) && words(t) >= 6),
    ),
  ];
  if (topics.length < 50 || sentences.length < 100)
    throw new Error(`too little demo text: ${topics.length} topics, ${sentences.length} sentences`);
  return { TOPICS: topics, SENTENCES: sentences };
}

interface CalendarResult {
  label: string;
  activities: number;
  dates: number;
  pagesPerSecond: number;
  p95: number;
}

interface SizeResult {
  label: string;
  items: number;
  p50: number;
  p95: number;
  p99: number;
  searchesPerSecond: number;
  slowest: { query: string; ms: number };
}

runBench(async () => {
  fs.mkdirSync(RESULTS, { recursive: true });
  const svc = await startBenchServices(ROOT);
  console.log(`[bench] PostgreSQL on ${svc.pgPort}`);
  const su = new Client({ connectionString: svc.superuserUrl(svc.database) });
  await su.connect();
  cleanups.push(() => su.end());
  const tenants = (
    await su.query<{ id: string }>(
      `insert into tenants (slug, name) select 'hub' || n, 'Gemeente ' || n from generate_series(1, $1) n returning id`,
      [HUBS],
    )
  ).rows.map((r) => r.id);
  await su.query(
    `create temp table vocab (kinds text[], topics text[], places text[], sentences text[])`,
  );
  await su.query(`insert into vocab values ($1, $2, $3, $4)`, [KINDS, TOPICS, PLACES, SENTENCES]);
  console.log(
    `[bench] vocabulary: ${TOPICS.length} topics, ${SENTENCES.length} sentences of the demo content`,
  );

  const app = new Pool({ connectionString: svc.appUrl, max: SEARCHERS });
  cleanups.push(() => app.end());
  const results: SizeResult[] = [];
  const calendar: CalendarResult[] = [];
  let loaded = 0;
  // 1/100: a hundredth of the hubs with the same content per hub; full: every hub. So the two
  // sizes compare what a hub's page costs as the tables around it grow a hundredfold.
  const few = Math.max(1, Math.round(HUBS / 100));
  for (const [label, hubs, size] of [
    ['1/100', tenants.slice(0, few), Math.round((ITEMS * few) / HUBS)],
    ['full', tenants, ITEMS],
  ] as const) {
    const started = Date.now();
    const added = hubs.slice(hubs === tenants ? few : 0);
    await addItems(su, added, loaded, size);
    await addActivities(su, added, Math.round(loaded / 10), Math.round(size / 10));
    loaded = size;
    await su.query('analyze search_documents');
    console.log(
      `[bench] ${label}: ${size} items in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    results.push(await measure(app, hubs, label, size));
    calendar.push(await measureCalendar(app, su, hubs, label, Math.round(size / 10)));
    const c = calendar.at(-1)!;
    console.log(
      `[bench] calendar ${label} (${c.activities} activities, ${c.dates} dates): ${c.pagesPerSecond} pages/s, p95 ${c.p95} ms`,
    );
    const r = results.at(-1)!;
    console.log(
      `[bench] ${label} (${size} items): p50 ${r.p50} ms p95 ${r.p95} ms p99 ${r.p99} ms, ${r.searchesPerSecond} searches/s; slowest "${r.slowest.query}" ${r.slowest.ms} ms`,
    );
  }
  const full = results.at(-1)!;
  const plan = await explain(app, tenants[0], full.slowest.query);
  console.log(
    `[bench] EXPLAIN (ANALYZE, BUFFERS) of "${full.slowest.query}" at full size:\n${plan}`,
  );
  const verdict = full.p95 <= TARGET_P95_MS ? 'meets' : 'misses';
  console.log(
    `[bench] search p95 at full size ${full.p95} ms: ${verdict} the target (< ${TARGET_P95_MS} ms)`,
  );
  const ratio = calendar[1].pagesPerSecond / calendar[0].pagesPerSecond;
  console.log(
    `[bench] calendar at full size: ${Math.round(ratio * 100)} % of its speed at 1/100: ${ratio >= TARGET_CALENDAR_RATIO ? 'meets' : 'misses'} the target (≥ ${TARGET_CALENDAR_RATIO * 100} %)`,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(
    path.join(RESULTS, `search-${stamp}.json`),
    JSON.stringify(
      { hubs: HUBS, items: ITEMS, searchers: SEARCHERS, results, calendar, plan },
      null,
      2,
    ),
  );
});

/**
 * Items `from`..`to` (exclusive) spread evenly over the hubs, as the content triggers would write
 * them (the index's own trigger computes the folded title and the tsvector).
 */
async function addItems(su: Client, tenants: string[], from: number, to: number) {
  const batch = 50_000;
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    await su.query(
      `insert into search_documents (tenant_id, source, key, title, body, url, audiences, ends_at)
       select t.ids[1 + n % array_length(t.ids, 1)],
              (array['activity','cafe','course','organisation','guide-page','news-article'])[1 + n % 6],
              'item-' || n,
              v.kinds[1 + (n * 7) % array_length(v.kinds, 1)] || ' over ' ||
                v.topics[1 + (n * 13) % array_length(v.topics, 1)] || ' in ' ||
                v.places[1 + (n * 17) % array_length(v.places, 1)] || ' ' || (n % 97),
              v.sentences[1 + (n * 3) % array_length(v.sentences, 1)] || ' ' ||
                v.sentences[1 + (n * 7 + 1) % array_length(v.sentences, 1)] || ' ' ||
                v.sentences[1 + (n * 11 + 2) % array_length(v.sentences, 1)],
              '/kalender/item-' || n,
              case when n % 10 = 0 then '{professional}'::text[] else '{caregiver}'::text[] end,
              case when n % 3 = 0 then now() - interval '30 days' end
         from generate_series($1::int, $2::int - 1) n, vocab v, (select $3::uuid[] as ids) t`,
      [start, end, tenants],
    );
  }
}

/** SEARCHES searches by SEARCHERS concurrent searchers, each on a random hub, as an anonymous visitor. */
async function measure(
  app: Pool,
  tenants: string[],
  label: string,
  items: number,
): Promise<SizeResult> {
  const times: { query: string; ms: number }[] = [];
  let next = 0;
  const started = Date.now();
  const searcher = async () => {
    while (next < SEARCHES) {
      const i = next++;
      const query = QUERIES[i % QUERIES.length];
      const tenant = tenants[(i * 31) % tenants.length];
      const t0 = process.hrtime.bigint();
      await search(app, tenant, query);
      times.push({ query, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    }
  };
  await Promise.all(Array.from({ length: SEARCHERS }, searcher));
  const elapsed = (Date.now() - started) / 1000;
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
  const byQuery = new Map<string, number[]>();
  for (const t of times) byQuery.set(t.query, [...(byQuery.get(t.query) ?? []), t.ms]);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [slowQuery, slowTimes] = [...byQuery].sort((a, b) => median(b[1]) - median(a[1]))[0];
  return {
    label,
    items,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    searchesPerSecond: Math.round(SEARCHES / elapsed),
    slowest: { query: slowQuery, ms: Math.round(median(slowTimes) * 10) / 10 },
  };
}

/** The app's search: its tenant transaction (RLS as mzh_app) and its one statement, page 1. */
async function search(app: Pool, tenant: string, text: string, prefix = '') {
  const query = parseQuery(text);
  const client = await app.connect();
  try {
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
    const res = await client.query(prefix + SEARCH_SQL, [
      tenant,
      query.tsquery,
      query.folded,
      ['caregiver'],
      new Date(),
      20,
      0,
    ]);
    await client.query('commit');
    return res.rows;
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

async function explain(app: Pool, tenant: string, text: string): Promise<string> {
  const rows = await search(app, tenant, text, 'explain (analyze, buffers) ');
  return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
}

/**
 * Activities `from`..`to` spread over the hubs (published, for caregivers; every fourth weekly,
 * the others once, on a day of the coming six months), with their dates as the app makes them.
 */
async function addActivities(su: Client, tenants: string[], from: number, to: number) {
  const batch = 10_000;
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    await su.query(
      `insert into activities (tenant_id, title, slug, description, category, audiences, venue_name,
         venue_address, organiser_name, recurrence_rule, starts_on, start_time, duration_minutes, status)
       select t.ids[1 + n % array_length(t.ids, 1)],
              v.kinds[1 + (n * 7) % array_length(v.kinds, 1)] || ' over ' || v.topics[1 + (n * 13) % array_length(v.topics, 1)],
              'activiteit-' || n, v.sentences[1 + (n * 3) % array_length(v.sentences, 1)], 'ontspanning', '{caregiver}',
              v.places[1 + (n * 17) % array_length(v.places, 1)], 'Marktplein 1', 'Sociaal Huis',
              case when n % 4 = 0 then 'FREQ=WEEKLY;BYDAY=TU' end, current_date + (n % 180), '14:00', 90, 'published'
         from generate_series($1::int, $2::int - 1) n, vocab v, (select $3::uuid[] as ids) t`,
      [start, end, tenants],
    );
  }
  // One date for a one-off, 26 weekly ones for the others (the horizon's six months).
  await su.query(
    `insert into activity_occurrences (tenant_id, activity_id, starts_at, ends_at, occurrence_at)
     select a.tenant_id, a.id, s, s + interval '90 minutes', s
       from activities a,
            lateral (select ((a.starts_on + 7 * k) + time '14:00') at time zone 'Europe/Brussels' as s
                       from generate_series(0, case when a.recurrence_rule is null then 0 else 25 end) k) d
      where a.slug like 'activiteit-%'
        and not exists (select 1 from activity_occurrences o where o.tenant_id = a.tenant_id and o.activity_id = a.id)`,
  );
  await su.query('analyze activities; analyze activity_occurrences');
}

/** PAGES calendar pages by SEARCHERS concurrent visitors, each on a random hub, anonymous. */
async function measureCalendar(
  app: Pool,
  su: Client,
  tenants: string[],
  label: string,
  activities: number,
): Promise<CalendarResult> {
  const [{ n: dates }] = (
    await su.query<{ n: number }>('select count(*)::int as n from activity_occurrences')
  ).rows;
  const times: number[] = [];
  let next = 0;
  const started = Date.now();
  const now = new Date();
  const range = { from: now, to: new Date(now.getTime() + 28 * 24 * 3600_000) };
  const visitor = async () => {
    while (next < PAGES) {
      const tenant = tenants[(next++ * 31) % tenants.length];
      const t0 = process.hrtime.bigint();
      const client = await app.connect();
      try {
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenant]);
        // The sources' EntityManager: only its query() is used.
        const em = {
          query: async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows,
        };
        for (const source of CALENDAR_SOURCES) await source.entries(em, tenant, null, range);
        await client.query('commit');
      } finally {
        client.release();
      }
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: SEARCHERS }, visitor));
  const elapsed = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    label,
    activities,
    dates,
    pagesPerSecond: Math.round(PAGES / elapsed),
    p95: Math.round(times[Math.floor(0.95 * times.length)] * 10) / 10,
  };
}
