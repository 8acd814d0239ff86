import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import sharp from 'sharp';
import { prepareImage, uploadRefusalMessage, type ImageUse } from './image-upload';

const PHOTO: ImageUse = {
  maxBytes: 5 * 1024 * 1024,
  maxWidth: 1600,
  maxHeight: 1200,
  output: 'jpeg',
  messages: {
    missing: 'Kies een foto.',
    tooLarge: 'Te groot.',
    wrongType: 'Geen foto.',
    unreadable: 'Kapot.',
    notReceived: 'Niet ontvangen.',
  },
};

describe('prepareImage with per-use limits (a café photo)', () => {
  it('re-encodes PNG, JPEG and WebP as JPEG without metadata, upright', async () => {
    const base = sharp({ create: { width: 30, height: 20, channels: 3, background: '#2a6' } });
    const exif = { IFD0: { Copyright: 'Geheime Fotograaf', Orientation: '6' } };
    for (const input of [
      await base.clone().png().withMetadata({ exif }).toBuffer(),
      await base.clone().jpeg().withMetadata({ exif }).toBuffer(),
      await base.clone().webp().toBuffer(),
    ]) {
      const result = await prepareImage(input, PHOTO);
      if (!result.ok) throw new Error(result.message);
      expect(result.contentType).toBe('image/jpeg');
      const meta = await sharp(result.content).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(result.content.includes(Buffer.from('Geheime Fotograaf'))).toBe(false);
    }
  });

  it('gives a transparent PNG a white background, and makes a large photo at most 1600 wide', async () => {
    const big = await sharp({
      create: {
        width: 4000,
        height: 1000,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const result = await prepareImage(big, PHOTO);
    if (!result.ok) throw new Error(result.message);
    const { width, height } = await sharp(result.content).metadata();
    expect([width, height]).toEqual([1600, 400]);
    const { channels } = await sharp(result.content).stats();
    expect(channels[0].mean).toBeGreaterThan(250); // white, not black
  });

  it('uses the limits and the words of the use', async () => {
    expect(await prepareImage(Buffer.alloc(0), PHOTO)).toEqual({
      ok: false,
      message: 'Kies een foto.',
    });
    expect(await prepareImage(Buffer.alloc(PHOTO.maxBytes + 1), PHOTO)).toEqual({
      ok: false,
      message: 'Te groot.',
    });
    expect(await prepareImage(Buffer.from('%PDF-1.4 geen foto'), PHOTO)).toEqual({
      ok: false,
      message: 'Geen foto.',
    });
    expect(uploadRefusalMessage(new PayloadTooLargeException(), PHOTO.messages)).toBe('Te groot.');
    expect(uploadRefusalMessage(new BadRequestException(), PHOTO.messages)).toBe('Niet ontvangen.');
  });
});
