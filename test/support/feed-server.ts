import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';

/**
 * A local HTTP server of fixture feeds, for the fetcher's tests, the feed jobs' tests and the
 * news bench. It listens on a free port on `::` (IPv6 and IPv4: `127.0.0.1`, `[::1]` and any
 * `*.localhost` name mapped to loopback reach it), serves a route table (path → fixture, or a
 * function of the request that returns one), records every request per path, and stops with
 * every connection closed, also the ones it never answered.
 *
 * ```ts
 * const server = await startFeedServer({ '/rss.xml': { file: 'rss.xml' } });
 * server.route('/traag.xml', { never: true });
 * await fetcher.fetch({ url: server.url('/rss.xml'), etag: null, lastModified: null });
 * server.count('/rss.xml'); // 1
 * server.requests('/rss.xml')[0].headers['user-agent'];
 * await server.stop();
 * ```
 */

/** One answer. Everything is optional: the default is `200` with an empty body. */
export interface FeedFixture {
  status?: number;
  /** Response headers (`content-type` defaults to `application/rss+xml; charset=utf-8` with a body). */
  headers?: Record<string, string | number | string[]>;
  /** The body as is. */
  body?: string | Buffer;
  /** Or a file of test/fixtures/feeds (read once per request: edit-and-serve works). */
  file?: string;
  /** Compress the body and send `Content-Encoding` (what `encoding` says). */
  encoding?: 'gzip' | 'deflate' | 'deflate-raw' | 'br';
  /** Or a generated body: `chunk` repeated until `bytes` are sent, one chunk per `intervalMs` (default: as fast as the client reads). */
  stream?: { chunk: string | Buffer; bytes: number; intervalMs?: number };
  /** Wait this long before sending anything. */
  delayMs?: number;
  /** Accept the connection, read the request, and never answer. */
  never?: boolean;
  /** Send the headers, then never send the body. */
  headersOnly?: boolean;
  /** Conditional GET: answer 304 (no body) when the request's If-None-Match is this (sent as ETag on a 200). */
  etag?: string;
  /** Conditional GET: answer 304 when the request's If-Modified-Since equals this (sent as Last-Modified). */
  lastModified?: string;
}

export type FeedRoute =
  FeedFixture | ((request: IncomingMessage) => FeedFixture | Promise<FeedFixture>);

export interface ReceivedRequest {
  method: string;
  /** The Host header (`f12.localhost:43121`). */
  host: string;
  /** The path with its query. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Body bytes written so far for this request (a client that stops reading keeps it low). */
  bytesSent: number;
  /** The client closed the connection before the whole answer was written. */
  abandoned: boolean;
}

export interface FeedServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The address of `path` on this server under `host` (default `127.0.0.1`; `[::1]`, `f1.localhost`, ...). */
  url(path: string, host?: string): string;
  /** Adds or replaces one route (path without query; the query is ignored when matching). */
  route(path: string, route: FeedRoute): void;
  /** The requests received for `path` (any query), oldest first. */
  requests(path: string): ReceivedRequest[];
  /** How many requests `path` received. */
  count(path: string): number;
  /** Forgets the requests received (not the routes). */
  resetCounts(): void;
  /** Stops listening and closes every connection. */
  stop(): Promise<void>;
}

export const FEED_FIXTURES_DIR = join(__dirname, '..', 'fixtures', 'feeds');

/** Reads a fixture file of test/fixtures/feeds as text. */
export function feedFixture(name: string): string {
  return readFileSync(join(FEED_FIXTURES_DIR, name), 'utf8');
}

export async function startFeedServer(table: Record<string, FeedRoute> = {}): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>(Object.entries(table));
  const received = new Map<string, ReceivedRequest[]>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const list = received.get(path) ?? [];
    const record: ReceivedRequest = {
      method: req.method ?? 'GET',
      host: req.headers.host ?? '',
      url: req.url ?? '/',
      headers: req.headers,
      bytesSent: 0,
      abandoned: false,
    };
    list.push(record);
    received.set(path, list);
    res.on('close', () => {
      if (!res.writableFinished) record.abandoned = true;
    });
    void answer(req, res, routes.get(path), record).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '::', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    route: (path, route) => void routes.set(path, route),
    requests: (path) => received.get(path) ?? [],
    count: (path) => received.get(path)?.length ?? 0,
    resetCounts: () => received.clear(),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  route: FeedRoute | undefined,
  record: ReceivedRequest,
): Promise<void> {
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
    return;
  }
  const fixture = typeof route === 'function' ? await route(req) : route;
  if (fixture.never) return;
  if (fixture.delayMs) await pause(fixture.delayMs, res);
  if (res.destroyed) return;

  const headers: Record<string, string | number | string[]> = { ...(fixture.headers ?? {}) };
  if (fixture.etag) headers.etag = fixture.etag;
  if (fixture.lastModified) headers['last-modified'] = fixture.lastModified;
  const notModified =
    (fixture.etag !== undefined && req.headers['if-none-match'] === fixture.etag) ||
    (fixture.lastModified !== undefined &&
      req.headers['if-modified-since'] === fixture.lastModified);
  if (notModified) {
    res.writeHead(304, headers).end();
    return;
  }

  const status = fixture.status ?? 200;
  let body: Buffer | null =
    fixture.body !== undefined
      ? Buffer.from(fixture.body)
      : fixture.file
        ? readFileSync(join(FEED_FIXTURES_DIR, fixture.file))
        : null;
  if (body !== null || fixture.stream) {
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) headers['content-type'] = 'application/rss+xml; charset=utf-8';
  }
  if (body !== null && fixture.encoding) {
    body = compress(body, fixture.encoding);
    headers['content-encoding'] = fixture.encoding === 'deflate-raw' ? 'deflate' : fixture.encoding;
  }
  if (body !== null && !fixture.headersOnly) headers['content-length'] = body.length;

  res.writeHead(status, headers);
  if (fixture.headersOnly) {
    res.flushHeaders();
    return;
  }
  if (fixture.stream) {
    await streamBody(res, fixture.stream, record);
    return;
  }
  record.bytesSent = body?.length ?? 0;
  res.end(body ?? undefined);
}

function compress(body: Buffer, encoding: NonNullable<FeedFixture['encoding']>): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gzipSync(body);
    case 'deflate':
      return zlib.deflateSync(body);
    case 'deflate-raw':
      return zlib.deflateRawSync(body);
    case 'br':
      return zlib.brotliCompressSync(body);
  }
}

/** Writes `chunk` until `bytes` are sent or the client went away, respecting backpressure. */
async function streamBody(
  res: ServerResponse,
  stream: NonNullable<FeedFixture['stream']>,
  record: ReceivedRequest,
): Promise<void> {
  const chunk = Buffer.from(stream.chunk);
  let sent = 0;
  while (sent < stream.bytes && !res.destroyed) {
    const piece =
      sent + chunk.length > stream.bytes ? chunk.subarray(0, stream.bytes - sent) : chunk;
    sent += piece.length;
    record.bytesSent = sent;
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    if (stream.intervalMs) await pause(stream.intervalMs, res);
  }
  if (!res.destroyed) res.end();
}

/** Waits `ms`, or less when the client goes away. */
function pause(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}

/**
 * A DNS `lookup` for the fetcher in tests and the bench: `localhost` and every `*.localhost`
 * resolve to 127.0.0.1, the names of `extra` to what they say (e.g.
 * `{ 'intern.voorbeeld.be': '127.0.0.1', 'metadata.voorbeeld.be': '169.254.169.254' }`), every
 * other name to ENOTFOUND: tests never touch the real DNS.
 */
export function localLookup(extra: Record<string, string> = {}): LookupFunction {
  return (hostname, options, callback) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    const address =
      extra[name] ?? (name === 'localhost' || name.endsWith('.localhost') ? '127.0.0.1' : null);
    const opts = typeof options === 'object' && options !== null ? options : {};
    if (address === null) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
        code: 'ENOTFOUND',
        hostname,
      });
      process.nextTick(() => callback(error, '', 4));
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    if ((opts as { all?: boolean }).all) {
      process.nextTick(() =>
        (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(
          null,
          [{ address, family }],
        ),
      );
    } else {
      process.nextTick(() => callback(null, address, family));
    }
  };
}
