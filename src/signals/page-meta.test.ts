import { describe, expect, it } from 'vitest';
import { readOembed, readPageMeta } from './page-meta.js';

describe('readPageMeta', () => {
  it('prefers OpenGraph, decodes entities and resolves the image against the page', () => {
    const html = `<!doctype html><html><head><title>Fallback</title>
      <meta property="og:title" content="Charger &amp; fire: what we know">
      <meta content='A video shows a charger burning.' property='og:description'>
      <meta property="og:site_name" content="Le Journal">
      <meta property="og:image" content="/img/charger.jpg">
      <link rel="alternate" type="application/json+oembed" href="/oembed?url=x"></head><body>…</body></html>`;
    expect(readPageMeta(html, 'https://news.example/a/1')).toEqual({
      title: 'Charger & fire: what we know', description: 'A video shows a charger burning.', site_name: 'Le Journal',
      image_url: 'https://news.example/img/charger.jpg', oembed_url: 'https://news.example/oembed?url=x',
    });
  });

  it('falls back to <title> and the meta description, and drops non-http images', () => {
    const html = '<head><title> Forum  thread </title><meta name="description" content="People complain"><meta property="og:image" content="javascript:alert(1)"></head>';
    expect(readPageMeta(html, 'https://forum.example/t/2')).toMatchObject({ title: 'Forum thread', description: 'People complain', site_name: null, image_url: null, oembed_url: null });
  });

  it('keeps markup in values as text and stays fast on hostile input', () => {
    const meta = readPageMeta('<meta property="og:title" content="&lt;script&gt;x&lt;/script&gt;">', 'https://a.example/');
    expect(meta.title).toBe('<script>x</script>');
    // Linear scans: a quadratic regex would not finish within the test's timeout on this.
    const hostile = '<meta '.repeat(100_000) + '<title>' + 'a'.repeat(10);
    expect(readPageMeta(hostile, 'https://a.example/').title).toBeNull();
  });
});

describe('readOembed', () => {
  it('takes the title, provider and thumbnail', () => {
    expect(readOembed({ title: 'Post', provider_name: 'TikTok', author_name: '@someone', thumbnail_url: 'https://cdn.example/t.jpg' }, 'https://www.tiktok.com/'))
      .toEqual({ title: 'Post', site_name: 'TikTok', description: '@someone', image_url: 'https://cdn.example/t.jpg' });
    expect(readOembed('nope', 'https://a.example/')).toEqual({});
  });
});
