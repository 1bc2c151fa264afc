// VADER's heuristics (Hutto & Gilbert, 2014) as Pilotfish applies them, and the rules added on top.
import { describe, expect, it } from 'vitest';
import { scoreText } from './index.js';

const score = (text: string, lang: 'fr' | 'en') => scoreText(text, { lang }).sentiment;
const label = (text: string, lang: 'fr' | 'en') => scoreText(text, { lang }).label;

describe('the negation window skips one-letter words, as VADER does', () => {
  it.each([
    ["It wouldn't be a bad idea", 'positive'],
    ["I don't think it's a good idea", 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });
});

describe('each English negation multiplies by −0.74; French negations agree (negative concord)', () => {
  it('two English negations cancel out', () => {
    expect(score('never good', 'en')).toBeLessThan(0);
    expect(score('not never good', 'en')).toBeGreaterThan(0);
  });

  it.each(['sans aucun problème', 'jamais aucun problème'])('"%s" negates "problème" once', (text) => {
    expect(score('un problème', 'fr')).toBeLessThan(0);
    expect(score(text, 'fr')).toBeGreaterThan(0);
  });

  it('a negation word is not negated by another one ("no no no")', () => {
    expect(label('no no no', 'en')).toBe('negative');
  });
});

describe('"never so / never this" compares instead of negating', () => {
  it.each([
    ['I have never been so happy', 'positive'],
    ['never so good', 'positive'],
    ["I haven't been this happy in years", 'positive'],
    ["I've never been this tired", 'negative'],
    // Controls: without "so"/"this", or with another negation than never / "n't been", it negates.
    ['I was never happy', 'negative'],
    ['not so good', 'negative'],
    ["I don't feel so good", 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });

  it('is stronger than the plain word', () => {
    expect(score('never so good', 'en')).toBeGreaterThan(score('good', 'en'));
  });
});

describe('"least" negates, except in "at least"', () => {
  it.each([
    ['the least helpful answer', 'negative'],
    ['at least the staff was friendly', 'positive'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });
});

describe("VADER's idioms override their words", () => {
  it.each([
    ['this party is the bomb', 'positive'],
    ['this phone is the shit', 'positive'],
    ['yeah right', 'negative'],
    ['the kiss of death for the brand', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });
});

describe('a concession ("although", "bien que", "même si") weighs less than the main clause', () => {
  it.each([
    ['Although the food was good, the service was awful', 'en', 'negative'],
    ['The service was awful, although the food was good', 'en', 'negative'],
    ['Although the service was slow, the food was amazing', 'en', 'positive'],
    ['Bien que le service soit nul, le repas était excellent', 'fr', 'positive'],
    ['Le service était nul, même si le repas était excellent', 'fr', 'negative'],
  ] as const)('%s → %s', (text, lang, expected) => {
    expect(label(text, lang)).toBe(expected);
  });

  it('a trailing "though" is not a concession and does not override "but"', () => {
    expect(label('Great battery though', 'en')).toBe('positive');
    expect(label('The trailer looks scary but fun though', 'en')).toBe('positive');
  });
});

describe('hashtags: opinions count, topics do not', () => {
  it.each([
    ['Called #SamsungCare today', 'neutral'],
    ['New phone #LoveIt', 'positive'],
    ['Nouvelle offre #EpicFail', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });

  it('the same words written out do count', () => {
    expect(label('Called Samsung care today', 'en')).toBe('positive');
  });
});

describe('escaped social text', () => {
  it('reads "&lt;3" as a heart', () => {
    expect(label('New phone &lt;3', 'en')).toBe('positive');
  });
});
