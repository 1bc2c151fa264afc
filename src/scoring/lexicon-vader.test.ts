import { describe, expect, it } from 'vitest';
import { englishBases } from './inflection.js';
import { loadVaderLexicon, parseVaderLexicon } from './lexicon-vader.js';

describe('parseVaderLexicon', () => {
  const sample = [
    'good\t1.9\t0.9434\t[2, 1, 2, 3, 2, 4, 2, 1, 1, 1]',
    'Gr8\t2.7\t0.64031\t[3, 3, 3, 2, 3, 3, 2, 3, 1, 4]',
    'fed up\t-1.8\t1.249\t[-2, -2, -3, -4, -2, -2, -1, -2, -1, 1]',
    "can't stand\t-2.0\t0.63246\t[-2, -2, -2, -1, -1, -2, -3, -2, -2, -3]",
    'cover-up\t-1.2\t0.87178\t[-1, -1, -2, 0, -1, -3, -1, -1, -1, -1]',
    ':-(\t-1.5\t0.5\t[-2, -1, -1, -1, -2, -2, -2, -1, -2, -1]',
    '</3\t-3.0\t1.34164\t[-3, -2, -2, -1, -2, -5, -4, -4, -4, -3]',
    'not-a-number\tx\t0\t[]',
    '',
  ].join('\n');
  const lexicon = parseVaderLexicon(sample);

  it.each([
    ['words', 'good', 1.9],
    ['words', 'gr8', 2.7],
    ['phrases', 'fed up', -1.8],
    ['phrases', "can't stand", -2],
    ['phrases', 'cover up', -1.2],
    ['emoticons', ':-(', -1.5],
    ['emoticons', '</3', -3],
  ] as const)('%s has %s = %d', (table, key, value) => {
    expect(lexicon[table].get(key)).toBe(value);
  });

  it('skips lines without a numeric rating', () => {
    expect([...lexicon.words.keys(), ...lexicon.phrases.keys(), ...lexicon.emoticons.keys()]).not.toContain('not-a-number');
  });
});

describe('the packaged VADER lexicon', () => {
  it('loads the 7,500 human-rated entries shipped with vader-sentiment', () => {
    const lexicon = loadVaderLexicon();
    expect(lexicon.words.size + lexicon.phrases.size + lexicon.emoticons.size).toBeGreaterThan(7_400);
    expect(lexicon.words.get('good')).toBeGreaterThan(0);
    expect(lexicon.words.get('horrible')).toBeLessThan(0);
    expect(lexicon.emoticons.get(':)')).toBeGreaterThan(0);
  });
});

describe('englishBases: inflections only', () => {
  it.each([
    ['nicest', 'nice'], ['happier', 'happy'], ['coolest', 'cool'], ['friends', 'friend'], ['worries', 'worry'],
    ['bigger', 'big'], ['wishes', 'wish'],
  ])('%s falls back on %s', (word, base) => {
    expect(englishBases(word)).toContain(base);
  });

  it.each([
    ['killing', 'kill'], ['awfully', 'awful'], ['chilling', 'chill'], ['liked', 'like'],
  ])('%s does not fall back on %s (a participle or adverb can change the sense)', (word, base) => {
    expect(englishBases(word)).not.toContain(base);
  });
});
