/**
 * `npm run bench` (through scripts/bench.js, after a build): the tenant home page for anonymous
 * visitors under load, the real app (production mode, its own process) side by side with a bare
 * node:http + pg + precompiled Handlebars server doing the same SQL and rendering the same page
 * (bench/bare-server.js). Everything runs on loopback, with its own embedded PostgreSQL and
 * redis-server, and is torn down at the end. Results: stdout and bench/results/.
 *
 * env: BENCH_DURATION (s per round, default 10), BENCH_WARMUP (s, default 5), BENCH_ROUNDS (3),
 *      BENCH_CONNECTIONS (50), BENCH_PROFILE=1 (CPU profile of the app during one extra round),
 *      BENCH_APP_DIR (a copy of the repository whose dist/ to run as the app, to try a change),
 *      BENCH_PROFILE_PATH (the path profiled, default /), BENCH_BREAKDOWN=1 (one extra round each on /brand.css: the stack without SQL and template),
 *      BENCH_EXPLAIN=1 (print the plans of the page's statements at the bench's size, as mzh_app, and stop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { NEXT_COURSES_SQL } from '../src/academy/enrolments/home-courses';
import { NEXT_MEETINGS_SQL } from '../src/cafes/meetings/home-meetings';
import { HELP_NEARBY_SQL } from '../src/guide/organisations/home-organisations';
import { FAQ_SQL } from '../src/guide/pages/home-guide';
import { LATEST_NEWS_SQL } from '../src/news/pages/home-news';
import { cleanups, runBench, startBenchServices } from './lib/run-bench';

const services = require('../scripts/lib/services.js');
const autocannon = require('autocannon');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const SLUG = 'poperinge';
const HOST = `${SLUG}.localhost`;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PROFILE = process.env.BENCH_PROFILE === '1';
// The floor the home page holds (55 % of bare) and the p99 goal (1.5×) of the developers' guide.
const TARGET = { reqRatio: 0.55, p99Ratio: 1.5 };

interface Round {
  requestsPerSecond: number;
  cpuUsPerRequest: number | null;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
}

const log = (msg: string) => console.log(`[bench] ${msg}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The round with the median req/s (for the breakdown table). */
function median3(list: Round[]): Round {
  const sorted = [...list].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor(sorted.length / 2)];
}

function get(port: number, pathName = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathName, headers: { host: HOST }, timeout: 5000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

async function waitForHttp(port: number, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const res = await get(port, '/healthz');
      if (res.status > 0) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer on port ${port} within 30 s`);
}

function startChild(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  log(`${name} started (pid ${child.pid})`);
  return child;
}

/** Server process by port, to read its CPU time from /proc (Linux; elsewhere cpu stays null). */
const pidByPort = new Map<number, number>();

/** User + system CPU time of a process in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function load(port: number, seconds: number, pathName = '/'): Promise<Round> {
  const cpuBefore = cpuMs(pidByPort.get(port));
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${pathName}`,
    headers: { host: HOST },
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpuAfter = cpuMs(pidByPort.get(port));
  return {
    requestsPerSecond: result.requests.average,
    // CPU the server process spent per answered request: much steadier than req/s when other
    // work competes for the cores.
    cpuUsPerRequest:
      cpuBefore === null || cpuAfter === null || !result.requests.total
        ? null
        : Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests.total),
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function seed(adminUrl: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    // As superuser (RLS does not apply): one municipality with members, like a small real one.
    const { rows } = await c.query<{ id: string }>(
      `insert into tenants (slug, name, nis_code, province, brand_color, contact_email, contact_phone,
         contact_address, welcome_text)
       values ($1, 'Poperinge', '33021', 'West-Vlaanderen', '#1d5c8f', 'sociaalhuis@poperinge.be',
         '057 34 66 00', 'Oudstrijdersplein 1, 8970 Poperinge',
         E'Elke eerste dinsdag van de maand is er Mantelzorgcafé in het Sociaal Huis.\n\nKom gerust eens langs: koffie staat klaar.')
       returning id`,
      [SLUG],
    );
    const tenantId = rows[0].id;
    const roles = [
      ...Array(40).fill('caregiver'),
      ...Array(5).fill('professional'),
      'tenant_admin',
    ];
    for (const [i, role] of roles.entries()) {
      const user = await c.query<{ id: string }>(
        `insert into users (email, password_hash, email_verified_at) values ($1, 'x', now()) returning id`,
        [`lid${i}@poperinge.example`],
      );
      await c.query(
        `insert into memberships (tenant_id, user_id, role, display_name) values ($1, $2, $3, $4)`,
        [tenantId, user.rows[0].id, role, `Lid ${i}`],
      );
    }
    // A café with monthly meetings, so the home page's "next meetings" section has rows to show.
    const cafe = await c.query<{ id: string }>(
      `insert into cafes (tenant_id, slug, name, venue_name, venue_address, recurrence_rule)
       values ($1, 'de-kouter', 'Mantelzorgcafé De Kouter', 'Lokaal dienstencentrum De Kouter',
         'Ieperstraat 90, 8970 Poperinge', 'FREQ=MONTHLY;BYDAY=1TU') returning id`,
      [tenantId],
    );
    for (let i = 1; i <= 6; i++) {
      await c.query(
        `insert into meetings (tenant_id, cafe_id, key, starts_at, ends_at, theme, capacity, generated_from_rule)
         values ($1, $2, to_char(now() + make_interval(days => $3 * 30), 'YYYY-MM-DD'),
           date_trunc('day', now()) + make_interval(days => $3 * 30, hours => 13),
           date_trunc('day', now()) + make_interval(days => $3 * 30, hours => 15),
           case when $3 % 2 = 1 then 'Zorgen voor jezelf als mantelzorger' end, 20, true)`,
        [tenantId, cafe.rows[0].id, i],
      );
    }
    await seedCourses(c, tenantId);
    // Other municipalities' rows, so the count has something to leave out.
    const other = await c.query<{ id: string }>(
      `insert into tenants (slug, name, welcome_text) values ('ieper', 'Ieper', '') returning id`,
    );
    await seedNews(c, tenantId, other.rows[0].id);
    await seedGuide(c, tenantId, other.rows[0].id);
    for (let i = 0; i < 40; i++) {
      const user = await c.query<{ id: string }>(
        `insert into users (email) values ($1) returning id`,
        [`lid${i}@ieper.example`],
      );
      await c.query(
        `insert into memberships (tenant_id, user_id, role, display_name) values ($1, $2, 'caregiver', $3)`,
        [other.rows[0].id, user.rows[0].id, `Lid ${i}`],
      );
    }
    await c.query('analyze');
  } finally {
    await c.end();
  }
}

/**
 * The academy's courses of the municipality, so the home page's "next courses" section has rows:
 * published courses for caregivers (three are shown: the nearest first), one of them full (the
 * waitlist), one with a price, and the rows the section must leave out: a course for
 * professionals only, a draft, one whose sessions are past, a cancelled session.
 */
async function seedCourses(c: Client, tenantId: string): Promise<void> {
  const courses: {
    slug: string;
    title: string;
    kind: string;
    audiences: string[];
    status: string;
    capacity: number;
    priceCents?: number;
    /** Days from today of each session (13:00–15:00 UTC); negative: past. */
    days: number[];
    confirmed?: number;
    waitlisted?: number;
  }[] = [
    {
      slug: 'zorgen-zonder-jezelf-te-vergeten',
      title: 'Zorgen zonder jezelf te vergeten',
      kind: 'track',
      audiences: ['caregiver'],
      status: 'published',
      capacity: 12,
      days: [10, 17, 24],
      confirmed: 5,
    },
    {
      slug: 'tillen-en-verplaatsen',
      title: 'Tillen en verplaatsen',
      kind: 'workshop',
      audiences: ['caregiver', 'professional'],
      status: 'published',
      capacity: 2,
      days: [20],
      confirmed: 2,
      waitlisted: 2,
    },
    {
      slug: 'premies-en-ondersteuning-voor-mantelzorgers',
      title: 'Premies en ondersteuning voor mantelzorgers',
      kind: 'info_session',
      audiences: ['caregiver'],
      status: 'published',
      capacity: 30,
      priceCents: 1250,
      days: [6],
    },
    {
      slug: 'rust-en-ontspanning',
      title: 'Rust en ontspanning',
      kind: 'workshop',
      audiences: ['caregiver'],
      status: 'published',
      capacity: 15,
      days: [40],
    },
    {
      slug: 'omgaan-met-dementie',
      title: 'Omgaan met dementie',
      kind: 'track',
      audiences: ['professional'],
      status: 'published',
      capacity: 16,
      days: [3, 10],
    },
    {
      slug: 'een-mantelzorgbeleid-uitbouwen',
      title: 'Een mantelzorgbeleid uitbouwen',
      kind: 'track',
      audiences: ['staff'],
      status: 'published',
      capacity: 10,
      days: [4, 11],
    },
    {
      slug: 'nog-in-opmaak',
      title: 'Nog in opmaak',
      kind: 'workshop',
      audiences: ['caregiver'],
      status: 'draft',
      capacity: 12,
      days: [2],
    },
    {
      slug: 'zorgen-zonder-jezelf-te-vergeten-najaar',
      title: 'Zorgen zonder jezelf te vergeten (najaar)',
      kind: 'track',
      audiences: ['caregiver'],
      status: 'published',
      capacity: 12,
      days: [-30, -23, -16],
      confirmed: 2,
    },
  ];
  const caregivers = (
    await c.query<{ id: string }>(
      `select id from memberships where tenant_id = $1 and role = 'caregiver' order by display_name`,
      [tenantId],
    )
  ).rows.map((r) => r.id);
  let next = 0;
  for (const course of courses) {
    const { rows } = await c.query<{ id: string }>(
      `insert into courses (tenant_id, slug, title, kind, audiences, summary, trainer_name,
         venue_name, venue_address, capacity, price_cents, status, published_at)
       values ($1, $2, $3, $4, $5, 'Een vorming voor wie zorgt.', 'An Peeters',
         'Sociaal Huis Poperinge', 'Oudstrijdersplein 1, 8970 Poperinge', $6, $7, $8::text,
         case when $8::text = 'published' then now() end)
       returning id`,
      [
        tenantId,
        course.slug,
        course.title,
        course.kind,
        course.audiences,
        course.capacity,
        course.priceCents ?? 0,
        course.status,
      ],
    );
    const courseId = rows[0].id;
    for (const [i, day] of course.days.entries())
      await c.query(
        `insert into course_sessions (tenant_id, course_id, position, title, starts_at, ends_at)
         values ($1, $2, $3, $4, date_trunc('day', now()) + make_interval(days => $5, hours => 13),
           date_trunc('day', now()) + make_interval(days => $5, hours => 15))`,
        [tenantId, courseId, i + 1, `Bijeenkomst ${i + 1}`, day],
      );
    const enrol = async (status: string, count: number) => {
      for (let i = 0; i < count; i++)
        await c.query(
          `insert into enrollments (tenant_id, course_id, membership_id, status, queued_at, confirmed_at)
           values ($1, $2, $3, $4::text, now(), case when $4::text = 'confirmed' then now() end)`,
          [tenantId, courseId, caregivers[next++ % caregivers.length], status],
        );
    };
    await enrol('confirmed', course.confirmed ?? 0);
    await enrol('waitlisted', course.waitlisted ?? 0);
  }
  // A cancelled session of a shown course, which its span must leave out.
  await c.query(
    `insert into course_sessions (tenant_id, course_id, position, title, starts_at, ends_at, status)
     select tenant_id, id, 9, 'Afgelast', date_trunc('day', now()) + interval '1 day 13 hours',
       date_trunc('day', now()) + interval '1 day 15 hours', 'cancelled'
       from courses where tenant_id = $1 and slug = 'rust-en-ontspanning'`,
    [tenantId],
  );
}

/**
 * The Wegwijzer, so the home page's "Veelgestelde vragen" has rows: 60 general pages (one a draft),
 * local parts of Poperinge under two of them, two pages of its own (and a draft), and Ieper's
 * own page and local part, which must stay out. Shown: Poperinge's own two, then the two with its
 * local part. And the directory, for "Hulp in de buurt": 200 organisations of five kinds.
 */
async function seedGuide(c: Client, tenantId: string, otherId: string): Promise<void> {
  const columns = `slug, theme, title, answer, body, status, reviewed_on, review_due_on`;
  const row = (slug: string, title: string, status = 'published') =>
    `select '${slug}'::text, 'zorg-thuis'::text, '${title}'::text, 'Het korte antwoord.'::text,
            'De **uitleg**.'::text, '${status}'::text, current_date - 10, current_date + 300`;
  await c.query(
    `insert into general_guide_pages (${columns})
     select 'vraag-' || g, 'zorg-thuis', 'Algemene vraag ' || (100 + g), 'Het korte antwoord.',
            'De **uitleg**.', case when g = 1 then 'draft' else 'published' end,
            current_date - 10, current_date + 300
       from generate_series(1, 60) g`,
  );
  for (const [hub, pages] of [
    [
      tenantId,
      [
        row('eigen-a', 'Aa: waar is het Sociaal Huis?'),
        row('eigen-b', 'Ab: de dienstencheques'),
        row('eigen-klad', 'Aa klad', 'draft'),
      ],
    ],
    [otherId, [row('ieper-eigen', 'Aa van Ieper')]],
  ] as const)
    await c.query(
      `insert into guide_pages (tenant_id, ${columns}) select $1, * from (${pages.join(' union all ')}) p`,
      [hub],
    );
  // The directory: 200 organisations of Poperinge over five kinds, and Ieper's, left out.
  for (const [hub, n] of [
    [tenantId, 200],
    [otherId, 50],
  ] as const)
    await c.query(
      `insert into care_organisations (tenant_id, name, name_key, kind, offer)
       select $1, 'Organisatie ' || g, 'organisatie ' || g,
              (array['dagopvang', 'thuiszorg', 'oppasdienst', 'vervoer', 'ziekenfonds'])[1 + g % 5],
              'Helpt mantelzorgers.'
         from generate_series(1, $2::int) g`,
      [hub, n],
    );
  for (const [hub, slugs] of [
    [tenantId, ['vraag-30', 'vraag-40']],
    [otherId, ['vraag-2']],
  ] as const)
    await c.query(
      `insert into guide_local_parts (tenant_id, page_id, body)
       select $1, id, 'In onze gemeente: bel het Sociaal Huis.' from general_guide_pages where slug = any($2)`,
      [hub, slugs],
    );
}

/**
 * The news of the municipality and of every hub, so the home page's "news" section has rows: the
 * three newest visible items (a local article, a general feed item, a local feed item) above a
 * few hundred older ones in each of the four sources, and the rows it must leave out: a draft, an
 * archived and a future article, a hidden item, and another municipality's news, all newer. The
 * reads do not use news_slugs, so the bench leaves it empty.
 */
async function seedNews(c: Client, tenantId: string, otherId: string): Promise<void> {
  const hash = `md5(random()::text) || md5(random()::text)`;
  const articles = async (tenant: string | null, rows: string) =>
    c.query(
      tenant
        ? `insert into news_articles (tenant_id, slug, title, summary, body, publish_at, status, pinned)
           select $1, slug, title, 'Een korte samenvatting voor de lijst.', 'De **tekst**.', at, status, pinned
             from (${rows}) r`
        : `insert into general_articles (slug, title, summary, body, publish_at, status, pinned)
           select slug, title, 'Een korte samenvatting voor de lijst.', 'De **tekst**.', at, status, pinned
             from (${rows}) r`,
      tenant ? [tenant] : [],
    );
  const feed = async (tenant: string | null, name: string) =>
    (
      await c.query<{ id: string }>(
        tenant
          ? `insert into news_feeds (tenant_id, url, host, name) values ($1, $2, 'www.example.be', $3) returning id`
          : `insert into general_feeds (url, host, name) values ($1, 'www.example.be', $2) returning id`,
        tenant
          ? [tenant, `https://www.example.be/${name}.xml`, name]
          : [`https://www.example.be/${name}.xml`, name],
      )
    ).rows[0].id;
  const items = async (tenant: string | null, feedId: string, rows: string) =>
    c.query(
      tenant
        ? `insert into news_feed_items (tenant_id, feed_id, guid_hash, link, title, summary, content, content_hash, published_at, slug, hidden)
           select $1, $2, ${hash}, 'https://www.example.be/' || slug, title, 'Een korte samenvatting.', '<p>Tekst.</p>', ${hash}, at, slug, hidden
             from (${rows}) r`
        : `insert into general_feed_items (feed_id, guid_hash, link, title, summary, content, content_hash, published_at, slug, hidden)
           select $1, ${hash}, 'https://www.example.be/' || slug, title, 'Een korte samenvatting.', '<p>Tekst.</p>', ${hash}, at, slug, hidden
             from (${rows}) r`,
      tenant ? [tenant, feedId] : [feedId],
    );
  const older = (
    prefix: string,
    n: number,
    extra = `'published'::text as status, false as pinned`,
  ) =>
    `select '${prefix}-' || g as slug, 'Bericht ' || g as title,
            now() - make_interval(days => 1, hours => g) as at, ${extra}
       from generate_series(1, ${n}) g`;
  const one = (slug: string, title: string, at: string, status = 'published', pinned = false) =>
    `select '${slug}'::text as slug, '${title}'::text as title, ${at} as at, '${status}'::text as status, ${pinned} as pinned`;
  const oneItem = (slug: string, title: string, at: string, hidden = false) =>
    `select '${slug}'::text as slug, '${title}'::text as title, ${at} as at, ${hidden} as hidden`;
  // Poperinge's own
  await articles(tenantId, older('lokaal', 200));
  await articles(
    tenantId,
    one(
      'nieuw-seizoen-mantelzorgcafe',
      'Het nieuwe seizoen van het Mantelzorgcafé begint',
      `now() - interval '1 hour'`,
      'published',
      true,
    ),
  );
  await articles(
    tenantId,
    one('nog-een-klad', 'Nog een klad', `now() - interval '10 minutes'`, 'draft'),
  );
  await articles(
    tenantId,
    one('gearchiveerd', 'Gearchiveerd', `now() - interval '20 minutes'`, 'archived'),
  );
  await articles(tenantId, one('straks', 'Straks', `now() + interval '1 day'`));
  const website = await feed(tenantId, 'website-poperinge');
  await items(
    tenantId,
    website,
    `${older('website', 300, 'false as hidden')}
    union all ${oneItem('nieuwe-openingsuren', 'Nieuwe openingsuren van het Sociaal Huis', `now() - interval '3 hours'`)}
    union all ${oneItem('verborgen', 'Verborgen', `now() - interval '5 minutes'`, true)}`,
  );
  // every hub's
  await articles(null, older('algemeen', 60));
  await articles(
    null,
    one('week-van-de-mantelzorg', 'Week van de mantelzorg', `now() + interval '2 days'`),
  );
  for (let f = 1; f <= 20; f++) {
    const id = await feed(null, `bron-${f}`);
    await items(null, id, older(`bron-${f}`, 100, 'false as hidden'));
    if (f === 1)
      await items(
        null,
        id,
        oneItem(
          'meer-plaatsen-dagverzorging',
          'Meer plaatsen in de dagverzorging',
          `now() - interval '2 hours'`,
        ),
      );
  }
  // Ieper's, newer than everything: never on Poperinge's page.
  await articles(
    otherId,
    `select 'ieper-' || g as slug, 'Ieper ' || g as title, now() - make_interval(mins => g) as at,
    'published'::text as status, false as pinned from generate_series(1, 50) g`,
  );
  const ieper = await feed(otherId, 'website-ieper');
  await items(
    otherId,
    ieper,
    `select 'ieper-item-' || g as slug, 'Ieper ' || g as title,
    now() - make_interval(mins => g) as at, false as hidden from generate_series(1, 100) g`,
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of the home page's statements, as mzh_app in the tenant's scope. */
async function explainHome(appUrl: string): Promise<void> {
  const c = new Client({ connectionString: appUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(`select id from tenants where slug = $1`, [
      SLUG,
    ]);
    const tenantId = rows[0].id;
    await c.query('begin');
    await c.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    const now = new Date();
    const statements: [string, string, unknown[]][] = [
      [
        'caregiver count',
        `select count(1) from memberships where tenant_id = $1 and role = $2`,
        [tenantId, 'caregiver'],
      ],
      ['next meetings', NEXT_MEETINGS_SQL, [tenantId, now]],
      ['next courses (anonymous)', NEXT_COURSES_SQL, [tenantId, now, ['caregiver']]],
      ['latest news', LATEST_NEWS_SQL, [tenantId, now]],
      ['frequent questions', FAQ_SQL, [tenantId]],
      ['kinds of help nearby', HELP_NEARBY_SQL, [tenantId]],
    ];
    for (const [name, sql, params] of statements) {
      const plan = await c.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${sql}`,
        params,
      );
      console.log(`\n-- ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    await c.query('rollback');
  } finally {
    await c.end();
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  app:  ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  bare: ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

async function main(): Promise<void> {
  // BENCH_DEBUG_SQL=1: print every statement the servers send (to count round trips per page).
  const debugSql = process.env.BENCH_DEBUG_SQL === '1';
  const { pgPort, superuserUrl, database, ownerUrl, appUrl, redisUrl } = await startBenchServices(
    ROOT,
    debugSql ? (line: unknown) => process.stdout.write(`[pg] ${String(line)}`) : undefined,
  );
  const [appPort, barePort] = [await services.freePort(), await services.freePort()];
  log(`PostgreSQL on ${pgPort}`);
  await seed(superuserUrl(database));
  log('migrated and seeded');
  if (process.env.BENCH_EXPLAIN === '1') {
    await explainHome(appUrl);
    return;
  }
  if (debugSql) {
    const c = new Client({ connectionString: superuserUrl(database) });
    await c.connect();
    await c.query(`ALTER ROLE mzh_app SET log_statement = 'all'`);
    await c.end();
  }

  const profileDir = path.join(RESULTS, 'profiles');
  const app = startChild(
    'app',
    [
      ...(PROFILE ? ['--require', path.join(__dirname, 'profile-preload.js')] : []),
      path.join(process.env.BENCH_APP_DIR ?? ROOT, 'dist', 'src', 'main.js'),
    ],
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      BASE_DOMAIN: 'localhost',
      PORT: String(appPort),
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: 'bench',
      MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.test>',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...(PROFILE ? { BENCH_PROFILE_DIR: profileDir } : {}),
    },
  );
  await waitForHttp(appPort, app, 'app');
  pidByPort.set(appPort, app.pid!);
  const appPage = await get(appPort);
  if (appPage.status !== 200)
    throw new Error(`app answered ${appPage.status}: ${appPage.body.slice(0, 300)}`);
  const assetVersion = /\/assets\/app\.css\?v=([^"&]+)/.exec(appPage.body)?.[1] ?? '';

  const bare = startChild('bare', ['bench/bare-server.js'], {
    DATABASE_URL: appUrl,
    PORT: String(barePort),
    BASE_DOMAIN: 'localhost',
    PLATFORM_URL: 'https://localhost',
    ASSET_VERSION: assetVersion,
    POOL_MAX: '20',
  });
  await waitForHttp(barePort, bare, 'bare server');
  pidByPort.set(barePort, bare.pid!);
  const barePage = await get(barePort);
  if (barePage.body !== appPage.body) {
    throw new Error(
      `the two servers render different pages, first difference ${firstDifference(appPage.body, barePage.body)}`,
    );
  }
  if (!appPage.body.includes('Al 40 mantelzorgers doen mee in Poperinge')) {
    throw new Error('the page does not show the seeded count of caregivers');
  }
  // The academy's section: the three nearest caregiver courses, nothing for others or drafts.
  const shownCourses = [...appPage.body.matchAll(/href="\/academie\/([a-z0-9-]+)"/g)].map(
    (m) => m[1],
  );
  const expectedCourses = [
    'premies-en-ondersteuning-voor-mantelzorgers',
    'zorgen-zonder-jezelf-te-vergeten',
    'tillen-en-verplaatsen',
  ];
  if (shownCourses.join() !== expectedCourses.join())
    throw new Error(
      `the page shows the courses ${shownCourses.join(', ')}, not ${expectedCourses.join(', ')}`,
    );
  // The news's section: the three newest visible items, nothing hidden, planned or of Ieper.
  const shownNews = [...appPage.body.matchAll(/href="\/nieuws\/([a-z0-9-]+)"/g)].map((m) => m[1]);
  const expectedNews = [
    'nieuw-seizoen-mantelzorgcafe',
    'meer-plaatsen-dagverzorging',
    'nieuwe-openingsuren',
  ];
  if (shownNews.join() !== expectedNews.join())
    throw new Error(
      `the page shows the news ${shownNews.join(', ')}, not ${expectedNews.join(', ')}`,
    );
  // The guide's section: Poperinge's own pages, then the general ones with its local part.
  const shownQuestions = [...appPage.body.matchAll(/href="\/wegwijzer\/([a-z0-9/-]+)"/g)].map(
    (m) => m[1],
  );
  const expectedQuestions = ['lokaal/eigen-a', 'lokaal/eigen-b', 'vraag-30', 'vraag-40'];
  if (shownQuestions.join() !== expectedQuestions.join())
    throw new Error(
      `the page shows the questions ${shownQuestions.join(', ')}, not ${expectedQuestions.join(', ')}`,
    );
  // The directory's section: Poperinge's five kinds, 40 organisations each.
  const shownKinds = [
    ...appPage.body.matchAll(
      /href="\/hulp-in-de-buurt\?soort&#x3D;([a-z-]+)">[^<]+<\/a><span>(\d+) /g,
    ),
  ].map((m) => `${m[1]} ${m[2]}`);
  const expectedKinds = [
    'dagopvang 40',
    'thuiszorg 40',
    'oppasdienst 40',
    'vervoer 40',
    'ziekenfonds 40',
  ];
  if (shownKinds.join() !== expectedKinds.join())
    throw new Error(
      `the page shows the kinds ${shownKinds.join(', ')}, not ${expectedKinds.join(', ')}`,
    );
  log(`both servers render the same page (${Buffer.byteLength(appPage.body)} bytes)`);

  const loadAtStart = os.loadavg();
  log(`warm-up ${WARMUP} s each (load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')})`);
  await load(appPort, WARMUP);
  await load(barePort, WARMUP);
  const rounds: { app: Round[]; bare: Round[] } = { app: [], bare: [] };
  for (let i = 1; i <= ROUNDS; i++) {
    // Alternate, so drift (thermal, background work) hits both alike.
    rounds.app.push(await load(appPort, DURATION));
    rounds.bare.push(await load(barePort, DURATION));
    log(
      `round ${i}: app ${rounds.app[i - 1].requestsPerSecond.toFixed(0)} req/s p99 ${rounds.app[i - 1].p99} ms` +
        ` cpu ${rounds.app[i - 1].cpuUsPerRequest} µs/req · bare ${rounds.bare[i - 1].requestsPerSecond.toFixed(0)} req/s` +
        ` p99 ${rounds.bare[i - 1].p99} ms cpu ${rounds.bare[i - 1].cpuUsPerRequest} µs/req`,
    );
  }
  const bad = [...rounds.app, ...rounds.bare].filter((r) => r.non2xx || r.errors);
  if (bad.length) throw new Error(`non-2xx answers or errors under load: ${JSON.stringify(bad)}`);

  // Where the time goes (BENCH_BREAKDOWN=1): /brand.css passes the app's whole middleware stack
  // and a controller but no transaction and no template; bench/nest-minimal.ts serves it with
  // bare NestJS + Express (nothing of ours); the bare server answers it with a constant string.
  let breakdown: Record<string, Round> | null = null;
  if (process.env.BENCH_BREAKDOWN === '1') {
    const nestPort = await services.freePort();
    const nest = startChild(
      'nest-minimal',
      ['--require', 'ts-node/register/transpile-only', 'bench/nest-minimal.ts'],
      { NODE_ENV: 'production', PORT: String(nestPort), TS_NODE_TRANSPILE_ONLY: '1' },
    );
    await waitForHttp(nestPort, nest, 'nest-minimal');
    pidByPort.set(nestPort, nest.pid!);
    await load(nestPort, WARMUP, '/brand.css');
    breakdown = {
      'bare /brand.css (constant)': await load(barePort, DURATION, '/brand.css'),
      'NestJS+Express, nothing of ours, /brand.css': await load(nestPort, DURATION, '/brand.css'),
      'app /brand.css (all middleware, no SQL, no template)': await load(
        appPort,
        DURATION,
        '/brand.css',
      ),
      'app / (home page)': median3(rounds.app),
      'bare / (home page)': median3(rounds.bare),
    };
    nest.kill('SIGTERM');
  }

  if (PROFILE) {
    log(`profiling the app for ${DURATION} s`);
    app.kill('SIGWINCH'); // start (bench/profile-preload.js)
    await load(appPort, DURATION, process.env.BENCH_PROFILE_PATH ?? '/');
    app.kill('SIGWINCH'); // stop and write
    await new Promise((r) => setTimeout(r, 2000));
  }

  const summary = (list: Round[]) => ({
    requestsPerSecond: Math.round(median(list.map((r) => r.requestsPerSecond))),
    p99: median(list.map((r) => r.p99)),
    p50: median(list.map((r) => r.p50)),
    cpuUsPerRequest: list.every((r) => r.cpuUsPerRequest !== null)
      ? median(list.map((r) => r.cpuUsPerRequest!))
      : null,
  });
  const appSummary = summary(rounds.app);
  const bareSummary = summary(rounds.bare);
  const ratios = {
    requestsPerSecond: appSummary.requestsPerSecond / bareSummary.requestsPerSecond,
    p99: appSummary.p99 / bareSummary.p99,
  };
  const meets = {
    requestsPerSecond: ratios.requestsPerSecond >= TARGET.reqRatio,
    p99: ratios.p99 <= TARGET.p99Ratio,
  };
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model },
    settings: {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      roundSeconds: DURATION,
      rounds: ROUNDS,
    },
    app: appSummary,
    bare: bareSummary,
    ratios,
    target: TARGET,
    meets,
    rounds,
    breakdown,
    loadAverage: { start: loadAtStart, end: os.loadavg() },
  };

  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  const lines = [
    '',
    `Tenant home page, anonymous, ${CONNECTIONS} connections, median of ${ROUNDS} × ${DURATION} s (after ${WARMUP} s warm-up)`,
    '',
    '                          req/s     p50 ms   p99 ms   server CPU µs/request',
    `  app (NestJS, prod)   ${String(appSummary.requestsPerSecond).padStart(8)}   ${String(appSummary.p50).padStart(6)}   ${String(appSummary.p99).padStart(6)}   ${String(appSummary.cpuUsPerRequest ?? '?').padStart(6)}`,
    `  bare (node:http+pg)  ${String(bareSummary.requestsPerSecond).padStart(8)}   ${String(bareSummary.p50).padStart(6)}   ${String(bareSummary.p99).padStart(6)}   ${String(bareSummary.cpuUsPerRequest ?? '?').padStart(6)}`,
    '',
    `  app/bare req/s: ${pct(ratios.requestsPerSecond)} (target ≥ ${pct(TARGET.reqRatio)}) ${meets.requestsPerSecond ? 'OK' : 'SHORT'}`,
    `  app/bare p99:   ${ratios.p99.toFixed(2)}× (target ≤ ${TARGET.p99Ratio}×) ${meets.p99 ? 'OK' : 'SHORT'}`,
    ...(breakdown
      ? [
          '',
          '  Breakdown (one round each)                           req/s   p99 ms   server CPU µs/request',
          ...Object.entries(breakdown).map(
            ([name, r]) =>
              `  ${name.padEnd(52)} ${String(Math.round(r.requestsPerSecond)).padStart(6)}   ${String(r.p99).padStart(6)}   ${String(r.cpuUsPerRequest ?? '?').padStart(6)}`,
          ),
          '  (server CPU: user+system time of the server process only; PostgreSQL and the load generator not included)',
        ]
      : []),
    `  load average ${result.loadAverage.start.map((n) => n.toFixed(2)).join(' ')} → ${result.loadAverage.end.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores; other work on the machine skews both)`,
    '',
  ];
  console.log(lines.join('\n'));
  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = result.date.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(RESULTS, `home-${stamp}.json`), JSON.stringify(result, null, 2));
  fs.writeFileSync(path.join(RESULTS, 'home-latest.txt'), `${result.date}\n${lines.join('\n')}`);
  log(`results in ${path.relative(ROOT, RESULTS)}/home-${stamp}.json`);
}

runBench(main);
