#!/usr/bin/env node
'use strict';
// `npm run bench`: builds the app when dist/ is missing or older than the sources, then runs the
// benchmarks one after the other (see docs/benchmarks.md):
//   home       bench/home.bench.ts: the tenant home page, the real app in production mode against
//              a bare node:http + pg + Handlebars server;
//   reminders  bench/reminders.bench.ts: café reminders for 10,000 sign-ups through the real
//              worker to an SMTP sink, against bare nodemailer;
//   explain    bench/explain.bench.ts: the query plans of a member's pages and the host
//              dashboard at the reminders bench's data size (PostgreSQL's auto_explain);
//   news       bench/news.bench.ts: 1,000 feeds of 50 items aggregated by the real worker (a
//              first pass, a pass where every feed answers 304) against a bare undici + parser.
//   search     bench/search.bench.ts: the app's search statement at 285 hubs and 1,000,000
//              items (and at 1/100 of that), 20 concurrent searchers, p50/p95 and the slowest plan.
// Only some: `npm run bench -- reminders` or `BENCH=reminders npm run bench` (comma-separated).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

const BENCHES = {
  home: path.join('bench', 'home.bench.ts'),
  reminders: path.join('bench', 'reminders.bench.ts'),
  explain: path.join('bench', 'explain.bench.ts'),
  news: path.join('bench', 'news.bench.ts'),
  search: path.join('bench', 'search.bench.ts'),
};
const asked = [...process.argv.slice(2), ...(process.env.BENCH ?? '').split(',')]
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length) {
  console.error(
    `[bench] unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
const selected = asked.length ? [...new Set(asked)] : Object.keys(BENCHES);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const main = path.join(ROOT, 'dist', 'src', 'main.js');
const sourcesChanged =
  !fs.existsSync(main) ||
  Math.max(newestMtime(path.join(ROOT, 'src')), newestMtime(path.join(ROOT, 'migrations'))) >
    fs.statSync(main).mtimeMs;
if (sourcesChanged) {
  console.log('[bench] building (npm run build) ...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let status = 0;
for (const name of selected) {
  if (selected.length > 1) console.log(`[bench] === ${name} ===`);
  const run = spawnSync(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', BENCHES[name]],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' } },
  );
  // A signal (Ctrl-C) stops the whole run; a failed benchmark does not stop the next one.
  if (run.signal) process.exit(1);
  if (run.status !== 0) status = run.status ?? 1;
}
process.exit(status);
