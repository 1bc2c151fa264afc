/**
 * One HTTP(S) POST with hard limits: a deadline for the whole exchange, no redirects (node:http never
 * follows them), no connection reuse, and at most a few KiB of the answer read.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PostResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The beginning of the response body, for error messages. */
  bodySnippet: string;
}

export interface PostOptions {
  headers: Record<string, string>;
  body: string | Buffer;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Connect to this address instead of resolving the host again (see PinnedAddress in webhook.ts). */
  lookup?: LookupFunction;
}

export function postOnce(url: URL, options: PostOptions): Promise<PostResult> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
      signal: AbortSignal.timeout(options.timeoutMs),
      agent: false,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const finish = () => {
        if (settled) return;
        settled = true;
        const status = response.statusCode ?? 0;
        resolve({ status, headers: response.headers, bodySnippet: Buffer.concat(chunks).toString('utf8') });
        // The status is all we need; do not wait for (or buffer) the rest of a large or endless body.
        response.destroy();
      };
      response.on('data', (chunk: Buffer) => {
        if (received < options.maxResponseBytes) chunks.push(chunk.subarray(0, options.maxResponseBytes - received));
        received += chunk.length;
        if (received >= options.maxResponseBytes) finish();
      });
      response.on('end', finish);
      // Aborted mid-body: the receiver did answer, keep its status.
      response.on('error', finish);
      response.on('close', finish);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}
