/**
 * Query plans of a member's pages at the bench's data size (docs/benchmarks.md, "Query plans"):
 * `npm run bench -- explain`.
 *
 * Seeds one municipality as the reminders bench does (10,000 members, a café with 10 meetings and
 * 10,000 sign-ups) plus a second café of a usual size (10 meetings, 200 sign-ups) and 13,000
 * follows, runs the real app in this process as `mzh_app` with PostgreSQL's auto_explain on
 * (every statement, ANALYZE and BUFFERS), logs in through the login form as a member who hosts
 * both cafés, and opens "mijn aanmeldingen", "mijn herinneringen" (page and save), the home and
 * café pages and the host dashboard. For every statement of every page it prints the scans (node, index, table,
 * rows) and the execution time; then the same without the member indexes of migration
 * 1764300000000 (dropped as the owner), to show what they change.
 *
 * env: BENCH_MEMBERS (10000), BENCH_HISTORY (0: past meetings of Het Anker with 20 sign-ups each,
 * e.g. 600 for a few years of several cafés), BENCH_VERBOSE=1 (print the full plans too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import request from 'supertest';
import { createWebApp } from '../src/app';
import { loadConfig } from '../src/config/app-config';
import { csrfIn } from '../test/support/csrf';
import { seedPoperinge } from './lib/bench-data';
import { cleanups, runBench, startBenchServices } from './lib/run-bench';

const ROOT = path.resolve(__dirname, '..');
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const VERBOSE = process.env.BENCH_VERBOSE === '1';
/** Past meetings of Het Anker with 20 sign-ups each: years of history (0: the bench's size). */
const HISTORY = Number(process.env.BENCH_HISTORY ?? 0);
const PASSWORD = 'Bench-wachtwoord-2026';
const log = (msg: string) => console.log(`[explain] ${msg}`);

async function seed(c: Client): Promise<{ tenantId: string; meetingKey: string }> {
  const tenantId = await seedPoperinge(c, MEMBERS);
  const cafes: string[] = [];
  for (const [slug, name] of [
    ['de-kouter', 'Mantelzorgcafé De Kouter'],
    ['het-anker', 'Mantelzorgcafé Het Anker'],
  ]) {
    const cafe = await c.query<{ id: string }>(
      `insert into cafes (tenant_id, slug, name, venue_name, venue_address, reminder_offsets)
       values ($1, $2, $3, 'Lokaal dienstencentrum', 'Ieperstraat 90, 8970 Poperinge', '{10080,1440}')
       returning id`,
      [tenantId, slug, name],
    );
    cafes.push(cafe.rows[0].id);
    // Ten meetings a week apart, from three days ahead.
    await c.query(
      `insert into meetings (tenant_id, cafe_id, key, starts_at, ends_at, theme, capacity)
       select $1, $2, to_char((now() + interval '3 days' + make_interval(days => 7 * i)) at time zone 'Europe/Brussels', 'YYYY-MM-DD'),
              date_trunc('hour', now()) + interval '3 days' + make_interval(days => 7 * i),
              date_trunc('hour', now()) + interval '3 days' + make_interval(days => 7 * i, hours => 2),
              'Zorgen voor jezelf als mantelzorger', $3
         from generate_series(0, 9) i`,
      [tenantId, cafes.at(-1), MEMBERS],
    );
  }
  // Every member signed up for one meeting of De Kouter (as the reminders bench: 1,000 per
  // meeting); Het Anker is a café of a usual size (20 per meeting). Everyone follows De Kouter,
  // three in ten Het Anker too.
  await c.query(
    `insert into signups (tenant_id, meeting_id, membership_id, status, queued_at)
     select $1, m.id, p.id, 'confirmed', now() - interval '10 days'
       from (select id, row_number() over (order by id) - 1 as n from memberships where tenant_id = $1) p
       join (select id, row_number() over (order by starts_at) - 1 as n from meetings
              where tenant_id = $1 and cafe_id = $2) m on m.n = p.n % 10`,
    [tenantId, cafes[0]],
  );
  await c.query(
    `insert into signups (tenant_id, meeting_id, membership_id, status, queued_at)
     select $1, m.id, p.id, 'confirmed', now() - interval '10 days'
       from (select id, row_number() over (order by id) - 1 as n from memberships where tenant_id = $1) p
       join (select id, row_number() over (order by starts_at) - 1 as n from meetings
              where tenant_id = $1 and cafe_id = $2) m on m.n = (p.n / 50) % 10
      where p.n % 50 = 0`,
    [tenantId, cafes[1]],
  );
  await c.query(
    `insert into cafe_follows (tenant_id, cafe_id, membership_id)
     select $1, $2, id from memberships where tenant_id = $1`,
    [tenantId, cafes[0]],
  );
  await c.query(
    `insert into cafe_follows (tenant_id, cafe_id, membership_id)
     select $1, $2, id from memberships where tenant_id = $1 and abs(hashtext(id::text)) % 10 < 3`,
    [tenantId, cafes[1]],
  );
  if (HISTORY > 0) {
    await c.query(
      `insert into meetings (tenant_id, cafe_id, key, starts_at, ends_at, theme, capacity)
       select $1, $2, to_char((now() - make_interval(days => 7 * i)) at time zone 'Europe/Brussels', 'YYYY-MM-DD'),
              now() - make_interval(days => 7 * i), now() - make_interval(days => 7 * i) + interval '2 hours',
              'Vroeger', 20
         from generate_series(1, $3) i`,
      [tenantId, cafes[1], HISTORY],
    );
    await c.query(
      `insert into signups (tenant_id, meeting_id, membership_id, status, queued_at)
       select $1, m.id, p.id, 'confirmed', m.starts_at - interval '10 days'
         from (select id, starts_at, row_number() over (order by starts_at) as n from meetings
                where tenant_id = $1 and theme = 'Vroeger') m
         join (select id, row_number() over (order by id) - 1 as n from memberships where tenant_id = $1) p
           on p.n between (m.n * 20) % $2 and (m.n * 20) % $2 + 19`,
      [tenantId, MEMBERS - 20],
    );
  }
  // lid1 logs in: a real password, host of De Kouter, signed up (above) and following both.
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  await c.query(`update users set password_hash = $1 where email = 'lid1@poperinge.example'`, [
    hash,
  ]);
  await c.query(
    `insert into cafe_hosts (tenant_id, cafe_id, membership_id)
     select $1, c, m.id from memberships m join users u on u.id = m.user_id, unnest($2::uuid[]) c
      where u.email = 'lid1@poperinge.example'`,
    [tenantId, cafes],
  );
  await c.query(
    `insert into cafe_follows (tenant_id, cafe_id, membership_id)
     select $1, $2, m.id from memberships m join users u on u.id = m.user_id
      where u.email = 'lid1@poperinge.example' on conflict do nothing`,
    [tenantId, cafes[1]],
  );
  await c.query('analyze');
  const key = await c.query<{ key: string }>(
    `select key from meetings where cafe_id = $1 order by starts_at limit 1`,
    [cafes[0]],
  );
  return { tenantId, meetingKey: key.rows[0].key };
}

interface Plan {
  ms: number;
  sql: string;
  scans: string[];
  text: string;
}

/** auto_explain's entries in PostgreSQL's log output (text format). */
function plansIn(logText: string): Plan[] {
  const plans: Plan[] = [];
  for (const entry of logText.split(/LOG:\s+duration: /).slice(1)) {
    const m = /^([\d.]+) ms\s+plan:\s*\n([\s\S]*)$/.exec(entry);
    if (!m) continue;
    const body = m[2]
      .split('\n')
      .filter((line) => /^\s/.test(line))
      .join('\n');
    const sql = (/Query Text: ([\s\S]*?)\n\s*(?=[A-Z][a-z]+.*\(cost=|$)/.exec(body)?.[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const scans = [
      ...body.matchAll(
        /((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan))(?: using (\S+))? on (\S+)(?: \S+)?\s+\(cost=[^)]*\) \(actual time=[^)]*rows=([\d.]+) loops=(\d+)\)/g,
      ),
    ].map(
      ([, node, index, table, rows, loops]) =>
        `${node}${index ? ` ${index}` : ''} on ${table}: ${rows} rows${loops !== '1' ? ` × ${loops}` : ''}`,
    );
    plans.push({ ms: Number(m[1]), sql, scans, text: body });
  }
  return plans;
}

/** Statements every request makes whatever the page (session, tenant context, membership). */
const PLUMBING = /set_config|from "sessions"|"sessions"|^(begin|commit|rollback)/i;

async function main(): Promise<void> {
  let pgLog = '';
  const services = await startBenchServices(ROOT, (chunk) => {
    pgLog += String(chunk);
  });
  const { superuserUrl, database, ownerUrl, appUrl, redisUrl } = services;
  const db = new Client({ connectionString: superuserUrl(database) });
  await db.connect();
  cleanups.push(() => db.end());
  const { meetingKey } = await seed(db);
  log(
    `seeded: ${MEMBERS} members, ${20 + HISTORY} meetings in 2 cafés, ` +
      `${MEMBERS + MEMBERS / 50 + 20 * HISTORY} sign-ups`,
  );
  // Every statement of the app's connections is explained with its real row counts and timing.
  for (const setting of [
    `session_preload_libraries = 'auto_explain'`,
    'auto_explain.log_min_duration = 0',
    'auto_explain.log_analyze = on',
    'auto_explain.log_buffers = on',
    'auto_explain.log_timing = on',
  ])
    await db.query(`ALTER ROLE mzh_app SET ${setting}`);

  const mailDir = mkdtempSync(path.join(tmpdir(), 'mzh-explain-mail-'));
  cleanups.push(() => rmSync(mailDir, { recursive: true, force: true }));
  const config = loadConfig({
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'explain',
    MAIL_FROM: 'Mantelzorghub <noreply@mantelzorghub.test>',
    BASE_DOMAIN: 'localhost',
    PORT: '3000',
    SESSION_SECRET: 'explain-bench-session-secret-0123456789abcdef',
    MAIL_DIR: mailDir,
    NODE_ENV: 'test',
  });
  const app = await createWebApp(config, { worker: false });
  cleanups.push(() => app.close());
  const agent = request.agent(app.getHttpServer()).host('poperinge.localhost');
  const form = await agent.get('/inloggen').expect(200);
  await agent
    .post('/inloggen')
    .type('form')
    .send({ _csrf: csrfIn(form.text), email: 'lid1@poperinge.example', password: PASSWORD })
    .expect((res) => {
      if (res.status !== 302 && res.status !== 303) throw new Error(`login: ${res.status}`);
    });

  const settingsForm = async () => {
    const page = await agent.get('/mijn-herinneringen').expect(200);
    const cafeFields = [...page.text.matchAll(/name="(cafe-[0-9a-f-]{36})"/g)].map((m) => m[1]);
    return {
      _csrf: csrfIn(page.text),
      default: 'signed_up',
      ...Object.fromEntries(cafeFields.map((f) => [f, 'all'])),
    };
  };
  const pages: { name: string; run: () => Promise<unknown> }[] = [
    { name: 'GET /mijn-aanmeldingen', run: () => agent.get('/mijn-aanmeldingen').expect(200) },
    { name: 'GET /mijn-herinneringen', run: () => agent.get('/mijn-herinneringen').expect(200) },
    {
      name: 'POST /mijn-herinneringen',
      run: async () => {
        const body = await settingsForm();
        pgLog = ''; // only the save
        return agent.post('/mijn-herinneringen').type('form').send(body).expect(303);
      },
    },
    { name: 'GET / (home, logged in)', run: () => agent.get('/').expect(200) },
    { name: 'GET /cafes/de-kouter', run: () => agent.get('/cafes/de-kouter').expect(200) },
    {
      name: 'GET /cafes/de-kouter/beheer/aanmeldingen (host dashboard)',
      run: () => agent.get('/cafes/de-kouter/beheer/aanmeldingen').expect(200),
    },
    {
      name: `GET /cafes/de-kouter/beheer/${meetingKey}/aanwezigheidslijst`,
      run: () => agent.get(`/cafes/de-kouter/beheer/${meetingKey}/aanwezigheidslijst`).expect(200),
    },
    {
      name: 'GET /cafes/het-anker/beheer/aanmeldingen (host dashboard, 20 per meeting)',
      run: () => agent.get('/cafes/het-anker/beheer/aanmeldingen').expect(200),
    },
    {
      name: 'GET /cafes/de-kouter/beheer/wensen',
      run: () => agent.get('/cafes/de-kouter/beheer/wensen').expect(200),
    },
  ];

  const round = async (label: string) => {
    console.log(`\n## ${label}`);
    for (const page of pages) {
      await page.run(); // warm: caches, prepared plans, the pool's connections
      pgLog = '';
      await page.run();
      // auto_explain writes when the statement ends; the log reaches us a moment later.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const plans = plansIn(pgLog).filter((p) => !PLUMBING.test(p.sql));
      const total = plans.reduce((n, p) => n + p.ms, 0);
      console.log(`\n### ${page.name}: ${plans.length} statements, ${total.toFixed(2)} ms in all`);
      for (const p of plans) {
        console.log(`- ${p.ms.toFixed(3)} ms  ${p.sql.slice(0, 140)}`);
        for (const scan of p.scans) console.log(`    ${scan}`);
        if (VERBOSE) console.log(p.text.replace(/^/gm, '      '));
      }
    }
  };

  /**
   * Deleting a membership (erasure, leaving the municipality) cascades to its sign-ups and
   * follows: the time of each foreign key's trigger, in a transaction that is rolled back.
   */
  const cascade = async () => {
    await db.query('BEGIN');
    try {
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)
         DELETE FROM memberships WHERE id = (SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
                                              WHERE u.email = 'lid2@poperinge.example')`,
      );
      console.log('\n### DELETE a membership (cascade to signups, cafe_follows; rolled back)');
      for (const { 'QUERY PLAN': line } of rows)
        if (/Trigger for constraint fk_(signups|cafe_follows)_membership|Execution Time/.test(line))
          console.log(`    ${line.trim()}`);
      // What each foreign key's trigger runs, and how it finds the rows (another member).
      for (const table of ['signups', 'cafe_follows']) {
        const plan = await db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, FORMAT TEXT)
           DELETE FROM ONLY ${table} WHERE (tenant_id, membership_id) = (
             SELECT m.tenant_id, m.id FROM memberships m JOIN users u ON u.id = m.user_id
              WHERE u.email = 'lid3@poperinge.example')`,
        );
        const lines = plan.rows.map((r) => r['QUERY PLAN'].trim());
        const at = lines.findIndex((l) => new RegExp(`Scan.* on ${table}`).test(l));
        for (const line of [...lines.slice(at, at + 3), lines.at(-1)!])
          if (/Scan|Cond|Filter|Execution Time/.test(line)) console.log(`    ${table}: ${line}`);
      }
    } finally {
      await db.query('ROLLBACK');
    }
  };

  await round('with the member indexes (as migrated)');
  await cascade();
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  cleanups.push(() => owner.end());
  await owner.query('DROP INDEX ix_signups_member');
  await owner.query('DROP INDEX ix_cafe_follows_member');
  await owner.query('ANALYZE signups, cafe_follows');
  await round(
    'without ix_signups_member and ix_cafe_follows_member (before migration 1764300000000)',
  );
  await cascade();
}

runBench(main);
