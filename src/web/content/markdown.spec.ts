import { renderMarkdown } from './markdown';
import { plainText, safeHtml } from './safe-html';

const own = { ownHost: 'poperinge.localhost' };

describe('renderMarkdown', () => {
  it('renders the subset: paragraphs, headings one level down, bold, italic, lists, links', () => {
    const html = renderMarkdown(
      '# Premie\n\nDe **premie** is *nieuw*.\n\n- een\n- twee\n\n1. eerst\n\n[Sociaal Huis](/hulp)',
      own,
    );
    expect(html).toContain('<h2>Premie</h2>');
    expect(html).toContain('<p>De <strong>premie</strong> is <em>nieuw</em>.</p>');
    expect(html).toContain('<ul>\n<li>een</li>\n<li>twee</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>eerst</li>\n</ol>');
    expect(html).toContain('<a href="/hulp">Sociaal Huis</a>');
  });

  it('writes raw HTML as text and refuses javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=y>',
      own,
    );
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('leaves out what the subset does not have: images, tables, code blocks', () => {
    const html = renderMarkdown(
      '![pixel](https://tracker.example/p.gif)\n\n    code\n\n| a |\n|---|',
      own,
    );
    expect(html).not.toMatch(/<img|<pre|<table|<code/);
  });

  it('gives links to other sites rel="noopener", not links on the hub', () => {
    const html = renderMarkdown(
      '[VAPH](https://www.vaph.be) [hier](https://poperinge.localhost/nieuws)',
      own,
    );
    expect(html).toContain('<a href="https://www.vaph.be" rel="noopener">VAPH</a>');
    expect(html).toContain('<a href="https://poperinge.localhost/nieuws">hier</a>');
  });
});

describe('safeHtml for feed content', () => {
  it('keeps paragraphs, lists, emphasis and links; drops scripts, handlers, iframes, images, svg', () => {
    const html = safeHtml(
      '<h1>Titel</h1><p onclick="x()">Tekst <a href="javascript:alert(1)">a</a> <a href="https://zorg.be/x" onmouseover="y">b</a></p>' +
        '<img src="https://t.example/p.gif" width="1" height="1"><svg onload="alert(1)"><circle/></svg>' +
        '<iframe src="https://evil.example"></iframe><script>alert(1)</script><style>p{}</style>' +
        '<form action="/x"><input></form><ul><li><em>één</em></li></ul><a href="data:text/html,x">d</a>',
      { headings: false, ownHost: null },
    );
    expect(html).toBe(
      '<p>Titel</p><p>Tekst <a>a</a> <a href="https://zorg.be/x" rel="noopener">b</a></p><ul><li><em>één</em></li></ul><a>d</a>',
    );
  });

  it('plainText strips every tag and folds white space', () => {
    expect(plainText('<p>Een <b>korte</b>\n\n samenvatting<script>x</script></p>')).toBe(
      'Een korte samenvatting',
    );
    expect(plainText('Tom &amp; Jerry &lt;3 &amp;lt; &quot;zorg&quot;&nbsp;&#39;t')).toBe(
      'Tom & Jerry <3 &lt; "zorg" \'t',
    );
  });
});
