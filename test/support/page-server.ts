// A small HTTP server standing in for the sites ambassadors share: pages with OpenGraph tags, an oEmbed
// endpoint, a huge page, and a page that never answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer { url: string; hits: string[]; close(): Promise<void> }

export async function startPageServer(): Promise<PageServer> {
  const hits: string[] = [];
  const stalled = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const base = `http://${req.headers.host}`;
    if (req.url?.startsWith('/post')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(`<!doctype html><html><head><title>ignored</title>
        <meta property="og:title" content="ACME charger catches fire &lt;b&gt;live&lt;/b&gt;">
        <meta property="og:description" content="A customer filmed the charger burning in his kitchen.">
        <meta property="og:site_name" content="Social Example">
        <meta property="og:image" content="/media/fire.jpg"></head><body>${'<p>comment</p>'.repeat(50)}</body></html>`);
    }
    if (req.url?.startsWith('/video')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(`<html><head><link rel="alternate" type="application/json+oembed" href="${base}/oembed?u=1"></head></html>`);
    }
    if (req.url?.startsWith('/oembed')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ version: '1.0', type: 'video', title: 'Unboxing gone wrong', provider_name: 'VideoSite', author_name: '@someone', thumbnail_url: `${base}/thumb.jpg` }));
    }
    if (req.url?.startsWith('/huge')) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(`<html><head><meta property="og:title" content="huge">${'x'.repeat(3 * 1024 * 1024)}`);
    }
    if (req.url?.startsWith('/stall')) return void stalled.add(res); // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((resolve) => {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
