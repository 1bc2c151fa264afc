// Words that change the valence of their neighbours: negations, intensifiers and diminishers
// ("boosters"), contrast markers. Constants are VADER's published ones (Hutto & Gilbert, 2014).
import { fold } from './fold.js';
import type { Lang } from './language.js';

/** Added to (or taken from) a sentiment word's magnitude by an intensifier or a diminisher. */
export const BOOST = 0.293;
/** Multiplier applied to a negated sentiment word: "not good" is milder than "bad". */
export const NEGATION_SCALAR = -0.74;

export interface Modifiers {
  /** Negate the next sentiment words (up to 3 tokens ahead, within the clause). */
  negators: ReadonlySet<string>;
  /** Negate the word just before them when no "ne" is written: "j'aime pas", "ça marche plus". */
  postNegators: ReadonlySet<string>;
  /** Intensifier (+BOOST) or diminisher (−BOOST) of the next sentiment word; keys may be two words. */
  boosters: ReadonlyMap<string, number>;
  /** Intensifiers written after the word: "relou grave", "stylé de ouf", "cute af". */
  postBoosters: ReadonlyMap<string, number>;
  /** "but", "mais": the clause after weighs more than the clause before. */
  contrast: ReadonlySet<string>;
  /** "although", "bien que": at the head of a clause, that clause is the concession and weighs less. */
  concession: ReadonlySet<string>;
}

const set = (text: string): Set<string> => new Set(text.trim().split(/\s+/).filter(Boolean).map((w) => fold(w.replace(/_/g, ' '))));
const scalars = (up: string, down: string): Map<string, number> => {
  const map = new Map<string, number>();
  for (const w of set(up)) map.set(w, BOOST);
  for (const w of set(down)) map.set(w, -BOOST);
  return map;
};

const EN_NEGATORS = `not no never none nobody nothing neither nor nowhere cannot without aint ain't isnt isn't arent aren't
wasnt wasn't werent weren't dont don't doesnt doesn't didnt didn't cant can't couldnt couldn't wont won't wouldnt wouldn't
shouldnt shouldn't hasnt hasn't havent haven't hadnt hadn't mustnt mustn't neednt needn't rarely seldom despite`;
const FR_NEGATORS = `ne n' pas pa jamais jms rien aucun aucune aucuns sans ni non nan guere`;
const FR_POST_NEGATORS = `pas pa jamais jms rien guere`;

const EN_BOOST_UP = `absolutely amazingly awfully completely considerably decidedly deeply effing enormously entirely especially
exceptionally extremely fabulously flipping flippin fricking frickin frigging friggin fully fucking fuckin greatly hella highly
hugely incredibly intensely majorly freaking freakin more most particularly purely quite really remarkably so substantially thoroughly totally
tremendously uber unbelievably unusually utterly very super such too pretty real totes`;
/** The English intensifiers Pilotfish adds to VADER's list (a switch of the cross-validation). */
export const EN_EXTRA_BOOSTERS: ReadonlySet<string> = new Set(['super', 'such', 'too', 'pretty', 'real', 'totes']);
const EN_BOOST_DOWN = `almost barely hardly just_enough kind_of kinda kindof less little marginally occasionally partly scarcely
slightly somewhat sort_of sorta sortof a_bit a_little fairly`;
const FR_BOOST_UP = `tres trop vraiment vrmt vraiement super hyper ultra mega archi tellement tant si vachement carrement
completement totalement absolument extremement franchement profondement particulierement terriblement enormement sacrement
incroyablement grave bien fort vachment`;
const FR_BOOST_DOWN = `peu un_peu assez plutot moyennement legerement presque quasi quasiment relativement un_brin quelque_peu
a_peine`;
const EN_POST_BOOST = `af asf`;
const FR_POST_BOOST = `grave de_ouf de_fou a_mort a_fond`;

const EN_CONTRAST = `but however yet`;
const FR_CONTRAST = `mais cependant pourtant toutefois neanmoins par_contre en_revanche sauf_que`;
// "Although the food was good, the service was awful": the mirror image of "but". Treating "although"
// like "but" would weigh the concession more than the main clause.
const EN_CONCESSION = `although though even_though even_if`;
const FR_CONCESSION = `bien_que quoique quoiqu' meme_si`;

function build(lang: Lang): Modifiers {
  const fr = lang !== 'en';
  // "but" is a French noun (un but = a goal) and "so", "pretty" are not French modifiers: in French
  // texts only the English modifiers that cannot be French words are kept.
  const enInFrench = (w: string): boolean => !['but', 'so', 'pretty', 'more', 'most', 'real', 'such', 'little', 'less', 'yet', 'though', 'none'].includes(w);
  const union = <T>(frItems: Iterable<T>, enItems: Iterable<T>, key: (x: T) => string): T[] => [
    ...(fr ? [...frItems] : []),
    ...[...enItems].filter((x) => lang !== 'fr' || enInFrench(key(x))),
  ];
  const id = (w: string): string => w;
  return {
    negators: new Set(union(set(FR_NEGATORS), set(EN_NEGATORS), id)),
    postNegators: fr ? set(FR_POST_NEGATORS) : new Set(),
    boosters: new Map(union(scalars(FR_BOOST_UP, FR_BOOST_DOWN), scalars(EN_BOOST_UP, EN_BOOST_DOWN), ([w]) => w)),
    postBoosters: new Map(union(scalars(FR_POST_BOOST, ''), scalars(EN_POST_BOOST, ''), ([w]) => w)),
    contrast: new Set(union(set(FR_CONTRAST), set(EN_CONTRAST), id)),
    concession: new Set(union(set(FR_CONCESSION), set(EN_CONCESSION), id)),
  };
}

const byLang: Record<Lang, Modifiers> = { fr: build('fr'), en: build('en'), other: build('other') };
let vaderBoostersEn: Modifiers | undefined;

/** The modifiers of a language; `vaderBoosters` drops our English intensifiers beyond VADER's list. */
export function modifiersFor(lang: Lang, vaderBoosters = false): Modifiers {
  if (!vaderBoosters || lang !== 'en') return byLang[lang];
  vaderBoostersEn ??= { ...byLang.en, boosters: new Map([...byLang.en.boosters].filter(([w]) => !EN_EXTRA_BOOSTERS.has(w))) };
  return vaderBoostersEn;
}

/** True for English contractions ending in n't that are not in the list ("mightn't", "shan't"). */
export function isContractedNegation(norm: string): boolean {
  return norm.endsWith("n't");
}
