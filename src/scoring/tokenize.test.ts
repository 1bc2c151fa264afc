import { describe, expect, it } from 'vitest';
import { decodeEntities, tokenize } from './tokenize.js';
import { splitHashtag } from './hashtag.js';
import { isKnownWord } from './valence.js';

const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it('splits French elisions and keeps English contractions whole', () => {
    expect(kinds("l'usine n'aime qu'eux")).toEqual(["word:l'", 'word:usine', "word:n'", 'word:aime', "word:qu'", 'word:eux']);
    expect(kinds("don't aujourd'hui")).toEqual(["word:don't", "word:aujourd'hui"]);
  });

  it('recognises URLs, mentions, hashtags, emoji, emoticons and emphasis punctuation', () => {
    expect(kinds('@Orange #Fail https://x.co/a 👍🏽 :-))) ?? !!!')).toEqual([
      'mention:orange', 'hashtag:fail', 'url:https://x.co/a', 'emoji:👍', 'emoticon::)', 'question:?', 'bang:!',
    ]);
  });

  it('folds case and accents and flags capitals and elongation', () => {
    const [t] = tokenize('GÉNIAAAAL');
    expect(t).toMatchObject({ norm: 'geniaaaal', caps: true, elongated: true });
  });
});

describe('HTML character references (Twitter escapes &, < and >)', () => {
  it.each([
    ['&lt;3 it', '<3 it'],
    ['Q&amp;A', 'Q&A'],
    ['a &gt; b', 'a > b'],
    ['&quot;great&quot;', '"great"'],
    ['it&#39;s &#x1F600;', "it's 😀"],
    ['AT&T &unknown; &#0;', 'AT&T &unknown; &#0;'],
  ])('%s → %s', (escaped, plain) => {
    expect(decodeEntities(escaped)).toBe(plain);
  });

  it.each([
    ['don\\u2019t', 'don\u2019t'],
    ['Monday\\u002c we', 'Monday, we'],
    ['C:\\users', 'C:\\users'],
  ])('literal JSON escape %s → %s', (escaped, plain) => {
    expect(decodeEntities(escaped)).toBe(plain);
  });

  it('keeps the negation of a "don\\u2019t" written as a literal escape', () => {
    expect(kinds('I don\\u2019t')).toEqual(['word:i', "word:don't"]);
  });

  it('reads "&lt;3" as a heart and never makes words of "gt" or "amp"', () => {
    expect(kinds('&lt;3 Q&amp;A &gt;')).toEqual(['emoticon:<3', 'word:q', 'word:a']);
  });
});

describe('splitHashtag', () => {
  it.each([
    ['BoycottNike', ['boycott', 'nike']],
    ['JamaisPlus', ['jamais', 'plus']],
    ['jamaisplus', ['jamais', 'plus']],
    ['epicfail', ['epic', 'fail']],
    ['trop_nul', ['trop', 'nul']],
    ['fail', ['fail']],
    ['Illustrator', ['illustrator']],
    ['xyzzyqwerty', ['xyzzyqwerty']],
  ])('%s → %j', (body, pieces) => {
    expect(splitHashtag(body, isKnownWord)).toEqual(pieces);
  });
});
