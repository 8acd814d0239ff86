import { linkify } from './linkify';

describe('linkify', () => {
  it('splits text and http(s) links, leaving sentence punctuation out of the link', () => {
    expect(linkify('Klik op https://gent.mantelzorghub.be/bevestigen/abc. Tot dan!')).toEqual([
      { text: 'Klik op ' },
      { href: 'https://gent.mantelzorghub.be/bevestigen/abc' },
      { text: '. Tot dan!' },
    ]);
  });

  it('keeps text without links whole, and does not link other schemes', () => {
    expect(linkify('Geen link, javascript:alert(1) ook niet')).toEqual([
      { text: 'Geen link, javascript:alert(1) ook niet' },
    ]);
    expect(linkify('')).toEqual([]);
  });

  it('stops a link at quotes and angle brackets', () => {
    expect(linkify('<http://a.localhost/x>"')).toEqual([
      { text: '<' },
      { href: 'http://a.localhost/x' },
      { text: '>"' },
    ]);
  });
});
