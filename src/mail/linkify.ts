/** One piece of plain text: either text, or a web address to show as a link. */
export type TextPart = { text: string } | { href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/**
 * Splits plain text into text and http(s) links, for a template to render with normal (escaping)
 * expressions: `{{#if href}}<a href="{{href}}">{{href}}</a>{{else}}{{text}}{{/if}}`. Punctuation
 * that ends a sentence is not part of the link.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
