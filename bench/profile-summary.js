'use strict';
// Summarises a .cpuprofile: self time per function and per package (node_modules/<pkg>, the
// app's own code, node internals, GC/idle), so a benchmark shortfall can be explained.
// Usage: node bench/profile-summary.js bench/results/profiles/app-*.cpuprofile [top=25]
const fs = require('node:fs');

const file = process.argv[2];
const top = Number(process.argv[3] || 25);
if (!file) {
  console.error('usage: node bench/profile-summary.js <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTicks = new Map();
for (const id of profile.samples) selfTicks.set(id, (selfTicks.get(id) || 0) + 1);
const total = profile.samples.length;

function bucket(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  if (url.startsWith('node:') || !url.includes('/')) return 'node internals';
  if (url.includes('/dist/src/')) return 'app (dist/src)';
  return url;
}

const functions = new Map();
const packages = new Map();
for (const [id, ticks] of selfTicks) {
  const node = byId.get(id);
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  const key = `${name}  ${url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) || 0) + ticks);
  const pkg = bucket(url, name);
  packages.set(pkg, (packages.get(pkg) || 0) + ticks);
}
// Inclusive: a sample counts once for every package on its stack (what a package and everything
// it calls cost), e.g. typeorm including pg, or express-session including its cookie work.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const inclusive = new Map();
for (const [id, ticks] of selfTicks) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const { url, functionName } = byId.get(cur).callFrame;
    if (url) seen.add(bucket(url, functionName));
  }
  for (const pkg of seen) inclusive.set(pkg, (inclusive.get(pkg) || 0) + ticks);
}
// By middleware: each sample goes to the innermost Express layer on its stack (the function the
// router's Layer#handleRequest called: a middleware or the Nest route handler), so nested next()
// calls are not counted twice. Samples from async continuations (after an await) have no layer
// on their stack: they go to the outermost frame of the app or a package that resumed.
const where = (f) => {
  const short = f.url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, 'dist/');
  return `${f.functionName || '(anonymous)'}  ${short}:${f.lineNumber + 1}`;
};
const byLayer = new Map();
for (const [id, ticks] of selfTicks) {
  let key = null;
  let outermost = null;
  for (let cur = id, child = null; cur !== undefined; child = cur, cur = parent.get(cur)) {
    const f = byId.get(cur).callFrame;
    if (
      !key &&
      child !== null &&
      f.functionName === 'handleRequest' &&
      f.url.includes('router/lib/layer.js')
    ) {
      key = where(byId.get(child).callFrame);
    }
    if (f.url && !f.url.startsWith('node:') && f.url.includes('/')) outermost = f;
  }
  if (!key) {
    const leaf = byId.get(id).callFrame.functionName;
    key = outermost
      ? `(async) ${where(outermost)}`
      : leaf.startsWith('(')
        ? leaf
        : '(node internals, no app frame)';
  }
  byLayer.set(key, (byLayer.get(key) || 0) + ticks);
}
const pct = (n) => `${((n / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${total} samples\n\nSelf time by package:`);
for (const [k, v] of [...packages].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
console.log('\nInclusive time by package (self + what it calls):');
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
console.log(
  '\nBy Express layer (innermost middleware or route on the stack; async continuations apart):',
);
for (const [k, v] of [...byLayer].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
console.log('\nSelf time by function:');
for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(v)}  ${k}`);
