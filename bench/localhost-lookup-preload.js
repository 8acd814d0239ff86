'use strict';
// Preloaded into the worker by `npm run bench -- news` (node --require): every `*.localhost` name
// resolves to 127.0.0.1, as browsers resolve them (the system resolver here does not know
// `f1.localhost`), so the bench's 1,000 feed hosts are distinct names on one local server and the
// per-host limit does not serialise the run. Every other name goes to the system resolver as
// before. Only dns.lookup (what net and undici connect with) and dns.promises.lookup change.
const dns = require('node:dns');

const LOCALHOST = /(^|\.)localhost\.?$/i;
const system = dns.lookup;
const systemPromise = dns.promises.lookup;

function answer(options) {
  const opts = typeof options === 'number' ? { family: options } : options || {};
  return opts.all ? [{ address: '127.0.0.1', family: 4 }] : { address: '127.0.0.1', family: 4 };
}

dns.lookup = function lookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (!LOCALHOST.test(String(hostname))) return system.apply(this, arguments);
  const found = answer(typeof options === 'function' ? {} : options);
  if (Array.isArray(found)) process.nextTick(cb, null, found);
  else process.nextTick(cb, null, found.address, found.family);
  return {};
};

dns.promises.lookup = function lookup(hostname, options) {
  if (!LOCALHOST.test(String(hostname))) return systemPromise.apply(this, arguments);
  return Promise.resolve(answer(options));
};
