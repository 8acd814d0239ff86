#!/usr/bin/env node
'use strict';
// `npm run bench`: builds the app when dist/ is missing or older than the sources, then runs the
// tenant home-page benchmark (bench/home.bench.ts): the real app in production mode against a
// bare node:http + pg + Handlebars server. See docs/benchmarks.md.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

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

const run = spawnSync(
  process.execPath,
  ['--require', 'ts-node/register/transpile-only', path.join('bench', 'home.bench.ts')],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' } },
);
process.exit(run.status ?? 1);
