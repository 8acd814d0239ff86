import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

/**
 * The one HTML policy of content shown on the hubs, for text written on the platform (rendered
 * Markdown) and HTML that came from a feed: an allowlist of tags, `href` on links only, and http,
 * https, mailto and tel links (no `javascript:`, no `data:`). Everything else is dropped: scripts,
 * styles, event handlers, iframes, forms, and images (an external image would tell a third party
 * who reads what, and the CSP forbids it).
 */
export interface SafeHtmlOptions {
  /** Keep headings (h2–h4): Markdown bodies have them, feed items do not. */
  headings: boolean;
  /**
   * The hub's host (`poperinge.mantelzorghub.be`): links to any other host get `rel="noopener"`.
   * null: every absolute link is treated as external.
   */
  ownHost: string | null;
}

const TEXT_TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'blockquote'];
const HEADING_TAGS = ['h2', 'h3', 'h4'];

/** Tags whose content goes too (not only the tag): nobody should read a script's source. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'noscript',
  'template',
  'textarea',
  'select',
  'form',
  'title',
];

export function safeHtml(html: string, options: SafeHtmlOptions): string {
  return sanitizeHtml(html, {
    allowedTags: options.headings ? [...TEXT_TAGS, ...HEADING_TAGS] : TEXT_TAGS,
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    // A feed's h1/h2 would compete with the page's own headings: they become strong paragraphs.
    transformTags: {
      ...(options.headings
        ? { h1: 'h2' }
        : { h1: 'p', h2: 'p', h3: 'p', h4: 'p', h5: 'p', h6: 'p' }),
      a: (tagName, attribs) => {
        const href = attribs.href ?? '';
        const kept: sanitizeHtml.Attributes = {};
        if (href) kept.href = href;
        if (isExternal(href, options.ownHost)) kept.rel = 'noopener';
        return { tagName, attribs: kept };
      },
    },
  });
}

/** An absolute http(s) link to another host than the hub's own (relative links stay on the hub). */
function isExternal(href: string, ownHost: string | null): boolean {
  if (!/^https?:\/\//i.test(href)) return false;
  try {
    return new URL(href).hostname.toLowerCase() !== ownHost?.toLowerCase();
  } catch {
    return true;
  }
}

/** Tags that end a line of text: their edges become a space, so "<p>a</p><p>b</p>" reads "a b". */
const BLOCK_TAGS = new Set([
  'p',
  'br',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const DROPPED = new Set(DROPPED_WITH_CONTENT);

/**
 * The text of some HTML without any tag (a feed item's summary, an RSS description): plain, not
 * escaped, its entities decoded once (`&amp;lt;` reads `&lt;`), without what `safeHtml` drops
 * with its content. Straight from htmlparser2 (the parser under sanitize-html): no markup is
 * written, so there is nothing to sanitize, at a tenth of a sanitizer pass's cost.
 */
export function plainText(html: string): string {
  let text = '';
  let dropped = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropped++;
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        else if (BLOCK_TAGS.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (dropped === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\s+/g, ' ').trim();
}
