#!/usr/bin/env node
/**
 * Makes views/assets/favicon.ico (the platform's icon, served at /favicon.ico on every host) from
 * the SVG below: a white heart on the platform blue. Run it again after changing the drawing:
 * `node scripts/make-favicon.js`. The ICO holds PNG images (16, 32 and 48 px), which every
 * browser since IE 11 reads.
 */
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="12" fill="#1d5c8f"/>
  <path fill="#fff" d="M32 53 C12 39 7 29 7 21 C7 13.5 13 8 20 8 C25.5 8 29.5 11 32 15.5
    C34.5 11 38.5 8 44 8 C51 8 57 13.5 57 21 C57 29 52 39 32 53 Z"/>
</svg>`;
const SIZES = [16, 32, 48];

async function main() {
  const images = await Promise.all(
    SIZES.map((size) =>
      sharp(Buffer.from(SVG), { density: 72 * (size / 64) * 4 })
        .resize(size, size)
        .png({ compressionLevel: 9 })
        .toBuffer(),
    ),
  );
  // ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNGs.
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(SIZES[i], entry); // width (0 would mean 256)
    header.writeUInt8(SIZES[i], entry + 1); // height
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  const out = path.join(__dirname, '..', 'views', 'assets', 'favicon.ico');
  fs.writeFileSync(out, Buffer.concat([header, ...images]));
  console.log(`${path.relative(process.cwd(), out)}: ${offset} bytes`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
