// A local HTTP server (127.0.0.1, random port) that misbehaves in every way a feed host can.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export const FEED_XML = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local feed</title><link>/</link>
<item><title>Grève chez ACME</title><link>/articles/1</link><guid isPermaLink="false">local-1</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Les salariés &lt;b&gt;manifestent&lt;/b&gt;.&lt;/p&gt;</description></item>
</channel></rss>
`;

export interface FeedServer {
  url: (path: string) => string;
  port: number;
  /** Requests seen, by path, with the headers that matter to conditional GET. */
  requests: Array<{ path: string; ifNoneMatch?: string; ifModifiedSince?: string; acceptEncoding?: string }>;
  close: () => Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => void;

const LAST_MODIFIED = 'Mon, 04 Mar 2024 10:00:00 GMT';

function sendFeed(res: ServerResponse, headers: Record<string, string> = {}, body: string | Buffer = FEED_XML): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
  res.end(body);
}

const routes: Record<string, Handler> = {
  '/feed': (_req, res) => sendFeed(res),
  '/etag': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    sendFeed(res, { etag: '"v1"' });
  },
  '/last-modified': (req, res) => {
    if (req.headers['if-modified-since'] === LAST_MODIFIED) return void res.writeHead(304).end();
    sendFeed(res, { 'last-modified': LAST_MODIFIED });
  },
  '/404': (_req, res) => void res.writeHead(404, 'Not Found').end('nope'),
  '/500': (_req, res) => void res.writeHead(500, 'Internal Server Error').end('boom'),
  '/429': (_req, res) => void res.writeHead(429, 'Too Many Requests', { 'retry-after': '120' }).end(),
  '/503-date': (_req, res) => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    res.writeHead(503, 'Service Unavailable', { 'retry-after': at }).end();
  },
  '/slow-headers': () => {
    // Never answers; the client must give up on its own.
  },
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<rss version="2.0"><channel>');
    const timer = setInterval(() => res.write('<!-- still here -->'), 50);
    res.on('close', () => clearInterval(timer));
  },
  '/gzip': (_req, res) => sendFeed(res, { 'content-encoding': 'gzip' }, zlib.gzipSync(FEED_XML)),
  '/deflate-raw': (_req, res) => sendFeed(res, { 'content-encoding': 'deflate' }, zlib.deflateRawSync(FEED_XML)),
  '/br': (_req, res) => sendFeed(res, { 'content-encoding': 'br' }, zlib.brotliCompressSync(FEED_XML)),
  '/gzip-bomb': (_req, res) => sendFeed(res, { 'content-encoding': 'gzip' }, zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))),
  '/big': (_req, res) => sendFeed(res, {}, Buffer.alloc(2 * 1024 * 1024, 0x20)),
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 40 && res.write(chunk)) sent += 1;
      if (sent >= 40) res.end();
    };
    res.on('drain', pump);
    pump();
  },
  '/latin1': (_req, res) => {
    const xml = '<rss version="2.0"><channel><title>Été</title><item><title>Café</title><link>https://x.example.fr/1</link></item></channel></rss>';
    sendFeed(res, { 'content-type': 'text/xml; charset=ISO-8859-1' }, Buffer.from(xml, 'latin1'));
  },
  '/html': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Hi</body></html>');
  },
  '/reset': (req) => req.socket.destroy(),
  '/truncated-body': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '5000' });
    res.write('<rss version="2.0">');
    setTimeout(() => req.socket.destroy(), 20);
  },
  '/redirect-no-location': (_req, res) => void res.writeHead(302).end(),
  '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => void res.writeHead(301, { location: '/loop-a' }).end(),
  '/moved': (_req, res) => void res.writeHead(301, { location: '/feed' }).end(),
  '/to-private': (_req, res) => void res.writeHead(302, { location: 'http://10.0.0.1/feed' }).end(),
  '/to-metadata': (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-other-loopback': (_req, res, port) => void res.writeHead(307, { location: `http://127.0.0.2:${port}/feed` }).end(),
  '/to-localhost-name': (_req, res, port) => void res.writeHead(302, { location: `http://localhost:${port}/feed` }).end(),
  '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
};

function chain(path: string, res: ServerResponse): boolean {
  // /chain/3 → /chain/2 → /chain/1 → /chain/0 → the feed; relative Locations on purpose.
  const match = /^\/chain\/(\d+)$/.exec(path);
  if (!match) return false;
  const left = Number(match[1]);
  if (left === 0) sendFeed(res);
  else res.writeHead(left % 2 === 0 ? 302 : 308, { location: `${left - 1}` }).end();
  return true;
}

export async function startFeedServer(): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  let port = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.push({
      path,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: req.headers['if-none-match'] } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: req.headers['if-modified-since'] } : {}),
      ...(req.headers['accept-encoding'] ? { acceptEncoding: req.headers['accept-encoding'] } : {}),
    });
    if (chain(path, res)) return;
    const handler = routes[path];
    if (handler) handler(req, res, port);
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
