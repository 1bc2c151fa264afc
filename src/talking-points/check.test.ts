import { describe, expect, it } from 'vitest';
import { checkDraft } from './check.js';
import { createDoNotSayChecker } from './do-not-say.js';

const checker = createDoNotSayChecker(['no comment', 'rumeur*']);

describe('checkDraft', () => {
  it.each([
    { name: 'French text', draft: { title: 'Rappel de trois lots', body: 'Par précaution, nous rappelons trois lots de chargeurs. Aucun blessé n’a été signalé.' }, lang: 'fr' },
    { name: 'English text', draft: { title: 'Recall of three batches', body: 'As a precaution we are recalling three batches of chargers. Nobody was hurt.' }, lang: 'en' },
  ])('detects the language of $name from the text itself', ({ draft, lang }) => {
    expect(checkDraft(checker, draft).lang).toBe(lang);
  });

  it('names each do-not-say phrase with the field it is in, translations and posts included', () => {
    const result = checkDraft(checker, {
      title: 'No comment', body: 'Fine.', variants: { fr: { title: 'Rappel', body: 'Des rumeurs circulent.' } },
      suggested_posts: [{ network: 'x', text: 'no-comment' }],
    });
    expect(result.do_not_say_matches).toEqual([
      { phrase: 'no comment', field: 'title' },
      { phrase: 'rumeur*', field: 'variants.fr.body' },
      { phrase: 'no comment', field: 'suggested_posts[0].text' },
    ]);
  });

  it('accepts an empty draft', () => {
    expect(checkDraft(checker, {})).toEqual({ lang: 'other', do_not_say_matches: [] });
  });
});
