import sharp from 'sharp';
import { LOGO_MESSAGES, MAX_LOGO_BYTES, prepareLogo } from './logo-image';

async function pngWithMetadata(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: '#1d5c8f' } })
    .png()
    .withMetadata({ exif: { IFD0: { Copyright: 'Geheime Auteur', ImageDescription: 'Stadhuis' } } })
    .toBuffer();
}

describe('prepareLogo', () => {
  it('accepts a PNG and strips its metadata', async () => {
    const input = await pngWithMetadata();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const result = await prepareLogo(input);
    if (!result.ok) throw new Error(result.message);
    expect(result.contentType).toBe('image/png');
    const meta = await sharp(result.content).metadata();
    expect(meta.format).toBe('png');
    expect(meta.exif).toBeUndefined();
    expect(result.content.includes(Buffer.from('Geheime Auteur'))).toBe(false);
  });

  it('keeps JPEG and WebP in their format', async () => {
    const base = sharp({ create: { width: 10, height: 10, channels: 3, background: '#333333' } });
    const jpeg = await prepareLogo(await base.clone().jpeg().toBuffer());
    const webp = await prepareLogo(await base.clone().webp().toBuffer());
    expect(jpeg.ok && jpeg.contentType).toBe('image/jpeg');
    expect(webp.ok && webp.contentType).toBe('image/webp');
  });

  it('makes a large logo smaller', async () => {
    const big = await sharp({
      create: { width: 3000, height: 1000, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    const result = await prepareLogo(big);
    if (!result.ok) throw new Error(result.message);
    const meta = await sharp(result.content).metadata();
    expect(meta.width).toBeLessThanOrEqual(800);
    expect(meta.height).toBeLessThanOrEqual(400);
  });

  it('refuses SVG, GIF and text, whatever the file is called', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    for (const input of [svg, gif, Buffer.from('gewoon tekst')]) {
      expect(await prepareLogo(input)).toEqual({ ok: false, message: LOGO_MESSAGES.wrongType });
    }
  });

  it('refuses a broken image and an empty or too large file', async () => {
    const png = await pngWithMetadata();
    expect(await prepareLogo(png.subarray(0, 60))).toEqual({
      ok: false,
      message: LOGO_MESSAGES.unreadable,
    });
    expect(await prepareLogo(Buffer.alloc(0))).toEqual({
      ok: false,
      message: LOGO_MESSAGES.missing,
    });
    expect(await prepareLogo(Buffer.alloc(MAX_LOGO_BYTES + 1))).toEqual({
      ok: false,
      message: LOGO_MESSAGES.tooLarge,
    });
  });
});
