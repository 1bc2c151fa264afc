import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_RISK_TERMS, riskScore, scoreAnalyzed, scoreText } from './index.js';

const hits = (text: string, riskTerms?: Array<{ term: string; weight: number }>) =>
  scoreText(text, { riskTerms }).riskHits.map((h) => h.term);

describe('risk terms', () => {
  it.each([
    ['Appel au boycott de la marque', 'boycott'],
    ['Grève générale chez le transporteur', 'grève'],
    ['Les GREVES continuent', 'grève'],
    ['Nouvelle fuite de données chez l\'opérateur', 'fuite de données'],
    ['FUITES DE DONNEES massives', 'fuite de données'],
    ['Rappel produit : fromage contaminé', 'rappel produit'],
    ['Plainte déposée contre la direction', 'plainte'],
    ['Encore une arnaque', 'arnaque'],
    ['Intoxication alimentaire après le repas', 'intoxication alimentaire'],
    ['Vague de licenciements', 'licenciement'],
    ['Harcèlement au travail dénoncé', 'harcèlement'],
    ['Piratage du site', 'piratage'],
    ['Panne générale du réseau', 'panne générale'],
    ['Massive data breach at the bank', 'data breach'],
    ['They filed a class action', 'class action'],
    ['Product recall announced', 'product recall'],
    ['Workers on strike today', 'strike'],
  ])('%s → %s', (text, term) => {
    expect(hits(text)).toContain(term);
  });

  it('finds nothing in an ordinary text', () => {
    expect(hits('Belle journée au bureau, café et croissants')).toEqual([]);
  });

  it('lets a phrase claim its words: "fuite de données" does not also count "fuite"', () => {
    expect(hits('Fuite de données')).toEqual(['fuite de données']);
  });

  it('counts repeated terms', () => {
    const s = scoreText('boycott boycott BOYCOTT');
    expect(s.riskHits).toEqual([{ term: 'boycott', weight: 4, count: 3 }]);
  });

  it('adds a watchlist\'s own terms on top of the default lexicon', () => {
    const extra = [{ term: 'rupture de stock', weight: 3 }, { term: 'Nutella', weight: 1 }];
    expect(hits('Rupture de stock de Nutella, grève chez le fournisseur', extra).sort()).toEqual(['Nutella', 'grève', 'rupture de stock']);
    expect(hits('Rupture de stock de Nutella')).toEqual([]);
  });

  it('ships French and English crisis terms with weights in 1..5', () => {
    const terms = DEFAULT_RISK_TERMS.map((t) => t.term);
    for (const t of ['boycott', 'scandale', 'grève', 'fuite de données', 'rappel produit', 'plainte', 'arnaque', 'intoxication', 'licenciement', 'discrimination', 'harcèlement', 'piratage', 'panne', 'data breach', 'class action']) {
      expect(terms).toContain(t);
    }
    for (const t of DEFAULT_RISK_TERMS) {
      expect(t.weight).toBeGreaterThanOrEqual(1);
      expect(t.weight).toBeLessThanOrEqual(5);
    }
  });
});

describe('risk score', () => {
  it('is 0 for a neutral text without risk terms and stays in [0, 1]', () => {
    expect(scoreText('Réunion mardi à 14h').risk).toBe(0);
    const worst = scoreText('SCANDALE!!! fuite de données, piratage, arnaque, plainte, boycott 😡😡 honteux');
    expect(worst.risk).toBeGreaterThan(0.9);
    expect(worst.risk).toBeLessThanOrEqual(1);
  });

  it('grows with the weight and the number of risk terms', () => {
    expect(riskScore([{ term: 'a', weight: 5, count: 1 }], 0)).toBeGreaterThan(riskScore([{ term: 'a', weight: 2, count: 1 }], 0));
    expect(riskScore([{ term: 'a', weight: 3, count: 3 }], 0)).toBeGreaterThan(riskScore([{ term: 'a', weight: 3, count: 1 }], 0));
    expect(riskScore([{ term: 'a', weight: 3, count: 1 }, { term: 'b', weight: 3, count: 1 }], 0)).toBeGreaterThan(riskScore([{ term: 'a', weight: 3, count: 1 }], 0));
  });

  it('is higher when the text is negative, lower when it is positive', () => {
    const hit = [{ term: 'grève', weight: 4, count: 1 }];
    expect(riskScore(hit, -0.8)).toBeGreaterThan(riskScore(hit, 0));
    expect(riskScore(hit, 0)).toBeGreaterThan(riskScore(hit, 0.8));
    expect(scoreText('Grève chez X, quelle honte, service nul').risk).toBeGreaterThan(scoreText('La grève est terminée, excellente nouvelle').risk);
  });

  it('gives strong negativity alone a small risk', () => {
    const s = scoreText('Service horrible, je suis furieux');
    expect(s.riskHits).toEqual([]);
    expect(s.risk).toBeGreaterThan(0);
    expect(s.risk).toBeLessThan(0.3);
  });

  it('is the same through analyze + scoreAnalyzed as through scoreText', () => {
    const text = 'Boycott! Data breach at the bank';
    expect(scoreAnalyzed(analyze(text))).toEqual(scoreText(text));
  });
});

describe('terms for emerging-term detection', () => {
  it('keeps folded content words and bigrams, drops stop words', () => {
    const { terms } = scoreText("La fuite de données chez l'opérateur #BigLeak");
    expect(terms).toEqual(expect.arrayContaining(['fuite', 'donnees', 'fuite donnees', 'operateur', '#bigleak']));
    for (const stop of ['la', 'de', 'chez', "l'"]) expect(terms).not.toContain(stop);
  });

  it('leaves out intensifiers and negations', () => {
    const { terms } = scoreText('Le réseau est vraiment trop lent, jamais vu ça');
    expect(terms).toEqual(expect.arrayContaining(['reseau', 'lent']));
    for (const modifier of ['vraiment', 'trop', 'jamais']) expect(terms).not.toContain(modifier);
  });
});
