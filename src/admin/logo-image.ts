import { prepareImage, type ImageMime, type ImageUse } from '../files/image-upload';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

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

/** A logo in the header: at most 800×400, in its own format (PNG keeps its transparency). */
export const LOGO_USE: ImageUse = {
  maxBytes: MAX_LOGO_BYTES,
  maxWidth: 800,
  maxHeight: 400,
  output: 'keep',
  messages: LOGO_MESSAGES,
};

export type LogoResult =
  { ok: true; contentType: ImageMime; content: Buffer } | { ok: false; message: string };

/** Checks and re-encodes an uploaded logo (src/files/image-upload.ts). */
export function prepareLogo(input: Buffer): Promise<LogoResult> {
  return prepareImage(input, LOGO_USE);
}
