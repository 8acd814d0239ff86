import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { TestClock } from '../src/common/clock';
import type { FetchOutcome, FetchRequest } from '../src/news/feeds/fetch/fetch-contract';
import {
  FETCH_ERROR_MESSAGE_KEYS,
  FETCH_ERROR_STRINGS,
} from '../src/news/feeds/fetch/fetch-error-strings';
import {
  FeedFetcherService,
  type FeedFetcherOptions,
} from '../src/news/feeds/fetch/feed-fetcher.service';
import { FeedParsePool } from '../src/news/feeds/fetch/feed-parse-pool';
import { eventually } from './support/eventually';
import { feedFixture, localLookup, startFeedServer, type FeedServer } from './support/feed-server';

/**
 * The feed fetcher against a real local HTTP server (test/support/feed-server.ts): what it
 * returns for good feeds, hostile feeds and hostile servers, and what it refuses, with the code
 * and the plain-Dutch message the admin reads. No app and no database: the fetcher is pure.
 */

const NOW = new Date('2026-01-10T09:00:00Z');
const clock = new TestClock(NOW);
const config = {
  BASE_DOMAIN: 'mantelzorghub.be',
  newsFeedAllowedHosts: [] as string[],
  newsFeedParseThreads: 0,
};
/** `feeds.localhost` stands for a public website; the test server is on loopback. */
const SITE = 'feeds.localhost';
const lookup = localLookup({
  'intern.voorbeeld.be': '127.0.0.1',
  'metadata.voorbeeld.be': '169.254.169.254',
  'rebind.voorbeeld.be': '::ffff:127.0.0.1',
});

let server: FeedServer;
const fetchers: FeedFetcherService[] = [];

function fetcher(options: Partial<FeedFetcherOptions> = {}): FeedFetcherService {
  const made = new FeedFetcherService(config, clock, {
    allowedHosts: [SITE],
    lookup,
    responseTimeoutMs: 5_000,
    ...options,
  });
  fetchers.push(made);
  return made;
}

function request(url: string, validators: Partial<FetchRequest> = {}): FetchRequest {
  return { url, etag: null, lastModified: null, ...validators };
}

/** The site's address of a path on the test server. */
function site(path: string): string {
  return server.url(path, SITE);
}

function fetched(outcome: FetchOutcome): Extract<FetchOutcome, { kind: 'fetched' }> {
  if (outcome.kind !== 'fetched')
    throw new Error(`expected fetched, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The admin's message for a failed outcome, as the feeds part looks it up. */
function messageOf(outcome: FetchOutcome): string {
  if (outcome.kind !== 'failed') throw new Error(`expected failed, got ${outcome.kind}`);
  const key = FETCH_ERROR_MESSAGE_KEYS[outcome.code];
  expect(key).toBe(`news.feeds.error.${outcome.code}`);
  return FETCH_ERROR_STRINGS[key];
}

function expectFailed(outcome: FetchOutcome, code: string, message: string | RegExp): void {
  expect(outcome).toMatchObject({ kind: 'failed', code });
  if (typeof message === 'string') expect(messageOf(outcome)).toBe(message);
  else expect(messageOf(outcome)).toMatch(message);
}

function rss(items: string, channel = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Testfeed</title><link>https://bron.voorbeeld/</link>${channel}${items}</channel></rss>`;
}

function item(fields: Record<string, string>): string {
  return `<item>${Object.entries(fields)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('')}</item>`;
}

/** `bytes` of zeros, gzipped as a stream (about a thousandth of the size; never all in memory). */
async function gzipBomb(bytes: number): Promise<Buffer> {
  const zero = Buffer.alloc(1024 * 1024);
  const chunks: Buffer[] = [];
  const gzip = zlib.createGzip({ level: 9 });
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = once(gzip, 'end');
  await new Promise<void>((resolve, reject) => {
    Readable.from(
      (function* () {
        for (let sent = 0; sent < bytes; sent += zero.length) yield zero;
      })(),
    )
      .pipe(gzip)
      .on('error', reject)
      .on('finish', resolve);
  });
  await done;
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = await startFeedServer({
    '/rss.xml': { file: 'rss.xml' },
    '/atom.xml': { file: 'atom.xml', headers: { 'content-type': 'application/atom+xml' } },
    '/rdf.xml': { file: 'rdf.xml', headers: { 'content-type': 'application/rdf+xml' } },
    '/relatief.xml': { file: 'relative-links.xml' },
    '/kapot.xml': { file: 'malformed.xml' },
    '/pagina.html': { file: 'not-a-feed.html', headers: { 'content-type': 'text/html' } },
    '/vijandig.xml': { file: 'hostile.xml' },
    '/herhaling.xml': { file: 'duplicates.xml' },
    '/entiteiten.xml': { file: 'entities.xml' },
    '/latin1.xml': {
      file: 'latin1.xml',
      headers: { 'content-type': 'application/rss+xml' },
    },
    '/nooit.xml': { never: true },
    '/druppel.xml': { stream: { chunk: '<!-- druppel -->', bytes: 10_000, intervalMs: 50 } },
    '/groot.xml': {
      stream: { chunk: `<!-- ${'x'.repeat(64 * 1024 - 9)} -->`, bytes: 50 * 1024 * 1024 },
    },
    '/etag.xml': { file: 'rss.xml', etag: '"v7-zorgbudget"' },
    '/gewijzigd.xml': { file: 'rss.xml', lastModified: 'Mon, 05 Jan 2026 08:30:00 GMT' },
    '/verloopt.xml': {
      file: 'rss.xml',
      etag: '"v1"',
      lastModified: 'Mon, 05 Jan 2026 08:30:00 GMT',
      headers: { expires: '0' },
    },
    '/te-veel.xml': { status: 429, headers: { 'retry-after': '7200' } },
    '/onderhoud.xml': {
      status: 503,
      headers: { 'retry-after': new Date(NOW.getTime() + 90 * 60_000).toUTCString() },
    },
    '/stuk.xml': { status: 500 },
    '/cache.xml': { file: 'atom.xml', headers: { 'cache-control': 'public, max-age=5400' } },
    '/gzip.xml': { file: 'atom.xml', encoding: 'gzip' },
    '/deflate.xml': { file: 'rdf.xml', encoding: 'deflate' },
    '/deflate-raw.xml': { file: 'rdf.xml', encoding: 'deflate-raw' },
    '/br.xml': { file: 'rss.xml', encoding: 'br' },
    // A redirect chain: /r3 → /r2 → /r1 → /rss.xml is 3 redirects, /r4 one more.
    '/r4': { status: 301, headers: { location: '/r3' } },
    '/r3': { status: 302, headers: { location: 'r2' } },
    '/r2': { status: 307, headers: { location: '/r1?na=2' } },
    '/r1': { status: 308, headers: { location: '/rss.xml' } },
  });
});

afterAll(async () => {
  for (const made of fetchers) await made.close();
  await server.stop();
});

describe('news fetch: valid feeds', () => {
  it('reads RSS 2.0: items, clean HTML, plain summary, dates, validators, ttl as a hint; asks politely', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/rss.xml'))));
    expect(outcome.feedTitle).toBe('Vlaanderen.be – Zorg en gezondheid');
    expect(outcome.items.map((i) => i.title)).toEqual([
      'Zorgbudget voor zwaar zorgbehoevenden: wat verandert er in 2026?',
      'Respijtzorg: even op adem komen',
      'Mantelzorgers & werk: zorgverlof aanvragen',
    ]);
    const [first, second] = outcome.items;
    expect(first.link).toBe('https://www.vlaanderen.be/zorgbudget-voor-zwaar-zorgbehoevenden');
    expect(first.content).toBe(
      '<p>Het <strong>zorgbudget voor zwaar zorgbehoevenden</strong> stijgt naar 140 euro per maand.</p><ul><li>U hoeft niets te doen.</li><li>Uw zorgkas betaalt het nieuwe bedrag automatisch uit.</li></ul><p>Meer uitleg op <a href="https://www.vlaanderen.be/zorgbudget" rel="noopener">vlaanderen.be</a>.</p>',
    );
    expect(first.summary).toMatch(
      /^Het zorgbudget voor zwaar zorgbehoevenden \(de Vlaamse zorgverzekering\)/,
    );
    expect(first.publishedAt).toEqual(new Date('2026-01-05T07:30:00Z'));
    expect(second.summary).toBe(
      'Wie voor een naaste zorgt, heeft soms zelf rust nodig. Respijtzorg neemt de zorg even over: een dag, een nacht of een weekend.',
    );
    for (const parsed of outcome.items) {
      expect(parsed.guidHash).toMatch(/^[0-9a-f]{64}$/);
      expect(parsed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(outcome.hints.minIntervalMinutes).toBe(120); // <ttl>120</ttl>
    expect(outcome.etag).toBeNull();

    const [asked] = server.requests('/rss.xml');
    expect(asked.headers['user-agent']).toBe('Mantelzorghub-feeds/1.0 (+https://mantelzorghub.be)');
    expect(asked.headers.accept).toBe(
      'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5',
    );
    expect(asked.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(asked.headers['if-none-match']).toBeUndefined();
  });

  it('reads Atom (html titles made plain) and RDF (no guid: identified by link)', async () => {
    const atom = fetched(await fetcher().fetch(request(site('/atom.xml'))));
    expect(atom.feedTitle).toBe('Samana – Nieuws voor mantelzorgers');
    expect(atom.items.map((i) => [i.title, i.link])).toEqual([
      [
        'Nieuw seizoen van het mantelzorgcafé',
        'https://www.samana.be/nieuws/nieuw-seizoen-mantelzorgcafe',
      ],
      ['Vorming Zorgen zonder zorgen', 'https://www.samana.be/vorming/zorgen-zonder-zorgen'],
    ]);
    expect(atom.items[0].content).toBe(
      '<p>Vanaf februari komt het <strong>mantelzorgcafé</strong> weer elke eerste dinsdag van de maand samen.</p><p>Koffie en taart staan klaar.</p>',
    );
    expect(atom.items[1].publishedAt).toEqual(new Date('2025-12-02T09:00:00Z'));

    const rdf = fetched(await fetcher().fetch(request(site('/rdf.xml'))));
    expect(rdf.feedTitle).toBe('CM – Nieuws');
    expect(rdf.items.map((i) => i.title)).toEqual([
      'Mantelzorgpremie 2026: vraag ze aan bij uw gemeente',
      'Thuiszorg: welke hulp kan ik krijgen?',
    ]);
    expect(rdf.items[0].publishedAt).toEqual(new Date('2026-01-06T06:00:00Z'));
    expect(rdf.items[0].summary).toBe(
      'Veel gemeenten geven een mantelzorgpremie. Zo vraagt u ze aan.',
    );
  });

  it('resolves relative links (item and HTML) against the feed, keeps tel: links', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/relatief.xml'))));
    const [only] = outcome.items;
    const origin = `http://${SITE}:${server.port}`;
    expect(only.link).toBe(`${origin}/nieuws/zitdag-mantelzorgpremie`);
    expect(only.content).toBe(
      `<p>Kom met uw vragen naar de <a href="${origin}/sociaal-huis" rel="noopener">zitdag</a> of bekijk de <a href="${origin}/nieuws/formulieren/premie.pdf" rel="noopener">aanvraag</a>. Bel ons op <a href="tel:+3257346200">057 34 62 00</a>.</p>`,
    );
  });

  it('decodes by the XML declaration (ISO-8859-1) when the Content-Type names no charset', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/latin1.xml'))));
    expect(outcome.items[0].title).toBe(
      'Café voor mantelzorgers: één keer per maand, geïnteresseerden welkom',
    );
    expect(outcome.items[0].summary).toBe('Een gezellige namiddag met coördinator Renée.');
  });

  it('decompresses gzip, deflate (zlib and raw) and br by hand', async () => {
    const f = fetcher();
    for (const [path, count] of [
      ['/gzip.xml', 2],
      ['/deflate.xml', 2],
      ['/deflate-raw.xml', 2],
      ['/br.xml', 3],
    ] as const) {
      expect(fetched(await f.fetch(request(site(path)))).items).toHaveLength(count);
    }
  });
});

describe('news fetch: items', () => {
  it('tells items apart by guid; guid + link when a feed repeats a guid; link, then title, without one', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/herhaling.xml'))));
    // The same item twice in one document is kept once.
    expect(outcome.items.map((i) => i.title)).toEqual([
      'Eerste bericht met dezelfde guid',
      'Tweede bericht met dezelfde guid',
      'Een bericht met een eigen guid',
      'Zonder guid, met link',
      'Zonder guid en zonder link',
    ]);
    expect(new Set(outcome.items.map((i) => i.guidHash)).size).toBe(5);
    expect(outcome.items[4].link).toBeNull();
  });

  it('a guid that moves from http to https is the same item; changed content has another contentHash', async () => {
    const before = rss(
      item({
        title: 'Mantelzorgpremie',
        link: 'http://bron.voorbeeld/premie',
        guid: 'http://bron.voorbeeld/?p=12',
        description: 'Aanvragen kan tot 31 maart.',
      }),
    );
    const moved = before.replace(/http:\/\/bron/g, 'https://bron');
    const changed = moved.replace('31 maart', '30 april');
    const f = fetcher();
    const results: Extract<FetchOutcome, { kind: 'fetched' }>[] = [];
    for (const body of [before, moved, moved, changed]) {
      server.route('/wisselend.xml', { body });
      results.push(fetched(await f.fetch(request(site('/wisselend.xml')))));
    }
    const [a, b, c, d] = results.map((r) => r.items[0]);
    expect(new Set([a.guidHash, b.guidHash, c.guidHash, d.guidHash]).size).toBe(1);
    expect(a.contentHash).not.toBe(b.contentHash); // the link changed
    expect(b.contentHash).toBe(c.contentHash); // nothing changed
    expect(d.contentHash).not.toBe(c.contentHash);
    expect(d.summary).toBe('Aanvragen kan tot 30 april.');
  });

  it('keeps the 200 newest of a huge feed, clamps a date in the future to now, drops an invalid date', async () => {
    const items = Array.from({ length: 250 }, (_, i) =>
      item({
        title: `Bericht ${i}`,
        guid: `g-${i}`,
        // Oldest first in the document: the newest are the last 200.
        pubDate: new Date(NOW.getTime() - (250 - i) * 3_600_000).toUTCString(),
      }),
    ).join('');
    const extra =
      item({
        title: 'Uit de toekomst',
        guid: 'toekomst',
        pubDate: 'Fri, 01 Jan 2100 00:00:00 GMT',
      }) + item({ title: 'Zonder geldige datum', guid: 'geen-datum', pubDate: 'ooit' });
    server.route('/groot-aantal.xml', { body: rss(extra + items) });
    const outcome = fetched(await fetcher().fetch(request(site('/groot-aantal.xml'))));
    expect(outcome.items).toHaveLength(200);
    const titles = outcome.items.map((i) => i.title);
    expect(titles).toContain('Uit de toekomst');
    expect(titles).not.toContain('Zonder geldige datum'); // undated: the first to go
    expect(titles).toContain('Bericht 249');
    expect(titles).not.toContain('Bericht 50');
    expect(outcome.items.find((i) => i.title === 'Uit de toekomst')?.publishedAt).toEqual(NOW);
  });

  it('without a title an item takes the start of its summary; long titles and summaries are cut at a word', async () => {
    const long = 'mantelzorg '.repeat(60).trim();
    server.route('/titels.xml', {
      body: rss(
        item({ guid: 'a', description: `&lt;p&gt;${long}&lt;/p&gt;` }) +
          item({ guid: 'b', title: long, description: 'Kort.' }),
      ),
    });
    const [untitled, titled] = fetched(await fetcher().fetch(request(site('/titels.xml')))).items;
    expect(untitled.title.length).toBeLessThanOrEqual(100);
    expect(untitled.title).toMatch(/^mantelzorg mantelzorg .*mantelzorg…$/);
    expect(untitled.summary.length).toBeLessThanOrEqual(300);
    expect(untitled.summary).toMatch(/mantelzorg…$/);
    expect(titled.title.length).toBeLessThanOrEqual(300);
    expect(titled.title).toMatch(/mantelzorg…$/);
  });

  it('cleans hostile HTML: no scripts, styles, handlers, javascript:/data: links, iframes, forms, images or svg', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/vijandig.xml'))));
    const [hostile] = outcome.items;
    expect(hostile.title).toBe('Gratis premie');
    expect(hostile.link).toBeNull(); // javascript: is no link
    expect(hostile.content).toBe(
      '<p>Lees <a>dit</a> en <a>dat</a>.</p> <p>Vast <em>bovenaan</em></p> <a href="https://goed.voorbeeld/uitleg" rel="noopener">Een goede link</a> <p>Grote kop</p> <ul><li>Een lijstje</li></ul>',
    );
    for (const text of [hostile.content, hostile.summary, hostile.title]) {
      expect(text).not.toMatch(
        /<script|<style|<iframe|<img|<svg|<form|<input|<object|<embed|onerror|onload|onclick|onmouseover|javascript:|data:|style=|target=|tracker|kwaad/i,
      );
    }
    expect(hostile.summary).toBe(
      'Lees dit en dat. Vast bovenaan Een goede link Grote kop Een lijstje',
    );
  });
});

describe('news fetch: what is no feed', () => {
  it('malformed XML, an HTML page, an XML bomb and an empty body are "Dit is geen RSS- of Atom-feed."', async () => {
    const f = fetcher();
    server.route('/leeg.xml', { body: '' });
    server.route('/tekst.txt', {
      body: 'Hallo, dit is tekst.',
      headers: { 'content-type': 'text/plain' },
    });
    for (const path of [
      '/kapot.xml',
      '/pagina.html',
      '/entiteiten.xml',
      '/leeg.xml',
      '/tekst.txt',
    ]) {
      expectFailed(
        await f.fetch(request(site(path))),
        'not_a_feed',
        'Dit is geen RSS- of Atom-feed.',
      );
    }
  });

  it('a damaged gzip body is no feed either', async () => {
    server.route('/kapot-gzip.xml', {
      body: zlib.gzipSync(Buffer.from(feedFixture('rss.xml'))).subarray(0, 200),
      headers: { 'content-encoding': 'gzip' },
    });
    expectFailed(
      await fetcher().fetch(request(site('/kapot-gzip.xml'))),
      'not_a_feed',
      'Dit is geen RSS- of Atom-feed.',
    );
  });
});

describe('news fetch: parsing in threads', () => {
  it('a thread parses a feed as the event loop does; what is no feed stays not_a_feed', async () => {
    const threaded = fetcher({ parseThreads: 1 });
    const inThread = fetched(await threaded.fetch(request(site('/rss.xml'))));
    const inline = fetched(await fetcher().fetch(request(site('/rss.xml'))));
    expect(inThread.items).toHaveLength(3);
    expect(inThread).toEqual(inline);
    expectFailed(
      await threaded.fetch(request(site('/kapot.xml'))),
      'not_a_feed',
      'Dit is geen RSS- of Atom-feed.',
    );
  });

  it('a parse still running at the deadline stops with its thread; the next feed gets a new one', async () => {
    const pool = new FeedParsePool(1);
    const task = (body: string) => ({
      body: Buffer.from(body),
      url: site('/rss.xml'),
      contentType: null,
      nowMs: NOW.getTime(),
      maxItems: 200,
    });
    try {
      const small = await pool.parse(task(feedFixture('rss.xml')), new AbortController().signal);
      expect(small.ok).toBe(true);
      // 40,000 items: far more than a parse does within the 20 ms left to it.
      const items = Array.from({ length: 40_000 }, (_, i) =>
        item({ title: `Bericht ${i}`, guid: `g-${i}` }),
      ).join('');
      const deadline = new AbortController();
      setTimeout(() => deadline.abort(), 20);
      await expect(pool.parse(task(rss(items)), deadline.signal)).rejects.toMatchObject({
        code: 'timeout',
      });
      const after = await pool.parse(task(feedFixture('rss.xml')), new AbortController().signal);
      expect(after).toEqual(small);
    } finally {
      await pool.close();
    }
  });
});

describe('news fetch: limits', () => {
  it('a 50 MB body stops at 5 MB, read as a stream, with little memory', async () => {
    const before = process.memoryUsage();
    const outcome = await fetcher().fetch(request(site('/groot.xml')));
    expectFailed(outcome, 'too_large', 'De feed is te groot (meer dan 5 MB).');
    const after = process.memoryUsage();
    expect(
      after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed),
    ).toBeLessThan(30 * 1024 * 1024);
    const [served] = server.requests('/groot.xml');
    await eventually(async () => served.abandoned, 5_000, 'the client to hang up');
    expect(served.bytesSent).toBeLessThan(20 * 1024 * 1024); // long before 50 MB
  });

  it('a gzip bomb (50 MB of zeros in ~50 kB) stops at 5 MB after decompression', async () => {
    const bomb = await gzipBomb(50 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    server.route('/bom.xml', { body: bomb, headers: { 'content-encoding': 'gzip' } });
    const before = process.memoryUsage();
    const outcome = await fetcher().fetch(request(site('/bom.xml')));
    expectFailed(outcome, 'too_large', 'De feed is te groot (meer dan 5 MB).');
    const after = process.memoryUsage();
    expect(
      after.arrayBuffers + after.heapUsed - (before.arrayBuffers + before.heapUsed),
    ).toBeLessThan(30 * 1024 * 1024);
  });

  it('a Content-Length over 5 MB is refused before reading', async () => {
    server.route('/lang.xml', (_req) => ({
      headers: { 'content-length': String(6 * 1024 * 1024), 'content-type': 'application/rss+xml' },
      headersOnly: true,
    }));
    expectFailed(await fetcher().fetch(request(site('/lang.xml'))), 'too_large', /te groot/);
  });

  it('a server that never answers, and one that sends headers and then trickles, time out', async () => {
    const quick = fetcher({ responseTimeoutMs: 300 });
    for (const path of ['/nooit.xml', '/druppel.xml']) {
      const started = Date.now();
      const outcome = await quick.fetch(request(site(path)));
      expectFailed(outcome, 'timeout', 'De website antwoordde niet binnen 20 seconden.');
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('a connection that is not made in time is a timeout', async () => {
    // A lookup that never answers (DNS is part of connecting): the connect timeout ends it.
    const stalling = fetcher({
      connectTimeoutMs: 200,
      lookup: () => undefined,
      allowedHosts: ['traag.voorbeeld.be'],
    });
    const outcome = await stalling.fetch(request('http://traag.voorbeeld.be/rss.xml'));
    expectFailed(outcome, 'timeout', 'De website antwoordde niet binnen 20 seconden.');
  });
});

describe('news fetch: conditional GET and hints', () => {
  it('sends the stored ETag; 304 is not_modified', async () => {
    const f = fetcher();
    const first = fetched(await f.fetch(request(site('/etag.xml'))));
    expect(first.etag).toBe('"v7-zorgbudget"');
    const second = await f.fetch(request(site('/etag.xml'), { etag: first.etag }));
    expect(second).toEqual({ kind: 'not_modified', hints: { minIntervalMinutes: null } });
    expect(server.requests('/etag.xml')[1].headers['if-none-match']).toBe('"v7-zorgbudget"');
  });

  it('sends the stored Last-Modified; 304 is not_modified', async () => {
    const f = fetcher();
    const first = fetched(await f.fetch(request(site('/gewijzigd.xml'))));
    expect(first.lastModified).toBe('Mon, 05 Jan 2026 08:30:00 GMT');
    const second = await f.fetch(
      request(site('/gewijzigd.xml'), { lastModified: first.lastModified }),
    );
    expect(second.kind).toBe('not_modified');
    const asked = server.requests('/gewijzigd.xml')[1].headers;
    expect(asked['if-modified-since']).toBe('Mon, 05 Jan 2026 08:30:00 GMT');
    expect(asked['if-none-match']).toBeUndefined();
  });

  it('Expires: 0 means the validators are not to be used: none returned', async () => {
    const outcome = fetched(await fetcher().fetch(request(site('/verloopt.xml'))));
    expect(outcome.items).toHaveLength(3);
    expect(outcome.etag).toBeNull();
    expect(outcome.lastModified).toBeNull();
  });

  it('429 with Retry-After (seconds) and 503 with Retry-After (a date) ask to come back later', async () => {
    const f = fetcher();
    const limited = await f.fetch(request(site('/te-veel.xml')));
    expectFailed(limited, 'rate_limited', /later terug te komen/);
    expect(limited.hints.minIntervalMinutes).toBe(120);
    const maintenance = await f.fetch(request(site('/onderhoud.xml')));
    expectFailed(maintenance, 'rate_limited', /later terug te komen/);
    expect(maintenance.hints.minIntervalMinutes).toBe(90);
  });

  it('Cache-Control: max-age is a hint too; another status is http_status with the status as detail', async () => {
    const f = fetcher();
    expect(fetched(await f.fetch(request(site('/cache.xml')))).hints.minIntervalMinutes).toBe(90);
    const broken = await f.fetch(request(site('/stuk.xml')));
    expectFailed(broken, 'http_status', 'De website gaf een foutmelding in plaats van de feed.');
    expect(broken).toMatchObject({ detail: '500' });
    const missing = await f.fetch(request(site('/bestaat-niet.xml')));
    expect(missing).toMatchObject({ kind: 'failed', code: 'http_status', detail: '404' });
  });
});

describe('news fetch: redirects', () => {
  it('follows 3 redirects (relative Locations, every status) and refuses a 4th', async () => {
    const f = fetcher();
    const three = fetched(await f.fetch(request(site('/r3'))));
    expect(three.items).toHaveLength(3);
    expect(server.requests('/r1')[0].url).toBe('/r1?na=2');
    const rssBefore = server.count('/rss.xml');
    const four = await f.fetch(request(site('/r4')));
    expectFailed(four, 'too_many_redirects', /te vaak door/);
    expect(server.count('/rss.xml')).toBe(rssBefore); // the 4th was not followed
  });

  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/rss.xml`],
    ['[::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}/rss.xml`],
    ['[::1]', (port: number) => `http://[::1]:${port}/rss.xml`],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
    [
      'a name that resolves to 127.0.0.1',
      (port: number) => `http://intern.voorbeeld.be:${port}/rss.xml`,
    ],
  ])('refuses a redirect to %s: nothing fetched there', async (_label, target) => {
    const path = `/naar-${_label.replace(/\W+/g, '-')}`;
    server.route(path, { status: 302, headers: { location: target(server.port) } });
    const before = server.count('/rss.xml');
    const outcome = await fetcher().fetch(request(site(path)));
    expectFailed(outcome, 'refused_address', /^Dit adres is niet toegelaten\./);
    expect(server.count('/rss.xml')).toBe(before);
  });

  it('refuses a redirect to file:///etc/passwd (and other schemes)', async () => {
    const f = fetcher();
    for (const [path, location] of [
      ['/naar-bestand', 'file:///etc/passwd'],
      ['/naar-ftp', 'ftp://bron.voorbeeld/feed.xml'],
      ['/naar-javascript', 'javascript:alert(1)'],
    ]) {
      server.route(path, { status: 301, headers: { location } });
      const outcome = await f.fetch(request(site(path)));
      expectFailed(outcome, 'refused_scheme', /^Dit adres is niet toegelaten\./);
    }
  });
});

describe('news fetch: addresses', () => {
  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/rss.xml`],
    ['[::1]', (port: number) => `http://[::1]:${port}/rss.xml`],
    ['[::ffff:127.0.0.1]', (port: number) => `http://[::ffff:127.0.0.1]:${port}/rss.xml`],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/'],
    ['10.0.0.1 (private)', () => 'http://10.0.0.1/rss.xml'],
    ['100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/rss.xml'],
    ['0.0.0.0', () => 'http://0.0.0.0/rss.xml'],
    ['224.0.0.1 (multicast)', () => 'http://224.0.0.1/rss.xml'],
    ['[fd00::1] (unique local)', () => 'http://[fd00::1]/rss.xml'],
    ['[fe80::1] (link-local)', () => 'http://[fe80::1]/rss.xml'],
    [
      'a name that resolves to 127.0.0.1',
      (port: number) => `http://intern.voorbeeld.be:${port}/rss.xml`,
    ],
    [
      'a name that resolves to ::ffff:127.0.0.1',
      (port: number) => `http://rebind.voorbeeld.be:${port}/rss.xml`,
    ],
    ['a name that resolves to 169.254.169.254', () => 'http://metadata.voorbeeld.be/latest/'],
  ])('refuses %s without the allowlist', async (_label, target) => {
    const before = server.count('/rss.xml');
    const outcome = await fetcher().fetch(request(target(server.port)));
    expectFailed(outcome, 'refused_address', /^Dit adres is niet toegelaten\./);
    expect(server.count('/rss.xml')).toBe(before);
  });

  it('the socket check alone refuses loopback, also when the pre-check is off (an IP literal skips lookup)', async () => {
    const socketOnly = fetcher({ checkBeforeConnecting: false });
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', 'intern.voorbeeld.be']) {
      const before = server.count('/rss.xml');
      const outcome = await socketOnly.fetch(request(server.url('/rss.xml', host)));
      expectFailed(outcome, 'refused_address', /^Dit adres is niet toegelaten\./);
      expect(server.count('/rss.xml')).toBe(before);
    }
  });

  it('https: the address is checked once TCP connects, before the certificate (which is verified)', async () => {
    const tls = createHttpsServer(
      {
        key: feedFixture('tls/key.pem'),
        cert: feedFixture('tls/cert.pem'),
      },
      (_req, res) => res.end(feedFixture('rss.xml')),
    );
    tls.listen(0, '127.0.0.1');
    await once(tls, 'listening');
    const port = (tls.address() as AddressInfo).port;
    try {
      const socketOnly = fetcher({ checkBeforeConnecting: false });
      expectFailed(
        await socketOnly.fetch(request(`https://127.0.0.1:${port}/rss.xml`)),
        'refused_address',
        /^Dit adres is niet toegelaten\./,
      );
      // Allowlisted, the self-signed certificate is still refused: TLS is verified as usual.
      const outcome = await fetcher().fetch(request(`https://${SITE}:${port}/rss.xml`));
      expect(outcome).toMatchObject({ kind: 'failed', code: 'unreachable' });
      expect(outcome.kind === 'failed' && outcome.detail).toMatch(/CERT|SELF_SIGNED/);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('accepts the same addresses when their host is allowlisted', async () => {
    const local = fetcher({
      allowedHosts: ['127.0.0.1', '[::1]', 'intern.voorbeeld.be', '*.localhost'],
    });
    for (const host of ['127.0.0.1', '[::1]', 'intern.voorbeeld.be', 'f17.localhost']) {
      const outcome = fetched(await local.fetch(request(server.url('/rss.xml', host))));
      expect(outcome.items).toHaveLength(3);
    }
    // `*.localhost` is every subdomain, not localhost itself.
    const outcome = await local.fetch(request(server.url('/rss.xml', 'localhost')));
    expectFailed(outcome, 'refused_address', /^Dit adres is niet toegelaten\./);
  });

  it('refuses other schemes and no URL at all before connecting; an unknown name or a closed port is unreachable', async () => {
    const f = fetcher();
    expectFailed(await f.fetch(request('file:///etc/passwd')), 'refused_scheme', /niet toegelaten/);
    expectFailed(
      await f.fetch(request('ftp://bron.voorbeeld/feed.xml')),
      'refused_scheme',
      /niet toegelaten/,
    );
    expectFailed(await f.fetch(request('geen adres')), 'invalid_url', /geen geldig webadres/);
    expectFailed(
      await f.fetch(request('http://bestaat-niet.voorbeeld.be/rss.xml')),
      'unreachable',
      /niet bereikbaar/,
    );
    const closed = createNetServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expectFailed(
      await f.fetch(request(`http://${SITE}:${port}/rss.xml`)),
      'unreachable',
      /niet bereikbaar/,
    );
  });
});

describe('news fetch: messages', () => {
  it('every error code has a plain-Dutch message under news.feeds.error.<code>', () => {
    for (const [code, key] of Object.entries(FETCH_ERROR_MESSAGE_KEYS)) {
      expect(key).toBe(`news.feeds.error.${code}`);
      expect(FETCH_ERROR_STRINGS[key]).toMatch(/^[A-Z].*\.$/);
    }
    expect(FETCH_ERROR_STRINGS['news.feeds.error.timeout']).toBe(
      'De website antwoordde niet binnen 20 seconden.',
    );
    expect(FETCH_ERROR_STRINGS['news.feeds.error.not_a_feed']).toBe(
      'Dit is geen RSS- of Atom-feed.',
    );
  });
});
