'use strict';
// Preloaded into the app by `BENCH_PROFILE=1 npm run bench` (node --require): the first SIGWINCH
// (not SIGUSR2: Nest's enableShutdownHooks() treats that as a shutdown signal)
// starts the V8 CPU profiler, the second writes a .cpuprofile to BENCH_PROFILE_DIR (open it in
// Chrome DevTools, or summarise it with `node bench/profile-summary.js <file>`). `--cpu-prof` is
// no use here: the app ends on SIGTERM, and Node writes that profile only on a normal exit.
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const session = new inspector.Session();
session.connect();
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, result) => {
    if (err) return console.error('[profile]', err);
    const dir = process.env.BENCH_PROFILE_DIR || '.';
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `app-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result.profile));
    console.error(`[profile] written to ${file}`);
  });
});
