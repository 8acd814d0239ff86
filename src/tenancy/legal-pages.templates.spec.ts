import { defaultLegalText, LEGAL_PAGE_KINDS, toSections } from './legal-pages.templates';

const tenant = {
  name: 'Poperinge',
  contactEmail: 'sociaalhuis@poperinge.be',
  contactPhone: '057 34 66 00',
  contactAddress: null,
};

describe('legal page templates', () => {
  it('fill in the municipality and the contact details it has', () => {
    for (const kind of LEGAL_PAGE_KINDS) {
      const text = defaultLegalText(kind, tenant);
      expect(text).toContain('Poperinge');
      expect(text).toContain('sociaalhuis@poperinge.be');
      expect(text).toContain('057 34 66 00');
      expect(text).not.toContain('Adres:');
      expect(text).not.toMatch(/\$\{|undefined|null/);
    }
  });

  it('say what the law asks of each statement', () => {
    const privacy = defaultLegalText('privacy', tenant);
    for (const part of [
      'artikel 9',
      'Hoe lang bewaren',
      'downloaden',
      'wissen',
      'Vlaamse Toezichtcommissie',
    ]) {
      expect(privacy).toContain(part);
    }
    const accessibility = defaultLegalText('toegankelijkheid', tenant);
    for (const part of [
      'Bestuursdecreet van 7 december 2018',
      '2016/2102',
      'WCAG 2.1',
      'Een probleem melden',
      'klacht',
    ]) {
      expect(accessibility).toContain(part);
    }
  });

  it('still say whom to contact when the municipality filled in nothing', () => {
    const text = defaultLegalText('privacy', {
      name: 'Veurne',
      contactEmail: null,
      contactPhone: null,
      contactAddress: null,
    });
    expect(text).toContain('Vraag aan het onthaal van Veurne naar de sociale dienst.');
  });

  it('split plain text into headed sections, paragraphs and lists', () => {
    const sections = toSections(
      'Inleiding.\n\nTweede alinea.\n\n## Je rechten\nJe mag:\n- inkijken\n- wissen\nDat is alles.\n## Leeg\n',
    );
    expect(sections).toEqual([
      { heading: null, blocks: [{ text: 'Inleiding.\n\nTweede alinea.' }] },
      {
        heading: 'Je rechten',
        blocks: [{ text: 'Je mag:' }, { items: ['inkijken', 'wissen'] }, { text: 'Dat is alles.' }],
      },
      { heading: 'Leeg', blocks: [] },
    ]);
  });

  it('keep markup as text (the view escapes it)', () => {
    const sections = toSections('<script>alert(1)</script>\n## <b>Kop</b>\n- <i>punt</i>');
    expect(sections[0].blocks[0]).toEqual({ text: '<script>alert(1)</script>' });
    expect(sections[1].heading).toBe('<b>Kop</b>');
    expect(sections[1].blocks[0]).toEqual({ items: ['<i>punt</i>'] });
  });
});
