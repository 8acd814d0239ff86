import { cutAtWord, decode, parseFeedBody } from './parse-feed';

const NOW = new Date('2026-01-10T09:00:00Z');
const URL_OF_FEED = 'https://www.gemeente.voorbeeld/nieuws.rss';

function parse(xml: string | Buffer, contentType: string | null = null) {
  return parseFeedBody(Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'), {
    url: URL_OF_FEED,
    contentType,
    now: NOW,
  });
}

describe('parseFeedBody', () => {
  it('tolerates a bare & and HTML entities, as real feeds have them', () => {
    const feed = parse(
      '<rss version="2.0"><channel><title>Tom & Jerry</title><item><title>Caf&eacute; &amp; koffie &#233; &lt;3</title><guid>1</guid></item></channel></rss>',
    );
    expect(feed.feedTitle).toBe('Tom & Jerry');
    expect(feed.items[0].title).toBe('Café & koffie é <3');
  });

  it('a charset in the Content-Type wins over the XML declaration; a BOM over both', () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item><title>Caf\u00e9</title><guid>1</guid></item></channel></rss>',
      'latin1',
    );
    expect(parse(latin1, 'application/rss+xml; charset=ISO-8859-1').items[0].title).toBe('Café');
    expect(
      decode(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]),
        'text/xml; charset=latin1',
      ),
    ).toBe('é');
    expect(decode(Buffer.from('\ufeffé', 'utf16le'), null)).toBe('é');
    expect(decode(Buffer.from('é'), 'text/xml; charset=bestaat-niet')).toBe('é');
  });

  it('windows-1252 quotes come out right', () => {
    const body = Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><item><title>',
      ),
      Buffer.from([0x93, 0x5a, 0x6f, 0x72, 0x67, 0x94, 0x20, 0x80]),
      Buffer.from('</title><guid>1</guid></item></channel></rss>'),
    ]);
    expect(parse(body).items[0].title).toBe('“Zorg” €');
  });

  it('a feed with nothing but a title is a feed without items; items with nothing to show are dropped', () => {
    const feed = parse(
      '<rss version="2.0"><channel><title>Leeg</title><item></item><item><guid>x</guid></item></channel></rss>',
    );
    expect(feed).toEqual({ feedTitle: 'Leeg', items: [], ttlMinutes: null });
  });

  it('links only absolute http(s); mailto: links in HTML stay, others lose their href', () => {
    const feed = parse(
      `<rss version="2.0"><channel><link>https://www.gemeente.voorbeeld/</link><item><title>A</title><link>mailto:info@gemeente.voorbeeld</link><guid>1</guid><description><![CDATA[<a href="mailto:info@gemeente.voorbeeld">mail</a> <a href="vbscript:x">x</a> <a href="//elders.voorbeeld/">y</a> <a href="?a=1&b=2">z</a>]]></description></item></channel></rss>`,
    );
    const [item] = feed.items;
    expect(item.link).toBeNull();
    expect(item.content).toBe(
      '<a href="mailto:info@gemeente.voorbeeld">mail</a> <a>x</a> <a>y</a> <a href="https://www.gemeente.voorbeeld/?a=1&amp;b=2" rel="noopener">z</a>',
    );
  });

  it('re-indenting a feed does not change an item (whitespace between tags is one space)', () => {
    const a = parse(
      '<rss version="2.0"><channel><item><title>A</title><guid>1</guid><description>&lt;p&gt;x&lt;/p&gt; &lt;p&gt;y&lt;/p&gt;</description></item></channel></rss>',
    );
    const b = parse(
      '<rss version="2.0"><channel><item><title>A</title><guid>1</guid><description>\n   &lt;p&gt;x&lt;/p&gt;\n\n   &lt;p&gt;y&lt;/p&gt;\n</description></item></channel></rss>',
    );
    expect(b.items[0].contentHash).toBe(a.items[0].contentHash);
  });

  it('reads <ttl> of RSS only as a whole positive number', () => {
    expect(parse('<rss version="2.0"><channel><ttl>45</ttl></channel></rss>').ttlMinutes).toBe(45);
    expect(
      parse('<rss version="2.0"><channel><ttl>veel</ttl></channel></rss>').ttlMinutes,
    ).toBeNull();
    expect(parse('<rss version="2.0"><channel><ttl>0</ttl></channel></rss>').ttlMinutes).toBeNull();
  });

  it('an article about XML may mention <!ENTITY; a DOCTYPE that declares one is refused', () => {
    const about = parse(
      '<rss version="2.0"><channel><item><title>XML</title><guid>1</guid><description><![CDATA[<p>Schrijf nooit <!ENTITY in een feed.</p>]]></description></item></channel></rss>',
    );
    expect(about.items.map((i) => i.title)).toEqual(['XML']); // a feed, not refused
    expect(() =>
      parse(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><title>&a;</title></channel></rss>',
      ),
    ).toThrow(expect.objectContaining({ code: 'not_a_feed', detail: 'declares XML entities' }));
  });

  it('refuses what is no feed', () => {
    for (const body of [
      '',
      '   ',
      'geen xml',
      '{"items": []}',
      '<html><body><p>x</p></body></html>',
      '<rss><channel><title>x</title>',
      '<?xml version="1.0"?><root><a/></root>',
    ]) {
      expect(() => parse(body)).toThrow(expect.objectContaining({ code: 'not_a_feed' }));
    }
  });
});

describe('cutAtWord', () => {
  it('cuts at the last space before the limit, with an ellipsis', () => {
    expect(cutAtWord('kort', 10)).toBe('kort');
    expect(cutAtWord('een twee drie vier', 12)).toBe('een twee…');
    expect(cutAtWord('eentweedrievier', 8)).toBe('eentwee…');
    expect(cutAtWord('  veel   ruimte  ', 20)).toBe('veel ruimte');
  });
});
