import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeContentEncoding } from './decompress.js';
import { FeedFetchError } from './errors.js';

const text = Buffer.from('<rss version="2.0"><channel><title>é</title></channel></rss>');

describe('decodeContentEncoding', () => {
  it.each([
    ['gzip', zlib.gzipSync(text)],
    ['x-gzip', zlib.gzipSync(text)],
    ['deflate', zlib.deflateSync(text)],
    ['deflate', zlib.deflateRawSync(text)], // raw deflate mislabelled as deflate
    ['br', zlib.brotliCompressSync(text)],
    ['identity', text],
    ['gzip', text], // labelled gzip but sent plain
    ['deflate, gzip', zlib.gzipSync(zlib.deflateSync(text))],
  ])('%s', async (encoding, body) => {
    expect((await decodeContentEncoding(body, encoding, 1024)).equals(text)).toBe(true);
  });

  it('stops a decompression bomb at the size limit', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024));
    await expect(decodeContentEncoding(bomb, 'gzip', 1024 * 1024)).rejects.toMatchObject({ code: 'too_large' });
  });

  it.each([
    ['a corrupt gzip body', Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'gzip', 'decode'],
    ['an unknown coding', text, 'compress', 'decode'],
  ])('reports %s', async (_name, body, encoding, code) => {
    const err = await decodeContentEncoding(body, encoding, 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedFetchError);
    expect((err as FeedFetchError).code).toBe(code);
    expect((err as Error).message).not.toMatch(/\n/);
  });
});
