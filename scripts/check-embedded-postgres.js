#!/usr/bin/env node
'use strict';
// Starts the embedded PostgreSQL of THIS checkout with startPostgres's defaults (those of
// `npm start`), runs `select 1`, prints what it found as one JSON line, stops and cleans up.
// - .ci/run runs it (with --remove-binaries-copy) from a copy of the repository inside a mode-700
//   folder, as root: there the `postgres` user that runs the server cannot enter node_modules,
//   which once broke `npm start` and `npm test` at once (spawn .../initdb EACCES).
// - test/operator-defaults.e2e-spec.ts reads the durability settings from its output.
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const services = require('./lib/services.js');

async function main() {
  const port = await services.freePort();
  const pg = await services.startPostgres({
    dataDir: path.join(services.ROOT, '.data', `check-pg-${port}`),
    port,
    password: 'embedded-postgres-check',
  });
  try {
    const client = new Client({ connectionString: pg.superuserUrl('postgres') });
    await client.connect();
    const { rows } = await client.query(
      `select 1 as one, current_setting('fsync') as fsync,
              current_setting('synchronous_commit') as synchronous_commit`,
    );
    await client.end();
    if (rows[0].one !== 1) throw new Error(`select 1 answered ${JSON.stringify(rows)}`);
    const { fsync, synchronous_commit } = rows[0];
    const found = { root: services.ROOT, binDir: pg.binDir, dataDir: pg.dataDir };
    console.log(JSON.stringify({ ok: true, fsync, synchronous_commit, ...found }));
  } finally {
    await pg.stop();
    fs.rmSync(pg.dataDir, { recursive: true, force: true });
    if (!pg.dataDir.startsWith(services.ROOT + path.sep)) {
      fs.rmSync(path.dirname(pg.dataDir), { recursive: true, force: true }); // the /var/tmp fallback
    }
    // `--remove-binaries-copy` (.ci/run, whose copy of the repository goes away next): the copy
    // of the binaries made for this checkout (see services.js) goes too. Never while another
    // cluster of this checkout may run from it (the tests run this script).
    if (process.argv.includes('--remove-binaries-copy')) services.removeBinariesCopy();
  }
}

main().catch((e) => {
  console.error('embedded PostgreSQL check failed:', e);
  process.exit(1);
});
