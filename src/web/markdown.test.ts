import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.js';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs and lists', () => {
    expect(parseMarkdown('# Charte\n\nJe **signale**\nsans répondre.\n\n- un\n- deux\n\n1. premier\n2. second')).toEqual([
      { kind: 'heading', level: 2, inlines: [{ kind: 'text', text: 'Charte' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Je ' }, { kind: 'strong', text: 'signale' }, { kind: 'text', text: ' sans répondre.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'un' }], [{ kind: 'text', text: 'deux' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'premier' }], [{ kind: 'text', text: 'second' }]] },
    ]);
  });

  it('keeps markup as text and only links to http(s)', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(parseInline('[site](https://acme.example/a) [bad](javascript:alert(1))')).toEqual([
      { kind: 'link', text: 'site', href: 'https://acme.example/a' },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: '[bad](javascript:alert(1)' },
      { kind: 'text', text: ')' },
    ]);
    expect(parseInline('*em* and `code`')).toEqual([{ kind: 'em', text: 'em' }, { kind: 'text', text: ' and ' }, { kind: 'code', text: 'code' }]);
  });
});
