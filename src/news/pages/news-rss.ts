/**
 * A hub's news as RSS 2.0 (`/nieuws.rss`): absolute links to the hub's own pages, each item's
 * guid that same address (a permalink), dates in RFC 822, descriptions in plain text, and the
 * feed's own address as `atom:link rel="self"`. Pure: the caller gives the visible items.
 */

export interface RssChannel {
  title: string;
  description: string;
  /** The hub's origin, `https://poperinge.mantelzorghub.be` (no trailing slash). */
  origin: string;
  items: RssItem[];
}

export interface RssItem {
  title: string;
  slug: string;
  at: Date;
  /** Plain text. */
  description: string;
  /** "lokaal" / "algemeen". */
  category: string;
}

/** Characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF): dropped. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an XML element or attribute. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 822 (as RSS 2.0 wants it): `Wed, 12 May 2027 08:00:00 GMT`. */
export const rfc822 = (at: Date): string => at.toUTCString();

export function newsRss(channel: RssChannel): string {
  const self = `${channel.origin}/nieuws.rss`;
  const newest = channel.items.reduce<Date | null>(
    (latest, item) => (!latest || item.at > latest ? item.at : latest),
    null,
  );
  const items = channel.items.map((item) => {
    const url = xmlText(`${channel.origin}/nieuws/${item.slug}`);
    return [
      '    <item>',
      `      <title>${xmlText(item.title)}</title>`,
      `      <link>${url}</link>`,
      `      <guid isPermaLink="true">${url}</guid>`,
      `      <pubDate>${rfc822(item.at)}</pubDate>`,
      `      <description>${xmlText(item.description)}</description>`,
      `      <category>${xmlText(item.category)}</category>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlText(channel.title)}</title>`,
    `    <link>${xmlText(`${channel.origin}/nieuws`)}</link>`,
    `    <description>${xmlText(channel.description)}</description>`,
    '    <language>nl-BE</language>',
    `    <atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [`    <lastBuildDate>${rfc822(newest)}</lastBuildDate>`] : []),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
