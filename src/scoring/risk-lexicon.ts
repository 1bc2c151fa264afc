// Default crisis lexicon, French and English, weights 1..5 (5: a crisis on its own; 1: worth noting).
// Matching is on folded, stemmed words, so one form per term is enough ("grève" also finds "grèves",
// "greve"); phrases match word by word. Watchlists add their own terms on top.
import type { RiskTerm } from './risk.js';

const TERMS = `
5: fuite de données | vol de données | piratage | cyberattaque | rançongiciel | intoxication | intoxication alimentaire
5: rappel produit | rappel de produits | rappel conso | scandale sanitaire | harcèlement sexuel | accident mortel | explosion
5: data breach | cyberattack | ransomware | product recall | food poisoning | sexual harassment | fatal accident
4: boycott | boycotter | scandale | grève | plainte | porter plainte | procès | arnaque | escroquerie | fraude
4: licenciement | plan social | discrimination | harcèlement | racisme | sexisme | agression | piraté | panne générale
4: contamination | faillite | redressement judiciaire | corruption | évasion fiscale | mise en examen | bad buzz
4: action collective | action de groupe | class action | défectueux | incendie | décès | empoisonnement
4: breach | leak | leaked | hack | hacked | recall | poisoning | lawsuit | sued | boycott | scandal | layoffs | laid off
4: fraud | scam | discrimination | racism | sexism | harassment | bankruptcy | corruption | bribery | tax evasion
3: panne | fuite | pollution | toxique | danger | dangereux | enquête | condamné | amende | sanction | démission
3: polémique | indignation | greenwashing | blessé | victime | dysfonctionnement | arnaqué | insalubre
3: outage | strike | walkout | toxic | unsafe | defective | faulty | investigation | fined | resignation | backlash
3: outrage | injured | death | died | crash | ripoff | rip-off | complaint | misleading | lawsuit filed
2: mort | rappel | colère | honte | manifestation | bug | indisponible | hors service | remboursement | retard | annulation | cnil
2: protest | angry | shame | refund | delay | cancelled | canceled | not working | complain | fire
`;

function parseTerms(text: string): RiskTerm[] {
  const weights = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const weight = Number(line.slice(0, colon));
    for (const term of line.slice(colon + 1).split('|').map((t) => t.trim()).filter(Boolean)) {
      weights.set(term, Math.max(weight, weights.get(term) ?? 0));
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

export const DEFAULT_RISK_LEXICON: RiskTerm[] = parseTerms(TERMS);
