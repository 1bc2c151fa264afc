import { describe, expect, it } from 'vitest';
import { cleanInput, cleanText } from './text.js';

describe('cleanText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\u0000b', 'ab'],
    ['x\ud800y', 'x\uFFFDy'],
    ['x\udc00', 'x\uFFFD'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
    ['\u202Ertl mark kept', '\u202Ertl mark kept'],
  ])('%j → %j', (input, expected) => expect(cleanText(input)).toBe(expected));
});

describe('cleanInput', () => {
  it('cleans nested strings and keys in place', () => {
    const body = { name: 'a\u0000', tags: ['\ud800'], deep: { 'k\u0000': 'v' } };
    expect(cleanInput(body)).toEqual({ value: { name: 'a', tags: ['\uFFFD'], deep: { k: 'v' } } });
  });
  it('names the field where nesting goes too deep', () => {
    let config: unknown = 1;
    for (let i = 0; i < 5000; i++) config = { a: config };
    const result = cleanInput({ config }, { maxDepth: 32 });
    expect('tooDeep' in result && result.tooDeep.field.startsWith('config.a.a')).toBe(true);
  });
  it('leaves skipped subtrees alone', () => {
    const body = { mentions: [{ text: 'a\u0000' }] };
    cleanInput(body, { skip: (p) => /^mentions\[\d+\]$/.test(p) });
    expect(body.mentions[0]!.text).toBe('a\u0000');
  });
});
