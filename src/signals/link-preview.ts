// Fetches the preview of a link an ambassador shared: title, description, site name and image URL from
// the page's OpenGraph tags, completed by its oEmbed endpoint when the page advertises one. The fetch
// goes through the collectors' guarded client (SSRF address policy checked at connect time, redirects
// re-checked, size and time limits); whatever goes wrong becomes a one-line reason, never an exception.
import { fetchFeed } from '../collectors/feed/index.js';
import type { AddressPolicy } from '../collectors/net/address-guard.js';
import type { LinkPreview } from '../db/tables/ambassador.js';
import { readOembed, readPageMeta } from './page-meta.js';

export interface PreviewLimits { timeoutMs: number; maxBytes: number; maxRedirects: number; userAgent: string; policy: AddressPolicy }
export type PreviewOutcome = { ok: true; preview: LinkPreview } | { ok: false; error: string };

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);
}

export async function fetchLinkPreview(url: string, limits: PreviewLimits): Promise<PreviewOutcome> {
  const started = Date.now();
  const options = { timeoutMs: limits.timeoutMs, maxBytes: limits.maxBytes, maxRedirects: limits.maxRedirects, userAgent: limits.userAgent, policy: limits.policy };
  let page;
  try {
    page = await fetchFeed(url, options);
  } catch (err) {
    return { ok: false, error: reason(err) };
  }
  if (page.status !== 'ok') return { ok: false, error: 'the server answered 304 Not Modified' };
  const meta = readPageMeta(page.body, page.finalUrl);
  let extra: ReturnType<typeof readOembed> = {};
  const remaining = limits.timeoutMs - (Date.now() - started);
  if (meta.oembed_url && (!meta.title || !meta.image_url) && remaining > 100) {
    try {
      const answer = await fetchFeed(meta.oembed_url, { ...options, timeoutMs: remaining, maxBytes: Math.min(limits.maxBytes, 64 * 1024) });
      if (answer.status === 'ok') extra = readOembed(JSON.parse(answer.body), meta.oembed_url);
    } catch {
      // The page's own tags are enough; a broken oEmbed endpoint is not worth failing the preview for.
    }
  }
  const preview: LinkPreview = {
    url: page.finalUrl,
    title: meta.title ?? extra.title ?? null,
    description: meta.description ?? extra.description ?? null,
    site_name: meta.site_name ?? extra.site_name ?? null,
    image_url: meta.image_url ?? extra.image_url ?? null,
  };
  if (!preview.title && !preview.description && !preview.image_url) return { ok: false, error: 'the page has no title, description or image to preview' };
  return { ok: true, preview };
}
