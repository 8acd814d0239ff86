import { pipeline, Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchFailure } from './fetch-failure';

/**
 * Reads a response body as a stream, decompressing it by hand (gzip, deflate, br, in the order
 * of `Content-Encoding`) and counting bytes AFTER decompression: at `maxBytes` it stops and
 * destroys the streams (`too_large`), so a 50 MB body or a gzip bomb never sits in memory. The
 * compressed bytes are counted too (a body that does not compress stops at the same limit).
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | string[] | undefined,
  maxBytes: number,
): Promise<Buffer> {
  // Destroying an undici body emits an error; the pipeline or the iterator below report the real one.
  body.on('error', () => undefined);
  const encodings = encodingsOf(contentEncoding);
  // `deflate` means zlib-wrapped data, but some servers send raw deflate: when it is the first
  // to undo, look at the first bytes (a zlib header, usually 0x78 0x9c) and put them back.
  let rawDeflate = false;
  let source: Readable = body;
  if (encodings[0] === 'deflate') {
    const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await chunks.next();
    if (!first.done) rawDeflate = !isZlibHeader(first.value);
    source = Readable.from(
      (async function* () {
        if (first.done) return;
        yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next())
          yield next.value;
      })(),
      { objectMode: false },
    );
  }
  const decoders = encodings.map((encoding, i) => decoderFor(encoding, i === 0 && rawDeflate));
  let raw = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      raw += chunk.length;
      if (raw > maxBytes) callback(new FetchFailure('too_large', `> ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  const stream = pipeline([source, counter, ...decoders], () => undefined) as unknown as Readable;

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new FetchFailure('too_large', `> ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    for (const part of [source, counter, ...decoders]) part.destroy();
    body.destroy();
    if (error instanceof FetchFailure) throw error;
    if (isZlibError(error)) throw new FetchFailure('not_a_feed', 'the compressed body is damaged');
    throw error;
  }
  return Buffer.concat(chunks, size);
}

/** The encodings of `Content-Encoding` in the order to undo them (the last applied first). */
function encodingsOf(header: string | string[] | undefined): string[] {
  return (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity')
    .reverse();
}

/** One zlib stream per encoding; unknown encodings are refused. */
function decoderFor(encoding: string, rawDeflate: boolean): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return rawDeflate ? zlib.createInflateRaw() : zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchFailure('not_a_feed', `unknown Content-Encoding ${encoding}`);
  }
}

/** A zlib header: compression method 8 in the low nibble and a check of the first two bytes (RFC 1950). */
function isZlibHeader(chunk: Buffer): boolean {
  if (chunk.length < 2) return (chunk[0] & 0x0f) === 0x08;
  return (chunk[0] & 0x0f) === 0x08 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
