/**
 * `npm run bench -- reminders` (through scripts/bench.js, after a build): café reminders for
 * 10,000 sign-ups, planned and delivered by the real worker (production mode, its own process)
 * to a local SMTP sink (bench/smtp-sink-process.js, its own process); then the same 10,000
 * rendered messages, read back from the outbox, sent with bare nodemailer (the same pool options,
 * SMTP_POOL and SMTP_TIMEOUTS, and the app's TCP_NODELAY socket) to the same sink. Prints e-mails/s for both and the ratio
 * (issue 3, item 8: target ≥ 50 %). Own embedded PostgreSQL and redis-server, torn down at the
 * end. Results: stdout and bench/results/reminders-*.
 *
 * env: BENCH_SIGNUPS (10000), BENCH_MEETINGS (10), BENCH_TIMEOUT (s, 600),
 *      BENCH_APP_DIR (a copy of the repository whose dist/ to run as the worker),
 *      BENCH_PROFILE=1 (CPU profile of the worker from the trigger to the last mail),
 *      BENCH_SLOW_SQL=<ms> (log the worker's statements slower than that, a summary at the end),
 *      BENCH_AUTO_EXPLAIN=<ms> (auto_explain for the worker's statements slower than that, written
 *      with PostgreSQL's log to bench/results/reminders-postgres.log).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { seedPoperinge } from './lib/bench-data';
import { cpuMs, peakRssMb, postmasterPid, treeCpuMs } from './lib/proc-stats';
import { cleanups, runBench, startBenchServices } from './lib/run-bench';

const services = require('../scripts/lib/services.js');

const ROOT = path.resolve(__dirname, '..');
const APP_DIR = process.env.BENCH_APP_DIR ?? ROOT;
const RESULTS = path.join(ROOT, 'bench', 'results');
const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 10_000);
const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 10);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT ?? 600) * 1000;
const PROFILE = process.env.BENCH_PROFILE === '1';
const TARGET = 0.5;
const REDIS_PREFIX = 'bench';
const MAIL_FROM = 'Mantelzorghub <noreply@mantelzorghub.test>';
const BASE_DOMAIN = 'localhost';

// The pool options and the Message-ID of the built app (what the worker runs).
const { SMTP_POOL, SMTP_TIMEOUTS } = require(
  path.join(APP_DIR, 'dist', 'src', 'mail', 'jobs', 'mail.constants.js'),
);
const { messageIdFor } = require(path.join(APP_DIR, 'dist', 'src', 'mail', 'message-id.js'));
// The app's socket for the pool (TCP_NODELAY): the bare sender uses it too, so only the pipeline differs.
const { connectWithoutDelay } = require(
  path.join(APP_DIR, 'dist', 'src', 'mail', 'transports', 'smtp.transport.js'),
);

const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SinkCount {
  received: number;
  unique: number;
  bytes: number;
  duplicates: number;
  noId: number;
}

/** The SMTP sink in its own process; count() asks it over IPC. */
class Sink {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<Sink> {
    const child = fork(path.join(__dirname, 'smtp-sink-process.js'), [], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    cleanups.push(() => stopChild(child));
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`SMTP sink exited with ${code}`)));
      child.on('message', (m: { type: string; port?: number }) => {
        if (m.type === 'listening') resolve(m.port!);
      });
    });
    return new Sink(child, port);
  }

  private ask<T>(cmd: string, type: string): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        resolve(m);
      };
      this.child.on('message', onMessage);
      this.child.send({ cmd });
    });
  }

  count(): Promise<SinkCount> {
    return this.ask<SinkCount>('count', 'count');
  }

  reset(): Promise<void> {
    return this.ask<void>('reset', 'reset');
  }
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

/** Everything but the sign-ups: they are added when the worker is up, as the trigger. */
async function seed(c: Client): Promise<{ tenantId: string }> {
  const tenantId = await seedPoperinge(c, SIGNUPS);
  const cafe = await c.query<{ id: string }>(
    `insert into cafes (tenant_id, slug, name, venue_name, venue_address, reminder_offsets)
     values ($1, 'de-kouter', 'Mantelzorgcafé De Kouter', 'Lokaal dienstencentrum De Kouter',
       'Ieperstraat 90, 8970 Poperinge', '{10080,1440}') returning id`,
    [tenantId],
  );
  // N meetings about three days ahead (one hour apart): the 7-day reminder is due, the 1-day one not.
  await c.query(
    `insert into meetings (tenant_id, cafe_id, key, starts_at, ends_at, theme, capacity)
     select $1, $2, 'bench-' || i,
            date_trunc('hour', now()) + interval '3 days' + make_interval(hours => i),
            date_trunc('hour', now()) + interval '3 days' + make_interval(hours => i + 2),
            'Zorgen voor jezelf als mantelzorger', $4
       from generate_series(1, $3) i`,
    [tenantId, cafe.rows[0].id, MEETINGS, SIGNUPS],
  );
  await c.query('analyze');
  return { tenantId };
}

/** 10,000 confirmed sign-ups spread over the meetings, queued 10 days ago; returns commit time. */
async function addSignups(c: Client, tenantId: string): Promise<void> {
  await c.query(
    `insert into signups (tenant_id, meeting_id, membership_id, status, queued_at)
     select $1, m.id, p.id, 'confirmed', now() - interval '10 days'
       from (select id, row_number() over (order by id) - 1 as n from memberships where tenant_id = $1) p
       join (select id, row_number() over (order by starts_at) - 1 as n from meetings where tenant_id = $1) m
         on m.n = p.n % $2`,
    [tenantId, MEETINGS],
  );
}

interface OutboxState {
  total: number;
  sent: number;
  pending: number;
  failed: number;
}

async function outboxState(c: Client): Promise<OutboxState> {
  const { rows } = await c.query<{ total: number; sent: number; pending: number; failed: number }>(
    `select count(*)::int as total,
            count(*) filter (where status = 'sent')::int as sent,
            count(*) filter (where status = 'pending')::int as pending,
            count(*) filter (where status = 'failed')::int as failed
       from outbox_messages`,
  );
  return rows[0];
}

interface OutboxRow {
  tenant_id: string;
  key: string;
  to_address: string;
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: string }[];
}

/**
 * BENCH_EXPLAIN=1: the plan of the worker's mark-sent statement (as mzh_app, RLS on), before and
 * after an ANALYZE (as the owner). After the run every row is `sent`, so the statement looks for
 * status 'sent' here: the same shape as during the run, when most rows were still 'pending'.
 */
async function explainMarkSent(appUrl: string, ownerUrl: string, tenantId: string): Promise<void> {
  const c = new Client({ connectionString: appUrl });
  await c.connect();
  try {
    const explain = async (label: string) => {
      await c.query('begin');
      await c.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await c.query<{ id: string }>(`select id from outbox_messages limit 1`);
      const plan = await c.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) UPDATE outbox_messages SET status = 'sent', sent_at = now(), last_error = NULL
          WHERE tenant_id = $1 AND id = $2 AND status = 'sent'`,
        [tenantId, rows[0].id],
      );
      await c.query('rollback');
      log(
        `mark-sent plan, ${label}:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`,
      );
    };
    await explain('statistics as the run left them');
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query('analyze outbox_messages');
    await owner.end();
    await explain('after ANALYZE');
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  // BENCH_SLOW_SQL=<ms>: the worker's statements slower than that, summed by statement.
  const slowSql = process.env.BENCH_SLOW_SQL;
  const autoExplain = process.env.BENCH_AUTO_EXPLAIN;
  const pgLogFile = path.join(RESULTS, 'reminders-postgres.log');
  if (autoExplain) {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.rmSync(pgLogFile, { force: true });
  }
  const slow = new Map<string, { count: number; ms: number }>();
  const { pgPort, pgDataDir, superuserUrl, database, ownerUrl, appUrl, redisUrl } =
    await startBenchServices(ROOT, (chunk: unknown) => {
      if (autoExplain) fs.appendFileSync(pgLogFile, String(chunk));
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
  const workerPort = await services.freePort();
  log(`PostgreSQL on ${pgPort}`);
  // As superuser: RLS does not apply, and the users table is global.
  const db = new Client({ connectionString: superuserUrl(database) });
  await db.connect();
  cleanups.push(() => db.end());
  const { tenantId } = await seed(db);
  if (autoExplain) {
    await db.query(`ALTER ROLE mzh_app SET session_preload_libraries = 'auto_explain'`);
    await db.query(`ALTER ROLE mzh_app SET auto_explain.log_min_duration = ${Number(autoExplain)}`);
  }
  if (slowSql)
    await db.query(`ALTER ROLE mzh_app SET log_min_duration_statement = ${Number(slowSql)}`);
  log(`migrated and seeded (${SIGNUPS} members, ${MEETINGS} meetings)`);

  const sink = await Sink.start();
  log(`SMTP sink on ${sink.port} (own process, pid ${sink.child.pid})`);

  // The real worker: all processors, the schedulers, pooled SMTP to the sink.
  const worker = spawn(
    process.execPath,
    [
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
        MAIL_FROM,
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        ...(PROFILE ? { BENCH_PROFILE_DIR: path.join(RESULTS, 'profiles') } : {}),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  cleanups.push(() => stopChild(worker));

  // BullMQ's prefix as the app sets it (src/jobs/jobs.module.ts): `{REDIS_PREFIX}`.
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const reminders = new Queue('reminders', { connection, prefix: `{${REDIS_PREFIX}}` });
  const mailQueue = new Queue('mail', { connection, prefix: `{${REDIS_PREFIX}}` });
  cleanups.push(() => Promise.all([reminders.close(), mailQueue.close()]));

  // Ready: both queues have a worker and the schedulers are declared. The scheduler's own first
  // planner run finds no sign-ups yet and writes nothing.
  const readyBy = Date.now() + 60_000;
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}`);
    if (Date.now() > readyBy) throw new Error('worker not ready within 60 s');
    const [rw, mw, schedulers] = await Promise.all([
      reminders.getWorkersCount(),
      mailQueue.getWorkersCount(),
      reminders.getJobSchedulersCount(),
    ]);
    if (rw > 0 && mw > 0 && schedulers >= 2) break;
    await sleep(200);
  }
  await sleep(2000);
  log(`worker up (pid ${worker.pid}, ${peakRssMb(worker.pid)} MB RSS)`);

  // --- App run: the trigger is the commit of the sign-ups plus a planner job right after it.
  const loadAtStart = os.loadavg();
  await addSignups(db, tenantId);
  const cpuBefore = cpuMs(worker.pid);
  const pgPid = postmasterPid(pgDataDir);
  const pgCpuBefore = treeCpuMs(pgPid);
  const sinkCpuBefore = treeCpuMs(sink.child.pid);
  if (PROFILE) worker.kill('SIGWINCH');
  const t0 = performance.now();
  // The municipality's planner job itself, with an id of its own: a fan-out in the minute of the
  // scheduler's first run would find that minute's job id taken and add nothing.
  await reminders.add(
    'cafes-reminders-tenant',
    { tenantId },
    { jobId: `bench.${Date.now()}`, removeOnComplete: true, removeOnFail: true },
  );
  let plannedAt: number | null = null;
  let doneAt: number | null = null;
  let state: OutboxState = { total: 0, sent: 0, pending: 0, failed: 0 };
  let sinkCount: SinkCount = await sink.count();
  while (doneAt === null) {
    if (worker.exitCode !== null) throw new Error(`worker exited with ${worker.exitCode}`);
    if (performance.now() - t0 > TIMEOUT_MS)
      throw new Error(
        `not done after ${TIMEOUT_MS / 1000} s: outbox ${JSON.stringify(state)}, sink ${JSON.stringify(sinkCount)}`,
      );
    await sleep(100);
    [state, sinkCount] = await Promise.all([outboxState(db), sink.count()]);
    if (plannedAt === null && state.total >= SIGNUPS) plannedAt = performance.now();
    if (state.sent + state.failed >= SIGNUPS && sinkCount.received >= SIGNUPS)
      doneAt = performance.now();
  }
  const cpuAfter = cpuMs(worker.pid);
  const pgCpuAfter = treeCpuMs(pgPid);
  const sinkCpuAfter = treeCpuMs(sink.child.pid);
  if (PROFILE) {
    worker.kill('SIGWINCH');
    await sleep(3000);
  }
  const workerPeakRss = peakRssMb(worker.pid);
  // Anything late (a duplicate sent after the last mark) would show now.
  await sleep(1500);
  state = await outboxState(db);
  const appSink = await sink.count();
  const phases = (
    await db.query<{
      first_created: Date;
      last_created: Date;
      first_sent: Date;
      last_sent: Date;
    }>(
      `select min(created_at) as first_created, max(created_at) as last_created,
              min(sent_at) as first_sent, max(sent_at) as last_sent from outbox_messages`,
    )
  ).rows[0];
  const appSeconds = (doneAt - t0) / 1000;
  const planSeconds = ((plannedAt ?? doneAt) - t0) / 1000;
  const sendWindowSeconds =
    (phases.last_sent.getTime() - phases.first_sent.getTime()) / 1000 || Number.NaN;
  log(
    `app: ${state.total} outbox rows in ${planSeconds.toFixed(2)} s, all sent after ${appSeconds.toFixed(2)} s`,
  );

  // The worker stops before the bare run, so it takes no CPU from it.
  await stopChild(worker);
  if (process.env.BENCH_EXPLAIN === '1') await explainMarkSent(appUrl, ownerUrl, tenantId);

  // --- Bare run: the same rendered messages, plain nodemailer, the same pool options.
  const rows = (
    await db.query<OutboxRow>(
      `select tenant_id, key, to_address, subject, html, text, headers, attachments
         from outbox_messages order by created_at, id`,
    )
  ).rows;
  const messages: nodemailer.SendMailOptions[] = rows.map((r) => ({
    from: MAIL_FROM,
    to: r.to_address,
    subject: r.subject,
    text: r.text ?? '',
    ...(r.html ? { html: r.html } : {}),
    messageId: messageIdFor(r.tenant_id, r.key, BASE_DOMAIN),
    headers: r.headers,
    attachments: r.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content, 'base64'),
    })),
  }));
  await sink.reset();
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    pool: true,
    ...SMTP_POOL,
    ...SMTP_TIMEOUTS,
    getSocket: connectWithoutDelay,
  });
  const b0 = performance.now();
  const outcomes = await Promise.allSettled(messages.map((m) => transport.sendMail(m)));
  const bareSeconds = (performance.now() - b0) / 1000;
  transport.close();
  const bareErrors = outcomes.filter((o) => o.status === 'rejected');
  await sleep(500);
  const bareSink = await sink.count();

  // --- Checks: exactly SIGNUPS per run, none twice, none lost.
  const problems: string[] = [];
  const check = (name: string, c: SinkCount) => {
    if (c.received !== SIGNUPS || c.unique !== SIGNUPS || c.duplicates || c.noId)
      problems.push(
        `${name}: the sink got ${c.received} messages, ${c.unique} distinct Message-IDs, ${c.duplicates} duplicates, ${c.noId} without id (expected ${SIGNUPS})`,
      );
  };
  check('app', appSink);
  check('bare', bareSink);
  if (state.total !== SIGNUPS || state.sent !== SIGNUPS)
    problems.push(`app: outbox has ${state.total} rows, ${state.sent} sent (expected ${SIGNUPS})`);
  if (bareErrors.length)
    problems.push(
      `bare: ${bareErrors.length} sends failed (${String((bareErrors[0] as PromiseRejectedResult).reason)})`,
    );

  const appRate = SIGNUPS / appSeconds;
  const bareRate = SIGNUPS / bareSeconds;
  const ratio = appRate / bareRate;
  const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? b - a : null);
  const workerCpuMs = diff(cpuBefore, cpuAfter);
  const pgCpuMs = diff(pgCpuBefore, pgCpuAfter);
  const sinkCpuMs = diff(sinkCpuBefore, sinkCpuAfter);
  const result = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model },
    settings: { signups: SIGNUPS, meetings: MEETINGS, smtpPool: SMTP_POOL },
    app: {
      seconds: appSeconds,
      planSeconds,
      emailsPerSecond: appRate,
      sendWindowSeconds,
      firstSentAfterSeconds: (phases.first_sent.getTime() - phases.first_created.getTime()) / 1000,
      workerCpuMs,
      workerCpuUsPerMail: workerCpuMs === null ? null : (workerCpuMs * 1000) / SIGNUPS,
      workerPeakRssMb: workerPeakRss,
      postgresCpuMs: pgCpuMs,
      sinkCpuMs,
      sink: appSink,
      outbox: state,
    },
    bare: { seconds: bareSeconds, emailsPerSecond: bareRate, sink: bareSink },
    ratio,
    target: TARGET,
    meets: ratio >= TARGET,
    problems,
    loadAverage: { start: loadAtStart, end: os.loadavg() },
  };

  const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines = [
    '',
    `Café reminders: ${SIGNUPS} sign-ups (${MEETINGS} meetings), worker → SMTP sink (pool ${SMTP_POOL.maxConnections} connections, ${SMTP_POOL.maxMessages} messages each, TCP_NODELAY)`,
    '',
    '                                     seconds   e-mails/s',
    `  app (plan + outbox + deliver)     ${f(appSeconds, 2).padStart(8)}   ${f(appRate).padStart(9)}`,
    `    of which planning (all rows)    ${f(planSeconds, 2).padStart(8)}`,
    `    sending window (first→last sent) ${f(sendWindowSeconds, 2).padStart(7)}   ${f(SIGNUPS / sendWindowSeconds).padStart(9)}`,
    `  bare nodemailer (same pool)       ${f(bareSeconds, 2).padStart(8)}   ${f(bareRate).padStart(9)}`,
    '',
    `  app/bare e-mails/s: ${pct(ratio)} (target ≥ ${pct(TARGET)}) ${ratio >= TARGET ? 'OK' : 'SHORT'}`,
    `  worker: ${workerCpuMs ?? '?'} ms CPU (${result.app.workerCpuUsPerMail === null ? '?' : f(result.app.workerCpuUsPerMail, 0)} µs per mail), peak RSS ${workerPeakRss ?? '?'} MB`,
    `  app run CPU: worker ${workerCpuMs ?? '?'} ms, PostgreSQL ${pgCpuMs ?? '?'} ms, sink ${sinkCpuMs ?? '?'} ms, in ${f(appSeconds, 1)} s on ${os.cpus().length} cores`,
    `  sink: app run ${appSink.received} received / ${appSink.unique} distinct, bare run ${bareSink.received} / ${bareSink.unique}: ${problems.length ? 'MISMATCH' : `exactly ${SIGNUPS} each, no duplicates, none lost`}`,
    ...problems.map((p) => `  ! ${p}`),
    `  load average ${loadAtStart.map((n) => n.toFixed(2)).join(' ')} → ${result.loadAverage.end.map((n) => n.toFixed(2)).join(' ')} (${os.cpus().length} cores; other work on the machine skews both)`,
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
  fs.writeFileSync(path.join(RESULTS, `reminders-${stamp}.json`), JSON.stringify(result, null, 2));
  fs.writeFileSync(
    path.join(RESULTS, 'reminders-latest.txt'),
    `${result.date}\n${lines.join('\n')}`,
  );
  log(`results in ${path.relative(ROOT, RESULTS)}/reminders-${stamp}.json`);
  if (problems.length) throw new Error(`count mismatch: ${problems.join('; ')}`);
}

runBench(main);
