import { describe, expect, it } from 'vitest';
import { intentUrl } from './share-intents.js';

const link = 'https://pilotfish.example/r/AbC123xyz_-9';
const text = 'Trois lots rappelés & remboursés';

describe('intentUrl', () => {
  it.each([
    ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/', { url: link }],
    ['x', 'https://x.com/intent/post', { text, url: link }],
    ['bluesky', 'https://bsky.app/intent/compose', { text: `${text} ${link}` }],
    ['mastodon', 'https://mastodon.social/share', { text: `${text} ${link}` }],
  ] as const)('%s opens %s with the text and the tracked link', (network, base, params) => {
    const url = new URL(intentUrl(network, text, link)!);
    expect(`${url.origin}${url.pathname}`).toBe(base);
    expect(Object.fromEntries(url.searchParams)).toEqual(params);
  });

  it('has no intent for the native share sheet or a copy', () => {
    expect(intentUrl('native', text, link)).toBeNull();
    expect(intentUrl('copy', text, link)).toBeNull();
  });
});
