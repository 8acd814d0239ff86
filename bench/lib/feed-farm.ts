/**
 * The news bench's feed farm: N RSS 2.0 feeds of M items each, one per host name
 * (`f1.localhost` … `f<N>.localhost`, all on one port of 127.0.0.1), with strong ETags and
 * Last-Modified, answering `304 Not Modified` to a conditional GET that matches. Bodies are made
 * once at start (realistic Dutch items: a summary, full HTML content with a link, a list and, in
 * some items, a 1×1 tracking image the fetcher must drop) and served from memory, gzipped when
 * the client accepts it (as real sites do), so serving costs little and the same for every pass.
 *
 * It runs in its own process (`FeedFarm.start()` forks this file), so serving takes no CPU from
 * the process being measured (the worker, or the bench's own bare pass). Over IPC:
 *   parent → { cmd: 'count' } → { type: 'count', ...FarmCount }
 *   parent → { cmd: 'reset' } → { type: 'reset' }
 *   on start                  → { type: 'listening', port }
 *
 * `localhostLookup` is the DNS lookup the bench gives both the bare pass and the worker: every
 * `*.localhost` name is 127.0.0.1 (the system resolver here does not know them).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import { gzipSync } from 'node:zlib';

export interface FarmOptions {
  feeds: number;
  items: number;
  /** Serve gzip to clients that accept it (default true). */
  gzip: boolean;
}

export interface FarmCount {
  /** 200 responses with a body. */
  full: number;
  /** 304 responses. */
  notModified: number;
  /** Anything else (unknown host or path). */
  other: number;
  /** Response body bytes written (compressed where gzipped). */
  bytes: number;
  /** Most requests in progress at once. */
  peakInFlight: number;
  /** Distinct feeds asked for. */
  feedsAsked: number;
  /** Requests for a feed that had already been asked for since the last reset. */
  repeated: number;
}

export const farmHost = (i: number) => `f${i}.localhost`;
export const farmFeedUrl = (i: number, port: number) => `http://${farmHost(i)}:${port}/feed.xml`;

/** The feed number of a Host header `f<i>.localhost[:port]`, or null. */
function feedOfHost(host: string | undefined, feeds: number): number | null {
  const m = /^f(\d+)\.localhost(?::\d+)?$/i.exec(host ?? '');
  if (!m) return null;
  const i = Number(m[1]);
  return i >= 1 && i <= feeds ? i : null;
}

// --- Content: what a care organisation's feed carries.

const SOURCES = [
  'Departement Zorg',
  'Samana',
  'Vief',
  'OKRA',
  'CM',
  'Helan',
  'Solidaris',
  'Liberty Mutualiteit',
  'Vlaams Patiëntenplatform',
  'Steunpunt Mantelzorg',
];
const PLACES = ['Poperinge', 'Ieper', 'Gent', 'Hasselt', 'Leuven', 'Mechelen', 'Brugge', 'Aalst'];
const TOPICS = [
  ['Mantelzorgpremie', 'aanvragen kan nu ook digitaal'],
  ['Respijtzorg', 'nieuwe plaatsen in het kortverblijf'],
  ['Vlaamse zorgverzekering', 'de jaarlijkse bijdrage verhoogt'],
  ['Mantelzorgcafé', 'het nieuwe seizoen start in september'],
  ['Zorgbudget voor zwaar zorgbehoevenden', 'wat verandert er'],
  ['Oppashulp aan huis', 'vrijwilligers gezocht'],
  ['Dagopvang', 'langere openingsuren in de zomer'],
  ['Thuisverpleging', 'zo vraagt u een verpleegkundige aan'],
  ['Dementie', 'een infoavond voor familie en vrienden'],
  ['Mantelzorgverlof', 'hoeveel dagen hebt u recht op'],
  ['Zorgen voor jezelf', 'tips om op adem te komen'],
  ['Personenalarm', 'een tussenkomst van de gemeente'],
];
const PARAGRAPHS = [
  'Wie zorgt voor een partner, een ouder of een kind met een zorgnood, doet dat vaak jarenlang en zonder veel aandacht. Met deze maatregel wil de overheid mantelzorgers een steun in de rug geven.',
  'U vraagt de tegemoetkoming aan bij het sociaal huis van uw gemeente of bij uw zorgkas. Neem uw identiteitskaart mee en, als u die hebt, het attest van de huisarts.',
  'Heeft u vragen? Bel dan gratis naar de infolijn, elke werkdag van 9 tot 17 uur. U kunt ook langsgaan bij de dienst maatschappelijk werk van uw ziekenfonds.',
  'Respijtzorg betekent dat iemand anders de zorg even overneemt, zodat u als mantelzorger kunt rusten, een afspraak hebt of gewoon eens iets voor uzelf doet.',
];

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One feed's XML: `items` items, newest first, one hour apart. */
export function farmFeedXml(i: number, items: number, origin: string, updated: Date): string {
  const source = `${SOURCES[i % SOURCES.length]} ${PLACES[i % PLACES.length]} (${i})`;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '<channel>',
    `<title>${escapeXml(source)}</title>`,
    `<link>${origin}/</link>`,
    `<description>Nieuws voor mantelzorgers van ${escapeXml(source)}</description>`,
    '<language>nl-be</language>',
    `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
  ];
  for (let j = 1; j <= items; j++) {
    const [topic, detail] = TOPICS[(i + j) % TOPICS.length];
    const place = PLACES[(i * 7 + j) % PLACES.length];
    const title = `${topic} in ${place}: ${detail} (${i}.${j})`;
    const path = `/nieuws/${i}-${j}`;
    const date = new Date(updated.getTime() - j * 3600_000);
    const p1 = PARAGRAPHS[j % PARAGRAPHS.length];
    const p2 = PARAGRAPHS[(j + 1) % PARAGRAPHS.length];
    const summary = `<p>${p1}</p>`;
    const pixel =
      j % 5 === 0
        ? `<img src="https://stats.example.net/pixel.gif?f=${i}&amp;i=${j}" width="1" height="1" alt="">`
        : '';
    const content =
      `<p><strong>${escapeXml(topic)}</strong>: ${p1}</p>` +
      `<p>${p2} Lees meer op <a href="${origin}${path}">onze website</a>.</p>` +
      '<ul><li>Voor wie: mantelzorgers en hun naasten</li><li>Waar: het sociaal huis</li>' +
      '<li>Kostprijs: <em>gratis</em></li></ul>' +
      pixel;
    parts.push(
      '<item>',
      `<title>${escapeXml(title)}</title>`,
      `<link>${origin}${path}</link>`,
      `<guid isPermaLink="true">${origin}${path}</guid>`,
      `<pubDate>${date.toUTCString()}</pubDate>`,
      `<description><![CDATA[${summary}]]></description>`,
      `<content:encoded><![CDATA[${content}]]></content:encoded>`,
      '</item>',
    );
  }
  parts.push('</channel>', '</rss>');
  return parts.join('\n');
}

interface Body {
  plain: Buffer;
  gzip: Buffer | null;
  etag: string;
}

export interface RunningFarm {
  server: http.Server;
  port: number;
  count(): FarmCount;
  reset(): void;
}

/** The farm's server (run in the child process). */
export function serveFarm(options: FarmOptions, port = 0): Promise<RunningFarm> {
  const updated = new Date(Date.UTC(2026, 10, 30, 8, 0, 0));
  const lastModified = updated.toUTCString();
  const bodies = new Map<number, Body>();
  const bodyOf = (i: number, port: number): Body => {
    let body = bodies.get(i);
    if (!body) {
      const plain = Buffer.from(
        farmFeedXml(i, options.items, `http://${farmHost(i)}:${port}`, updated),
      );
      const etag = `"f${i}-${createHash('sha1').update(plain).digest('hex').slice(0, 16)}"`;
      body = { plain, gzip: options.gzip ? gzipSync(plain) : null, etag };
      bodies.set(i, body);
    }
    return body;
  };
  let count: FarmCount;
  let asked: Set<number>;
  const reset = () => {
    count = {
      full: 0,
      notModified: 0,
      other: 0,
      bytes: 0,
      peakInFlight: 0,
      feedsAsked: 0,
      repeated: 0,
    };
    asked = new Set();
  };
  reset();
  let inFlight = 0;

  const server = http.createServer((req, res) => {
    inFlight++;
    count.peakInFlight = Math.max(count.peakInFlight, inFlight);
    res.on('close', () => inFlight--);
    const i = feedOfHost(req.headers.host, options.feeds);
    if (i === null || req.url !== '/feed.xml' || req.method !== 'GET') {
      count.other++;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
      return;
    }
    if (asked.has(i)) count.repeated++;
    else {
      asked.add(i);
      count.feedsAsked++;
    }
    const body = bodyOf(i, (server.address() as { port: number }).port);
    const headers: http.OutgoingHttpHeaders = {
      etag: body.etag,
      'last-modified': lastModified,
      vary: 'Accept-Encoding',
    };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if (
      inm ? inm === body.etag || inm.split(/\s*,\s*/).includes(body.etag) : ims === lastModified
    ) {
      count.notModified++;
      res.writeHead(304, headers).end();
      return;
    }
    const gzip = body.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const payload = gzip ? body.gzip! : body.plain;
    count.full++;
    count.bytes += payload.length;
    res
      .writeHead(200, {
        ...headers,
        'content-type': 'application/rss+xml; charset=utf-8',
        'content-length': payload.length,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      })
      .end(payload);
  });
  server.keepAliveTimeout = 30_000;
  server.maxConnections = 20_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as { port: number }).port;
      for (let i = 1; i <= options.feeds; i++) bodyOf(i, bound); // made before anyone asks
      resolve({ server, port: bound, count: () => ({ ...count }), reset });
    });
  });
}

/** The farm in its own process; count() and reset() ask it over IPC. */
export class FeedFarm {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Forks this file (the parent's `--require ts-node/register` is inherited). */
  static async start(options: FarmOptions): Promise<FeedFarm> {
    const child = fork(__filename, [JSON.stringify(options)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`feed farm exited with ${code}`)));
      child.on('message', (m: { type: string; port?: number }) => {
        if (m.type === 'listening') resolve(m.port!);
      });
    });
    return new FeedFarm(child, port);
  }

  private ask<T>(cmd: string, type: string): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== type) return;
        this.child.off('message', onMessage);
        resolve(m);
      };
      this.child.on('message', onMessage);
      this.child.send({ cmd });
    });
  }

  count(): Promise<FarmCount> {
    return this.ask<FarmCount>('count', 'count');
  }

  reset(): Promise<void> {
    return this.ask<void>('reset', 'reset');
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * dns.lookup with every `*.localhost` name on 127.0.0.1 (as browsers resolve them), everything
 * else as the system resolves it. The signature of `dns.lookup`, so it fits undici's and net's
 * `lookup` option.
 */
export function localhostLookup(
  hostname: string,
  options: LookupOptions | number | LookupCallback,
  callback?: LookupCallback,
): void {
  const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
  const opts: LookupOptions =
    typeof options === 'function'
      ? {}
      : typeof options === 'number'
        ? { family: options }
        : options;
  if (/(^|\.)localhost\.?$/i.test(hostname)) {
    if (opts.all) process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }]);
    else process.nextTick(cb, null, '127.0.0.1', 4);
    return;
  }
  (dns.lookup as (h: string, o: LookupOptions, c: LookupCallback) => void)(hostname, opts, cb);
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as FarmOptions;
  void serveFarm(options).then((farm) => {
    process.on('message', (m: { cmd: string }) => {
      if (m.cmd === 'count') process.send?.({ type: 'count', ...farm.count() });
      if (m.cmd === 'reset') {
        farm.reset();
        process.send?.({ type: 'reset' });
      }
    });
    const stop = () => {
      farm.server.closeAllConnections();
      farm.server.close(() => process.exit(0));
    };
    process.on('SIGTERM', stop);
    process.on('disconnect', stop);
    process.send?.({ type: 'listening', port: farm.port });
  });
}
