import { createHash } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { plainText, safeHtml } from '../../../web/content/safe-html';
import type { ParsedItem } from './fetch-contract';
import { FetchFailure } from './fetch-failure';

/**
 * A feed's body as the platform stores it: RSS 2.0, Atom or RDF (`@rowanmanning/feed-parser`),
 * decoded by its charset, its items' HTML through THE allowlist (`safeHtml`, no headings), plain
 * text summaries and titles, absolute http(s) links, and an identity per item that survives a
 * guid moving from http to https. Pure: no network, no database, "now" passed in.
 */

export interface ParseFeedOptions {
  /** The address the body came from (after redirects): relative links resolve against it. */
  url: string;
  /** The response's Content-Type (its charset wins over the XML declaration's). */
  contentType?: string | null;
  /** A date after this is taken as this: an item cannot sort above today's news by lying. */
  now: Date;
  /** At most this many items, the newest (default 200). */
  maxItems?: number;
}

export interface ParsedFeed {
  feedTitle: string | null;
  items: ParsedItem[];
  /** RSS `<ttl>` in minutes, when the feed has one. */
  ttlMinutes: number | null;
}

export const MAX_ITEMS = 200;
export const MAX_TITLE_LENGTH = 300;
export const SUMMARY_LENGTH = 300;
/** When an item has no title, its title is the start of its summary, this long at most. */
const TITLE_FROM_SUMMARY_LENGTH = 100;
const UNTITLED = 'Bericht zonder titel';

/** Parses and cleans a feed; throws `FetchFailure('not_a_feed')` for anything that is not one. */
export function parseFeedBody(body: Buffer, options: ParseFeedOptions): ParsedFeed {
  try {
    return parseAndClean(body, options);
  } catch (error) {
    if (error instanceof FetchFailure) throw error;
    // Whatever else a hostile document makes the parser or the sanitizer throw (a stack
    // overflow on deep nesting, ...): no feed, and never a crash of the job.
    throw new FetchFailure('not_a_feed', error instanceof Error ? error.name : 'unreadable');
  }
}

function parseAndClean(body: Buffer, options: ParseFeedOptions): ParsedFeed {
  const text = decode(body, options.contentType ?? null).replace(/^\s+/, '');
  if (!text.startsWith('<')) throw new FetchFailure('not_a_feed', 'no XML');
  // A feed has no business declaring entities (in the DOCTYPE, before the root element): an
  // internal DTD is how "billion laughs" starts. An article that mentions <!ENTITY is fine.
  const root = /<[A-Za-z]/.exec(text)?.index ?? text.length;
  if (/<!ENTITY/i.test(text.slice(0, root))) {
    throw new FetchFailure('not_a_feed', 'declares XML entities');
  }
  const valid = XMLValidator.validate(escapeBareAmpersands(text));
  if (valid !== true) {
    throw new FetchFailure('not_a_feed', `${valid.err.msg} (line ${valid.err.line})`);
  }

  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(text);
  } catch {
    throw new FetchFailure('not_a_feed', 'no RSS, Atom or RDF root element');
  }

  // The parser's item.url reads feed.url (a scan of the channel's children, items included)
  // for every item: computed once here and kept on the instance, 50 items cost 50 scans less.
  const feedUrl = feed.url;
  Object.defineProperty(feed, 'url', { value: feedUrl });
  const base = absoluteHttpUrl(feedUrl, options.url) ?? options.url;
  const now = options.now.getTime();
  // Dates and guids of every item first: only the newest `maxItems` are cleaned (the costly part).
  const all = feed.items.map((item, index) => {
    const date = item.published ?? item.updated;
    const publishedAt =
      date && !Number.isNaN(date.getTime()) ? new Date(Math.min(date.getTime(), now)) : null;
    const guid = (item.id ?? '').trim() || null;
    return { item, index, guid, publishedAt };
  });
  const guidCounts = new Map<string, number>();
  for (const { guid } of all) {
    if (guid) guidCounts.set(foldScheme(guid), (guidCounts.get(foldScheme(guid)) ?? 0) + 1);
  }
  const newest = [...all]
    .sort(
      (a, b) =>
        (b.publishedAt?.getTime() ?? -Infinity) - (a.publishedAt?.getTime() ?? -Infinity) ||
        a.index - b.index,
    )
    .slice(0, options.maxItems ?? MAX_ITEMS)
    .sort((a, b) => a.index - b.index);

  const cleaned = newest.map(({ item, guid, publishedAt }) => {
    const link = absoluteHttpUrl(item.url, base);
    const contentHtml = item.content;
    const descriptionHtml = item.description;
    // Whitespace between tags means nothing (no <pre> is allowed): one space, so a re-indented
    // feed does not count as changed content.
    const content = clean(contentHtml ?? descriptionHtml ?? '', link ?? base);
    // The summary is the description's text (the content's when there is none).
    const described =
      descriptionHtml && contentHtml ? plainText(descriptionHtml) : textOfSafeHtml(content);
    const summary = cutAtWord(described, SUMMARY_LENGTH);
    const title =
      cutAtWord(plainTextOf(item.title ?? ''), MAX_TITLE_LENGTH) ||
      cutAtWord(summary, TITLE_FROM_SUMMARY_LENGTH) ||
      '';
    return { guid, link, title, summary, content, publishedAt };
  });
  // Items with nothing to show are no items.
  const usable = cleaned.filter((item) => item.title || item.link || item.summary);

  const seen = new Set<string>();
  const items: ParsedItem[] = [];
  for (const item of usable) {
    const guidHash = sha256(identityOf(item, guidCounts));
    if (seen.has(guidHash)) continue; // the very same item twice in one document
    seen.add(guidHash);
    const title = item.title || UNTITLED;
    items.push({
      guidHash,
      contentHash: sha256(JSON.stringify([title, item.link, item.summary, item.content])),
      link: item.link,
      title,
      summary: item.summary,
      content: item.content,
      publishedAt: item.publishedAt,
    });
  }

  const ttl = ttlOf(feed);
  const feedTitle = cutAtWord(plainTextOf(feed.title ?? ''), MAX_TITLE_LENGTH) || null;
  return { feedTitle, items, ttlMinutes: ttl };
}

/**
 * The identity of an item: its guid (http and https folded, so a site moving to https does not
 * repeat its news); guid + link when the document repeats that guid; the link without a guid;
 * the title without a link either.
 */
function identityOf(
  item: { guid: string | null; link: string | null; title: string; summary: string },
  guidCounts: Map<string, number>,
): string {
  if (item.guid) {
    const guid = foldScheme(item.guid);
    if ((guidCounts.get(guid) ?? 0) > 1) return `guid+link:${guid}\n${foldScheme(item.link ?? '')}`;
    return `guid:${guid}`;
  }
  if (item.link) return `link:${foldScheme(item.link)}`;
  return `title:${item.title || item.summary}`;
}

/** `http://x` and `https://x` are one identity. */
function foldScheme(value: string): string {
  return value.trim().replace(/^https?:\/\//i, 'https://');
}

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** RSS `<ttl>` (minutes) of the channel, when it is a positive whole number. */
function ttlOf(feed: ReturnType<typeof parseFeed>): number | null {
  if (feed.meta.type !== 'rss') return null;
  const value = feed.element.findElementWithName('ttl')?.textContentNormalized?.trim();
  if (!value || !/^\d+$/.test(value)) return null;
  const minutes = Number(value);
  return minutes > 0 ? minutes : null;
}

/** An absolute http(s) URL for `value` resolved against `base`, or null (javascript:, mailto:, junk). */
export function absoluteHttpUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Relative links in a feed's HTML point at the feed's site, not at the hub: resolve them (in the
 * sanitized output, whose links all read `<a href="...">`, optionally with `rel="noopener"`),
 * drop what does not resolve to http(s), mailto or tel, and mark every absolute one external.
 */
function resolveLinks(html: string, base: string): string {
  return html.replace(/<a href="([^"]*)"(?: rel="noopener")?>/g, (_tag, href: string) => {
    const raw = decodeBasicEntities(href);
    if (/^(mailto|tel):/i.test(raw)) return `<a href="${escapeAttribute(raw)}">`;
    const absolute = absoluteHttpUrl(raw, base);
    return absolute ? `<a href="${escapeAttribute(absolute)}" rel="noopener">` : '<a>';
  });
}

/** A feed's HTML through THE allowlist, its links resolved, its whitespace folded. */
function clean(html: string, base: string): string {
  return resolveLinks(safeHtml(html, { headings: false, ownHost: null }), base)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text of HTML that already went through `safeHtml` (so: only its few tags, well formed,
 * only basic entities): block tags become spaces, the others go. Cheaper than another sanitizer
 * pass, and what matters is the same: no markup left.
 */
function textOfSafeHtml(safe: string): string {
  return decodeBasicEntities(
    safe.replace(/<\/?(?:p|br|ul|ol|li|blockquote)\b[^>]*>/g, ' ').replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Plain text of a title (which may hold HTML: Atom's type="html"); stored titles and summaries
 * are plain (escaped when shown). Text without `<` or `&` needs no sanitizer.
 */
function plainTextOf(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  return plainText(html);
}

const BASIC_ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#039;': "'",
  '&apos;': "'",
  '&amp;': '&',
};

/** Undoes the escaping of sanitize-html's output (one pass: `&amp;lt;` stays `&lt;`). */
function decodeBasicEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:lt|gt|quot|#0*39|apos|amp);/g,
    (entity) => BASIC_ENTITIES[entity] ?? "'",
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** At most `max` characters, cut at the last space before it (with "…"), never mid-word when avoidable. */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,.;:!?-]+$/, '')}…`;
}

const BARE_AMPERSAND = /&(?!(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/i;

/** Bare `&` (Tom & Jerry) is common in real feeds and harmless: escape it for the validator only. */
function escapeBareAmpersands(text: string): string {
  if (!BARE_AMPERSAND.test(text)) return text;
  return text.replace(/&(?!(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;');
}

/**
 * The body as text: a byte-order mark first, then the charset of the Content-Type, then the XML
 * declaration's encoding, else UTF-8. An unknown label falls back to UTF-8.
 */
export function decode(body: Buffer, contentType: string | null): string {
  const label =
    bomCharset(body) ?? charsetOf(contentType) ?? xmlDeclarationCharset(body) ?? 'utf-8';
  if (WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(body);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}

/** The labels WHATWG maps to windows-1252 (ISO-8859-1 included: that is what servers mean by it). */
const WINDOWS_1252_LABELS = new Set([
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso-ir-100',
  'latin1',
  'l1',
  'cp819',
  'ibm819',
  'us-ascii',
  'ascii',
]);

/** What 0x80–0x9F are in windows-1252 (Node 20's TextDecoder gives C1 controls instead). */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(body: Buffer): string {
  return body
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function bomCharset(body: Buffer): string | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return null;
}

function charsetOf(contentType: string | null): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return match ? match[1].toLowerCase() : null;
}

function xmlDeclarationCharset(body: Buffer): string | null {
  const head = body.subarray(0, 512).toString('latin1');
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}
