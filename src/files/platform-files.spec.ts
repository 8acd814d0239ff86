import sharp from 'sharp';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFilename } from './platform-files';

const MESSAGES = { missing: 'leeg', tooLarge: 'te groot', wrongType: 'verkeerd type' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('platform files', () => {
  it('accepts a PDF and the image types, from their bytes', async () => {
    expect(await checkDocument(PDF, MESSAGES)).toEqual({
      ok: true,
      contentType: 'application/pdf',
      extension: 'pdf',
    });
    const png = await sharp({
      create: { width: 4, height: 4, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    expect(await checkDocument(png, MESSAGES)).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
  });

  it('refuses an SVG, a text file, an empty file and one over the limit', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    expect(await checkDocument(svg, MESSAGES)).toEqual({ ok: false, message: 'verkeerd type' });
    expect(await checkDocument(Buffer.from('gewoon tekst'), MESSAGES)).toEqual({
      ok: false,
      message: 'verkeerd type',
    });
    expect(await checkDocument(Buffer.alloc(0), MESSAGES)).toEqual({ ok: false, message: 'leeg' });
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    expect(await checkDocument(big, MESSAGES)).toEqual({ ok: false, message: 'te groot' });
  });

  it('makes a safe file name with the checked extension', () => {
    expect(safeFilename('Hand-out sessie 1.pdf', 'pdf')).toBe('Hand-out-sessie-1.pdf');
    expect(safeFilename('Ééntje "met" \r\n; quotes.exe', 'pdf')).toBe('Eentje-met-quotes.pdf');
    expect(safeFilename('../../etc/passwd', 'png')).toBe('etc-passwd.png');
    expect(safeFilename('…', 'jpg')).toBe('bestand.jpg');
    expect(safeFilename('a'.repeat(300), 'pdf')).toHaveLength(84);
  });
});
