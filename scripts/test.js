#!/usr/bin/env node
'use strict';
// `npm test`: the whole suite (unit, integration, browser) through jest; services are started by
// jest's global setup. Extra arguments go to jest (e.g. `npm test -- test/auth`).
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const jest = path.join(__dirname, '..', 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', TS_NODE_TRANSPILE_ONLY: '1' },
});
process.exit(result.status ?? 1);
