import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
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
