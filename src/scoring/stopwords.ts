// Function words, folded. Two uses: stop words removed from `Score.terms`, and evidence for the
// language detector (function words are the most reliable clue in a 10-word tweet). Written for this
// project from general knowledge of each language; the non-French, non-English lists exist only so that
// Spanish, Italian, German, Portuguese and Dutch texts are recognised as "other".

const FR = `
a à ai aie ait alors au aucun aucune aupres auquel aussi autre autres aux avais avait avant avec avez avoir avons
ayant c c' ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez comme comment d d' dans de
des donc dont du elle elles en encore es est et etaient etait etant ete etre eu eux fait faire fais font fut ici il
ils j j' je jusqu jusqu' l l' la le les leur leurs lors lorsqu' lui m m' ma mais me meme memes mes moi mon n n' ne ni
nos notre nous on ont ou par parce pas peu peut plus pour pourquoi qu qu' quand que quel quelle quelles quels qui
quoi s s' sa sans se sera seront ses si sien son sont sous suis sur t t' ta te tes toi ton tous tout toute toutes
tres tu un une unes uns vers voici voila vos votre vous y deja aujourd'hui ils elles cest jai jsuis chui ya
ai as avons avez aura auras aurons aurez auront aurait auraient avait avaient eu ete sera seras serons serez
seront serait seraient etais etait etions etaient soit soient sois fut furent va vais vas allons allez vont fait faut
`;

const EN = `
a about above after again against all am an and any are aren't as at be because been before being below between both
but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's
i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on
once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some
such than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
this those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
your yours yourself yourselves im ive dont cant its just will get got im u ur gonna wanna
`;

// Short lists for the languages we only need to tell apart from French and English.
const OTHER: Record<string, string> = {
  es: 'el la los las de del y en que es por con para una un no se lo su al como mas pero sus le ya o este si porque esta entre cuando muy sin sobre tambien hasta hay donde quien desde todo nos durante estoy tengo',
  it: 'il lo la gli le di del della che e un una per non sono con mi si ma come anche questo ho ha io tu lui noi voi loro nel nella alla sul piu molto ancora sempre gia perche cosa',
  de: 'der die das und ist nicht ein eine ich du er sie wir ihr mit auf fur von zu den dem des im auch sich aber wie noch nach bei aus wenn nur oder kann mehr sehr schon hier jetzt',
  pt: 'o a os as de do da dos das e em um uma que nao com para por se mais mas como ao foi ele ela eu voce isso esta tem muito ja quando tambem nos pelo pela sao estou',
  nl: 'de het een en van ik te dat die in is niet op zijn met voor maar ook als wat er aan om door bij naar dan nog wel geen heb jij hij zij wij ze mijn',
};

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const FRENCH_STOP_WORDS: ReadonlySet<string> = new Set(words(FR));
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(words(EN));

/** A word that carries no topic in either language (used to build `Score.terms`). */
export function isStopWord(folded: string): boolean {
  return FRENCH_STOP_WORDS.has(folded) || ENGLISH_STOP_WORDS.has(folded);
}

export type LanguageCode = 'fr' | 'en' | 'es' | 'it' | 'de' | 'pt' | 'nl';
export const LANGUAGE_CODES: readonly LanguageCode[] = ['fr', 'en', 'es', 'it', 'de', 'pt', 'nl'];

/**
 * word → weight per language: 1 / (number of languages that share the word), so "the" is strong
 * evidence for English while "de" is split between French, Spanish, Portuguese and Dutch.
 */
export const FUNCTION_WORD_EVIDENCE: ReadonlyMap<string, ReadonlyArray<[LanguageCode, number]>> = (() => {
  const byWord = new Map<string, LanguageCode[]>();
  const add = (lang: LanguageCode, list: string[]): void => {
    for (const w of list) {
      const langs = byWord.get(w) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      byWord.set(w, langs);
    }
  };
  // Single letters and elisions are weak cues; keep the ones that are unmistakable.
  add('fr', words(FR).filter((w) => w.length > 1 || w === 'a' || w === 'y'));
  add('en', words(EN));
  for (const [lang, list] of Object.entries(OTHER)) add(lang as LanguageCode, words(list));
  const evidence = new Map<string, Array<[LanguageCode, number]>>();
  for (const [w, langs] of byWord) evidence.set(w, langs.map((l) => [l, 1 / langs.length]));
  return evidence;
})();
