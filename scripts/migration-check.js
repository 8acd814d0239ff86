#!/usr/bin/env node
'use strict';
// Drift check: migrate a throw-away database, then ask TypeORM whether the entities want any
// schema change. Exit 1 when they do (a migration is missing or wrong).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const services = require('./lib/services');

async function main() {
  const root = path.join(__dirname, '..');
  const port = await services.freePort();
  const dataDir = path.join(root, '.data', `drift-pg-${port}`);
  const pg = await services.startPostgres({
    dataDir,
    port,
    password: 'drift-check',
    durable: false,
  });
  let failed = false;
  try {
    await services.bootstrapRoles(pg.superuserUrl(), {
      ownerPassword: 'drift-owner',
      appPassword: 'drift-app',
      database: 'mzh_drift',
    });
    const ownerUrl = services.roleUrl('mzh_owner', 'drift-owner', port, 'mzh_drift');
    await services.migrate(ownerUrl);
    const env = { ...process.env, DATABASE_OWNER_URL: ownerUrl, TS_NODE_TRANSPILE_ONLY: '1' };
    const cli = path.join(root, 'node_modules', '.bin', 'typeorm-ts-node-commonjs');
    try {
      execFileSync(
        cli,
        ['migration:generate', '-d', 'ormconfig.ts', '--check', 'migrations/Drift'],
        { cwd: root, env, stdio: 'inherit' },
      );
      console.log('migration check: entities and migrations agree');
    } catch {
      console.error('migration check: the entities differ from the migrations (see above)');
      failed = true;
    }
  } finally {
    await pg.stop();
    require('node:fs').rmSync(pg.dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
