import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import FileType from 'file-type';
import sharp from 'sharp';

/** The image types we accept, and sharp's name for each. SVG and GIF never. */
export const IMAGE_FORMATS = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
} as const;
export type ImageMime = keyof typeof IMAGE_FORMATS;

/** What the person reads when an upload is refused (Dutch, naming the use: logo, foto, ...). */
export interface ImageMessages {
  missing: string;
  tooLarge: string;
  wrongType: string;
  unreadable: string;
  notReceived: string;
}

/** One use of an uploaded image: its limits, its size on the page and its output format. */
export interface ImageUse {
  maxBytes: number;
  /** The image is made smaller (never larger) to fit inside this box. */
  maxWidth: number;
  maxHeight: number;
  /** `keep`: the same format as uploaded (a logo may need transparency); else always this one. */
  output: 'keep' | 'jpeg' | 'webp';
  messages: ImageMessages;
}

export type ImageResult =
  { ok: true; contentType: ImageMime; content: Buffer } | { ok: false; message: string };

/** Guards against decompression bombs (a tiny file that decodes to gigabytes). */
const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Checks an uploaded image from its bytes (never its name or Content-Type header), then decodes
 * and re-encodes it: that drops EXIF/XMP/ICC metadata (GPS position, camera, author) and anything
 * hidden after the image data, turns it upright, and makes it no larger than the use needs.
 */
export async function prepareImage(input: Buffer, use: ImageUse): Promise<ImageResult> {
  const { messages } = use;
  if (input.length === 0) return { ok: false, message: messages.missing };
  if (input.length > use.maxBytes) return { ok: false, message: messages.tooLarge };
  const type = await FileType.fromBuffer(input);
  if (!type || !(type.mime in IMAGE_FORMATS)) return { ok: false, message: messages.wrongType };
  const format = use.output === 'keep' ? IMAGE_FORMATS[type.mime as ImageMime] : use.output;
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({
        width: use.maxWidth,
        height: use.maxHeight,
        fit: 'inside',
        withoutEnlargement: true,
      });
    const encoded =
      format === 'png'
        ? image.png({ compressionLevel: 9 })
        : format === 'jpeg'
          ? // JPEG has no transparency: a transparent PNG gets a white background, not black.
            image.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true })
          : image.webp({ quality: 85 });
    return {
      ok: true,
      contentType: `image/${format}` as ImageMime,
      content: await encoded.toBuffer(),
    };
  } catch {
    return { ok: false, message: messages.unreadable };
  }
}

/**
 * The message for multer's own refusals (file over the size limit, a second file, a wrong field),
 * which arrive as Nest's 413 and 400 exceptions before the handler runs.
 */
export function uploadRefusalMessage(
  exception: PayloadTooLargeException | BadRequestException,
  messages: ImageMessages,
): string {
  return exception instanceof PayloadTooLargeException ? messages.tooLarge : messages.notReceived;
}
