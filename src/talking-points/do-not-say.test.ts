import { describe, expect, it } from 'vitest';
import { createDoNotSayChecker } from './do-not-say.js';

const checker = createDoNotSayChecker(['sans commentaire', 'no comment', 'rumeur*', 'confidentiel', "faute de l'employé", "employee's fault"]);
const phrasesIn = (text: string) => checker.check([{ field: 'body', text }]).map((m) => m.phrase);

describe('do-not-say matching', () => {
  it.each<[string, string[]]>([
    ['Sans commentaire pour le moment.', ['sans commentaire']],
    ['SANS COMMENTAIRE', ['sans commentaire']],
    ['sans\ncommentaire', ['sans commentaire']],
    ['No-comment from us', ['no comment']],
    ['Ce document est CONFIDENTIEL', ['confidentiel']],
    ['Document confidentièl', ['confidentiel']],
    ['C’est la faute de l’employe', ["faute de l'employé"]],
    ["It was the employee's fault", ["employee's fault"]],
    ['Les rumeurs circulent', ['rumeur*']],
    ['Une rumeur', ['rumeur*']],
    // Whole words only: a longer word that merely contains a phrase is fine.
    ['Nos données sont confidentielles', []],
    ['no commentary', []],
    ['We have a comment: no.', []],
    ['Tout va bien', []],
  ])('%j → %j', (text, expected) => {
    expect(phrasesIn(text)).toEqual(expected);
  });

  it('names the field of each match and reports a phrase once per field', () => {
    const matches = checker.check([
      { field: 'title', text: 'No comment' },
      { field: 'body', text: 'no comment, really no comment; rumeur' },
      { field: 'suggested_posts[0].text', text: 'All fine' },
    ]);
    expect(matches).toEqual([
      { phrase: 'no comment', field: 'title' },
      { phrase: 'no comment', field: 'body' },
      { phrase: 'rumeur*', field: 'body' },
    ]);
  });

  it('ignores empty phrases in the configuration', () => {
    expect(createDoNotSayChecker(['  ', '*', 'ok']).check([{ field: 'body', text: 'ok then' }])).toEqual([{ phrase: 'ok', field: 'body' }]);
  });
});
