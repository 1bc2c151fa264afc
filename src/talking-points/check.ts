// The editor's live check of text being typed: which do-not-say phrases it contains and which language it
// is written in (the scorer's detector, so the translation offered is the other language of the text, not
// of the author's interface). Advisory: approval runs the same do-not-say check on the stored point.
import { detectLanguage, type Lang } from '../scoring/index.js';
import type { Content } from './content.js';
import { shareableTexts } from './content.js';
import type { DoNotSayChecker, DoNotSayMatch } from './do-not-say.js';

export type DraftText = Partial<Pick<Content, 'title' | 'body' | 'variants' | 'suggested_posts'>>;
export interface DraftCheck { lang: Lang; do_not_say_matches: DoNotSayMatch[] }

export function checkDraft(doNotSay: DoNotSayChecker, draft: DraftText): DraftCheck {
  const title = draft.title ?? '';
  const body = draft.body ?? '';
  const texts = shareableTexts({ title, body, variants: draft.variants ?? {}, suggested_posts: draft.suggested_posts ?? [] });
  return {
    lang: detectLanguage(`${title}\n${body}`),
    do_not_say_matches: doNotSay.check(texts.filter((x) => x.text.trim() !== '')),
  };
}
