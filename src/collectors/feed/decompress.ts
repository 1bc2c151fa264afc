// Content-Encoding decoding with the same size limit as the raw body: a 50 kB gzip bomb must not
// become 5 GB in memory. zlib's maxOutputLength stops inflation as soon as the limit is passed.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { FeedFetchError } from './errors.js';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

function hasGzipMagic(body: Buffer): boolean {
  return body[0] === 0x1f && body[1] === 0x8b;
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the header tells them apart. */
function hasZlibHeader(body: Buffer): boolean {
  const first = body[0] ?? 0;
  const second = body[1] ?? 0;
  return (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
}

async function decodeOne(body: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
  const options = { maxOutputLength: maxBytes };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      // A server that labels a plain body as gzip is common enough to tolerate.
      return hasGzipMagic(body) ? gunzip(body, options) : body;
    case 'deflate':
      return hasZlibHeader(body) ? inflate(body, options) : inflateRaw(body, options);
    case 'br':
      return brotliDecompress(body, options);
    default:
      throw new FeedFetchError('decode', `unsupported Content-Encoding "${encoding}"`);
  }
}

/** Undoes the Content-Encoding header's codings (applied in order, so undone in reverse). */
export async function decodeContentEncoding(body: Buffer, header: string | undefined, maxBytes: number): Promise<Buffer> {
  const encodings = (header ?? '')
    .split(',')
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value !== '' && value !== 'identity')
    .reverse();
  let decoded = body;
  for (const encoding of encodings) {
    if (decoded.length === 0) break;
    try {
      decoded = await decodeOne(decoded, encoding, maxBytes);
    } catch (err) {
      if (err instanceof FeedFetchError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new FeedFetchError('too_large', `the decompressed response exceeds ${maxBytes} bytes`, { cause: err });
      }
      throw new FeedFetchError('decode', `could not decompress the ${encoding} response (${(err as Error).message})`, { cause: err });
    }
  }
  return decoded;
}
