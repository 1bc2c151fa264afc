// French valence lexicon. natural's French lexicon (pattern-sentiment-fr, 5,000 adjectives with a
// polarity in −1..1) is the base; it covers adjectives only and rates some descriptive ones as if they
// were opinions. The lists below, written for this project from general knowledge of French, add the
// nouns, verbs, interjections and social-network slang that carry sentiment in tweets, and take
// precedence over natural's values. Scale as in lexicon-en.ts (VADER-like, about −4..4).
import { createRequire } from 'node:module';
import { fold } from './fold.js';
import { parseLexicon, type ParsedLexicon } from './lexicon-parse.js';

interface PatternEntry { polarity: string; subjectivity: string; pos: string }

const require = createRequire(import.meta.url);
/** pattern's −1..1 mapped onto −4..4. */
const PATTERN_SCALE = 4;
/** Below this |polarity| natural's entries are mostly noise (factual adjectives rated 0.05). */
const PATTERN_MIN_POLARITY = 0.1;
/**
 * pattern rates each adjective's subjectivity too; below 0.5 the adjective mostly describes
 * ("naturel", "pratique", "ouvert", "nécessaire") and its polarity is not an opinion.
 */
const PATTERN_MIN_SUBJECTIVITY = 0.5;
/** "recherché" (sought-after) folds to "recherche" (research): participles only match with their accent. */
const ACCENTED_PARTICIPLE = /é(?:e|s|es)?$/;

// Descriptive adjectives that natural's lexicon rates but that describe rather than judge.
const DESCRIPTIVE = `
0: grand grande grands grandes petit petite petits petites nouveau nouvelle nouveaux nouvelles nouvel dernier derniere
0: derniers dernieres premier premiere premiers premieres seul seule seuls seules vieux vieille vieilles jeune jeunes
0: long longue longs longues court courte haut haute bas basse gros grosse plein pleine vrai vraie certain certaine
0: certains certaines simple simples different differente differents meme general generale national nationale public
0: publique politique politiques social sociale sociaux economique economiques climatique climatiques francais francaise
0: europeen europeenne mondial mondiale international internationale energetique ecologique ecologiques vert verte verts
0: durable durables naturel naturelle nucleaire solaire humain humaine humains local locale possible prochain prochaine
0: ancien ancienne actuel actuelle principal principale particulier particuliere special speciale entier entiere large
0: important importante importants importantes fort forte forts fortes enorme dur dure noir noire blanc blanche rouge
0: plus moins tout toute tous toutes autre autres propre propres seulement bien_sur bien_entendu sans_doute quand_meme
0: pas_mal_de tant_bien_que_mal eh_bien ou_bien bien_que si_bien_que mal_de en_fait de_toute_facon n'importe
0: fait faits mort_de_faim
`;

const POSITIVE = `
4.0: merveilleux merveilleuse merveilleuses exceptionnel exceptionnelle exceptionnels extraordinaire extraordinaires
3.5: genial geniale geniaux geniales magnifique magnifiques excellent excellente excellents excellentes parfait parfaite
3.5: parfaits parfaites fantastique fantastiques sublime sublimes formidable formidables splendide splendides superbe superbes
3.5: adore adorer adores adorons adorent adoree adorees bonheur chef-d'oeuvre hallucinant epoustouflant grandiose
3.0: bravo bravos felicitations felicitation felicite felicitons heureux heureuse heureuses ravi ravie ravis ravies
3.0: amour amoureux amoureuse joie joyeux joyeuse ptdr xptdr mdrr stylee chanme kiffe kiffer kiffes
3.0: kiffent kiffe kiffee kif brillant brillante brillants impressionnant impressionnante incroyablement_bien
3.0: meilleur meilleure meilleurs meilleures love lovee jadore
2.5: top au_top
2.5: super aime aimer aimons aiment aime aimee aimes merci mercii merciii cimer content contente contents contentes
2.5: beau belle beaux belles bon bonne bons bonnes plaisir passionnant passionnante hilarant hilarante succes reussite
2.5: reussi reussie reussis victoire gagne gagne gagnee bonne_nouvelle bonnes_nouvelles coup_de_coeur bon_courage
2.5: youpi hourra yes yess ouah waouh wahou woaw wow enthousiaste emerveille emerveillee fier fiere fiers fieres
2.0: mdr lol haha hahaha hihi hehe sympa sympas sympathique gentil gentille gentils gentilles agreable agreables joli
2.0: jolie jolis jolies mignon mignonne mignons chouette cool nice perf marrant marrante drole droles rigolo rigolote
2.0: bisous bisou bises calin calins gg bg classe talent talentueux talentueuse espoir vive vivement hate ameliore
2.0: progres solidarite paix sauver sauve sauve emouvant emouvante touchant touchante efficace efficaces bien_joue
2.0: recommande recommandee plait kiff tranquille serein sereine soulage soulagee soulagement confiance
1.5: bien mieux interessant interessante interessants utile utiles facile soutien soutenir soutient protege proteger
1.5: aide aider solution solutions avancee innovant innovante chapeau respect gratuit gratuite sain saine fete vacances
1.5: tant_mieux ouf heureusement espere esperons apprecie apprecier apprecies ok okay daccord d'accord nickel impec
1.5: sauvegarde pratique vivre bienvenue bienvenu accueil sourire sourires rire rires
1.0: calme clair juste positif positive optimiste sure securite liberte libre
`;

const NEGATIVE = `
-4.0: atroce atroces abominable abominables immonde immondes ignoble ignobles infame infames a_chier epouvantable
-3.5: horrible horribles affreux affreuse affreuses catastrophique catastrophiques desastreux desastreuse lamentable
-3.5: lamentables pathetique pathetiques minable minables merdique merdiques degueulasse degueulasses degueu degeu
-3.5: deteste detester detestes detestent hais haine honteux honteuse scandaleux scandaleuse inadmissible inacceptable
-3.5: intolerable insupportable insupportables revoltant revoltante ecoeurant ecoeurante tragedie attentat attentats
-3.0: nul nulle nuls nulles pire pires merde merdes chier fait_chier pourri pourrie pourris pourries naze nazes nase
-3.0: catastrophe catastrophes desastre desastres honte scandale scandales arnaque arnaques arnaqueur escroc escroquerie
-3.0: fraude corruption corrompu corrompus trahison trahi trahie degoute degoutee degoutes degout ecoeure ecoeuree
-3.0: furieux furieuse colere rage enrage tragique drame drames guerre massacre violence violences viol tuer tue
-3.0: tues tuent tue tuee tueur meurtre con conne cons connard connards connasse connerie conneries debile debiles
-3.0: stupide stupides idiot idiote idiots abruti abrutis cretin cretins imbecile imbeciles j'en_ai_marre en_ai_marre
-3.0: ras_le_bol ras-le-bol raz-le-bol marre seum la_hess galere galeres galerer mepris meprisant meprisante
-2.5: triste tristes tristesse malheureux malheureuse decu decue decus decues deception deceptions decevant decevante
-2.5: mort morts mourir meurt meurent deces victime victimes souffrance souffrir souffre douleur douleurs crise crises
-2.5: danger dangers dangereux dangereuse dangereuses menace menaces menace menacent toxique toxiques poison destruction
-2.5: detruire detruit detruite detruits devaste devastee devastateur devastatrice ravage ravages famine echec echecs
-2.5: faillite misere injustice injuste injustes mensonge mensonges menteur menteurs menteuse agression attaque attaques
-2.5: pollution pollutions pollue polluee pollues polluer contamination contamine contaminee abuse abus hypocrite
-2.5: hypocrisie ridicule ridicules chiant chiante chiants chiantes relou relous saoule saoulant gave gavee deprime
-2.5: deprimee deprimant deprimante angoisse angoissant angoissante inquietant inquietante alarmant alarmante grave
-2.5: choquant choquante choque choquee irresponsable irresponsables incompetent incompetents incompetence indigne
-2.5: beurk berk dommage_que mauvais mauvaise mauvaises mal_fait deplorable regrettable epidemie cancer
-2.0: peur peurs effrayant effrayante enerve enervee enervant enervante enerver agace agacee agacant agacante
-2.0: probleme problemes penurie maladie maladies malade malades pauvrete chomage licenciement
-2.0: licenciements licencie perte pertes perdu perdue perdus defaite conflit conflits bombe bombes inondation
-2.0: inondations secheresse gaspillage gaspiller inutile inutiles absurde absurdes bete betes
-2.0: fatigue fatiguee fatigues creve crevee stress stresse stressee mal inegalite inegalites manque manquer rate ratee
-2.0: rates abandon abandonne abandonnee ennuyeux ennuyeuse ennui tristement malheureusement helas dommage bof
-2.0: panne pannes bug bugs plantage retard retards annule annulee annulation greve greves plainte plaintes voleur
-2.0: voleurs voler vole polemique chelou genant genante malaise pleurer pleure pleurs larmes souci soucis inquiet
-2.0: inquiete inquietude regret regrets regrette insulte insultes critique critiques condamne condamnee blesse blessee
-2.0: blesses ouin snif sniff pff pfff pffff rhaa argh grr bouh trop_cher hausse_des_prix
-1.5: risque risques bizarre moyen moyenne lent lente lourd lourde difficile difficiles dur_dur complique compliquee
-1.5: desole desolee desoles doute doutes faible faibles oublie oubliee neglige negligee dependance reproche
-1.0: attention alerte sans_plus cher chere chers cheres vol vole
-1.5: pas_terrible
`;

export interface FrenchLexicon extends ParsedLexicon {
  /** Lower-case words with their accents, for entries that only match when written with them. */
  accented: Map<string, number>;
}

// Connotation of everyday and news vocabulary (economy, society, environment, health, work): words
// that are not opinions in themselves but that people use to report good or bad news.
const CONNOTATION = `
2.5: enthousiasme enthousiasmant enthousiasmante prometteur prometteuse prometteurs encourageant encourageante
2.5: encourageants formidablement phenomenal phenomenale tuerie pepite merveille merveilles chef-d'oeuvre prosperite
2.0: innovation innovations novateur novatrice novateurs novatrices inauguration inaugure inaugurer inaugurent inauguree
2.0: opportunite opportunites reussir reussissent reussit progresse progressent amelioration ameliorations ameliorer
2.0: ameliore amelioree ameliorent benefique benefiques beneficier beneficie profite profiter favoriser favorise
2.0: encourager encourage encouragent feliciter saluer salue saluent applaudir applaudit applaudissements celebrer
2.0: celebre celebrent fete feter engagement engagements engage engagee s'engage s'engagent dignite fierte espoirs
2.0: rassure rassurant rassurante rassurer feu_vert vaut_le_coup coup_de_pouce bonne_idee bonne_initiative belle_initiative
2.0: gagnant gagnants gagnante record records exploit exploits prouesse triomphe triomphal accueillant chaleureux
2.0: chaleureuse creation creations croissance essor opportun efficacite performant performante
1.5: lance lancent lancement lancer developper developpe soutenu soutenue soutiennent partenariat partenariats
1.5: initiative initiatives projet_pilote nouveaute nouveautes premiere_mondiale economie_d'energie economies_d'energie
1.5: proteger protege protegee protection preserver preserve preservation sauvegarder restaurer restauration
1.5: contribuer contribue contribution ensemble partage partager entraide cooperation collaboratif collaborative
1.5: accessible accessibles abordable abordables saines sains
1.5: optimiste optimistes motivation motive motivee inspirant inspirante inspire inspiree creatif creative
1.5: decouverte decouvrir etonnant etonnante surprenant surprenante surprise unique adapte adaptee valoriser
-2.5: effondrement effondre effondrent fiasco naufrage scandaleusement desastreusement degradation degrader degrade
-2.5: pollue polluees polluent deverse deversement maree_noire deforestation extinction disparition disparaitre
-2.0: recul recule reculent chute chutent baisse_des effondre declin fermeture fermetures suppression suppressions
-2.0: denonce denoncer denoncent critique critiquer critiquent accuse accuser accusent condamner polemiques
-2.0: bloque bloquer bloquent refuse refuser refusent rejette rejeter menacer menacant menacante alerter alarme
-2.0: dechets dechet gaspille fuite fuites nocif nocive nocifs nocives dangerosite risques_sanitaires
-2.0: inquiete inquieter inquietent preoccupant preoccupante preoccupation manifestation manifestations colere_des
-2.0: echouer echoue echouent perdre perdent manquent manque_de retarde report reporte interdit interdiction
-2.0: enfumage mascarade tromperie trompe tromper mensonger mensongere greenwashing lobby lobbies propagande
-1.5: hausse_des_prix hausse_des_impots taxe taxes ecotaxe impot impots couteux couteuse couteuses cout_eleve
-1.5: contre opposition opposant opposants opposes opposee controverse controversee conteste contester
-1.5: difficulte difficultes obstacle obstacles frein freiner freine retard_de incertitude incertain incertaine
-1.5: tension tensions conflictuel clash bataille fragile fragiles vulnerable vulnerables
`;

function addPatternLexicon(into: FrenchLexicon): void {
  const pattern = require('natural/lib/natural/sentiment/French/pattern-sentiment-fr.json') as Record<string, PatternEntry>;
  for (const [word, entry] of Object.entries(pattern)) {
    const polarity = Number(entry.polarity);
    const subjectivity = Number(entry.subjectivity);
    if (!Number.isFinite(polarity) || Math.abs(polarity) < PATTERN_MIN_POLARITY || word.includes(' ')) continue;
    if (!(subjectivity >= PATTERN_MIN_SUBJECTIVITY)) continue;
    const lower = word.toLowerCase();
    into.accented.set(lower, polarity * PATTERN_SCALE);
    if (!ACCENTED_PARTICIPLE.test(lower)) into.words.set(fold(word), polarity * PATTERN_SCALE);
  }
}

/**
 * Later blocks win: natural's values, then descriptive words set to 0 (kept, so that no fallback
 * gives them a valence), then our own entries.
 */
export function buildFrenchLexicon(): FrenchLexicon {
  const lexicon: FrenchLexicon = { words: new Map(), phrases: new Map(), accented: new Map() };
  addPatternLexicon(lexicon);
  const own: ParsedLexicon = { words: new Map(), phrases: new Map() };
  for (const block of [DESCRIPTIVE, CONNOTATION, POSITIVE, NEGATIVE]) parseLexicon(block, own);
  // Our entries are folded; they override natural's, accented spellings included ("déçu" and "decu").
  for (const word of lexicon.accented.keys()) if (own.words.has(fold(word))) lexicon.accented.delete(word);
  for (const [word, value] of own.words) lexicon.words.set(word, value);
  for (const [phrase, value] of own.phrases) lexicon.phrases.set(phrase, value);
  return lexicon;
}

/** Words that are neutral by decision (kept so the stem fallback does not give them a valence). */
export function frenchNeutralWords(): Set<string> {
  return new Set(parseLexicon(DESCRIPTIVE).words.keys());
}
