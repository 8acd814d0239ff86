import MarkdownIt from 'markdown-it';
import { safeHtml } from './safe-html';

/**
 * The one renderer of text written on the platform (news articles; later the guide and the
 * forum): a small Markdown subset (paragraphs, headings, bold, italic, lists, links), raw HTML
 * off, and the result through the content allowlist (safe-html.ts) all the same. `#` becomes an
 * h2: the page's own title is its h1.
 */
const md = new MarkdownIt('zero', { html: false, linkify: false, breaks: true }).enable([
  'heading',
  'list',
  'emphasis',
  'link',
  'newline',
  'escape',
  'entity',
]);

md.renderer.rules.heading_open = (tokens, index) => `<h${headingLevel(tokens[index].tag)}>`;
md.renderer.rules.heading_close = (tokens, index) => `</h${headingLevel(tokens[index].tag)}>\n`;

/** h1 → h2, h2 → h3, h3 and deeper → h4. */
function headingLevel(tag: string): number {
  return Math.min(Number(tag.slice(1)) + 1, 4);
}

export interface MarkdownOptions {
  /** The hub's host: links elsewhere get `rel="noopener"`. */
  ownHost: string | null;
}

/** Markdown to safe HTML, for `{{{ }}}` in a view only through this function's output. */
export function renderMarkdown(source: string, options: MarkdownOptions): string {
  return safeHtml(md.render(source), { headings: true, ownHost: options.ownHost });
}
