import FileType from 'file-type';
import sharp from 'sharp';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

const FORMATS = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' } as const;
type LogoMime = keyof typeof FORMATS;

export const LOGO_MESSAGES = {
  missing: 'Kies een afbeelding voor het logo.',
  tooLarge:
    'Het logo is te groot. Het bestand mag hoogstens 2 MB zijn. Kies een kleinere afbeelding.',
  wrongType:
    'Het logo moet een PNG-, JPEG- of WebP-afbeelding zijn. Dit bestand is dat niet. Een SVG kan ook niet.',
  unreadable:
    'We konden het logo niet openen. Het bestand is misschien beschadigd. Kies een ander bestand.',
  notReceived: 'We konden het logo niet goed ontvangen. Probeer het opnieuw met één afbeelding.',
} as const;

export type LogoResult =
  { ok: true; contentType: LogoMime; content: Buffer } | { ok: false; message: string };

/**
 * Checks an uploaded logo from its bytes (never its name or Content-Type header), then decodes and
 * re-encodes it: that drops EXIF/XMP/ICC metadata and anything hidden after the image data, and
 * makes it no larger than needed for a header (at most 800×400).
 */
export async function prepareLogo(input: Buffer): Promise<LogoResult> {
  if (input.length === 0) return { ok: false, message: LOGO_MESSAGES.missing };
  if (input.length > MAX_LOGO_BYTES) return { ok: false, message: LOGO_MESSAGES.tooLarge };
  const type = await FileType.fromBuffer(input);
  if (!type || !(type.mime in FORMATS)) return { ok: false, message: LOGO_MESSAGES.wrongType };
  const mime = type.mime as LogoMime;
  try {
    // limitInputPixels guards against decompression bombs (a tiny file that decodes to gigabytes).
    const image = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: 800, height: 400, fit: 'inside', withoutEnlargement: true });
    const format = FORMATS[mime];
    const encoded =
      format === 'png'
        ? image.png({ compressionLevel: 9 })
        : format === 'jpeg'
          ? image.jpeg({ quality: 85 })
          : image.webp({ quality: 85 });
    return { ok: true, contentType: mime, content: await encoded.toBuffer() };
  } catch {
    return { ok: false, message: LOGO_MESSAGES.unreadable };
  }
}
