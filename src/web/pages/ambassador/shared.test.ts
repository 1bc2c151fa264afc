import { describe, expect, it } from 'vitest';
import { prefillFromShare } from './shared.js';

const q = (o: Record<string, string>) => new URLSearchParams(o);

describe('prefillFromShare', () => {
  it('takes the link from the text when the app puts it there, and guesses the network', () => {
    expect(prefillFromShare(q({ text: 'Look at this https://x.com/someone/status/1.' }))).toEqual({ text: 'Look at this', url: 'https://x.com/someone/status/1', channel: 'x', problems: [] });
  });
  it('keeps title and text, and a browser-shared url', () => {
    expect(prefillFromShare(q({ title: 'Post', text: 'A burnt charger', url: 'https://www.linkedin.com/posts/1' })))
      .toEqual({ text: 'Post\nA burnt charger', url: 'https://www.linkedin.com/posts/1', channel: 'linkedin', problems: [] });
  });
  it('reports what is wrong instead of failing', () => {
    const long = prefillFromShare(q({ text: 'a'.repeat(6000), url: 'ftp://files' }))!;
    expect(long.problems).toEqual(['url_invalid', 'text_too_long']);
    expect(long.text).toHaveLength(5000);
    expect(prefillFromShare(q({}))).toBeNull();
  });
});
