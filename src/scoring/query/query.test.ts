import { describe, expect, it } from 'vitest';
import { analyze, compileQuery, QuerySyntaxError } from '../index.js';

const matches = (query: string, text: string, lang: 'auto' | 'fr' | 'en' = 'auto'): boolean =>
  compileQuery(query).matches(analyze(text, lang));

describe('query operators', () => {
  it.each([
    // [query, text, expected]
    ['boycott', 'Appel au boycott de la marque', true],
    ['boycott', 'Rien à signaler', false],
    ['nike AND boycott', 'Boycott Nike now', true],
    ['nike AND boycott', 'Nike store opening', false],
    ['nike boycott', 'Boycott Nike now', true], // implicit AND
    ['nike boycott', 'Nike store opening', false],
    ['nike OR adidas', 'New Adidas shoes', true],
    ['nike OR adidas', 'New Puma shoes', false],
    ['NOT promo', 'Great news today', true],
    ['NOT promo', 'Big promo today', false],
    ['orange NOT promo', 'Orange réseau en panne', true],
    ['orange NOT promo', 'Orange promo sur la fibre', false],
    ['orange -promo', 'Orange promo sur la fibre', false], // -term is NOT term
    ['orange -promo', 'Orange réseau en panne', true],
    ['(nike OR adidas) AND boycott', 'adidas boycott starts', true],
    ['(nike OR adidas) AND boycott', 'adidas sale starts', false],
    ['"fuite de données"', 'Une fuite de données massive chez X', true],
    ['"fuite de données"', 'Des données sur la fuite', false], // order matters in a phrase
    ['"data breach"', 'Huge DATA BREACH reported', true],
    ['boycott*', 'They are boycotting the brand', true],
    ['boycott*', '#BoycottNike trending', true],
    ['boycott*', 'Nothing here', false],
    ['"data breach*"', 'more data breaches today', true],
    ['NOT NOT nike', 'nike rocks', true],
  ] as const)('%s on "%s" → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it('gives NOT a higher precedence than AND, and AND a higher one than OR', () => {
    // a OR b AND c  ==  a OR (b AND c)
    expect(matches('alpha OR beta AND gamma', 'alpha only')).toBe(true);
    expect(matches('alpha OR beta AND gamma', 'beta only')).toBe(false);
    expect(matches('alpha OR beta AND gamma', 'beta and gamma')).toBe(true);
    // implicit AND binds like AND: a b OR c == (a b) OR c
    expect(matches('alpha beta OR gamma', 'gamma')).toBe(true);
    expect(matches('alpha beta OR gamma', 'alpha')).toBe(false);
    // NOT a AND b == (NOT a) AND b
    expect(matches('NOT alpha AND beta', 'beta')).toBe(true);
    expect(matches('NOT alpha AND beta', 'alpha beta')).toBe(false);
    expect(matches('NOT alpha AND beta', 'gamma')).toBe(false);
  });

  it('treats lower-case and/or/not as plain words (operators are upper case)', () => {
    expect(matches('salt and pepper', 'salt pepper')).toBe(false);
    expect(matches('salt and pepper', 'salt and pepper')).toBe(true);
  });
});

describe('folding and stemming', () => {
  it.each([
    ['grève', 'GREVE générale demain', true],
    ['greve', 'La grève continue', true],
    ['grève', 'Les grèves continuent', true], // plural through the French stem
    ['licenciement', 'Vague de licenciements chez X', true],
    ['boycotter', 'Il faut boycotter cette marque', true],
    ['boycott', 'They are boycotting the brand', true], // English stem
    ['recall', 'Product recalled after complaints', true],
    ['Œuvre', 'une oeuvre majeure', true],
    ['"fuite de données"', 'FUITES DE DONNEES chez X', true],
    ['café', 'un cafe sans sucre', true],
    ['#boycott', 'boycott!', true],
    ['@orange', 'merci @Orange', true],
    ["l'usine", "Incendie dans l'usine de Lyon", true],
  ] as const)('%s on "%s" → %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it('a wildcard matches prefixes only, without stemming', () => {
    expect(matches('cyber*', 'cyberattaque en cours')).toBe(true);
    expect(matches('cyber*', 'une attaque cyber')).toBe(true);
    expect(matches('cyber*', 'hypercybernétique')).toBe(false);
  });

  it('compiles once and is reused across texts', () => {
    const query = compileQuery('panne OR outage');
    expect(query.source).toBe('panne OR outage');
    expect(query.matches(analyze('Grosse panne ce matin'))).toBe(true);
    expect(query.matches(analyze('Network outage in Paris'))).toBe(true);
    expect(query.matches(analyze('Tout va bien'))).toBe(false);
  });
});

describe('syntax errors name their position', () => {
  it.each([
    ['', 0, /empty query/],
    ['   ', 0, /empty query/],
    ['(nike OR adidas', 0, /unbalanced parentheses.*never closed/],
    ['nike (adidas', 5, /never closed/],
    ['nike) OR adidas', 4, /unbalanced parentheses.*no matching/],
    ['(nike))', 6, /no matching/],
    ['nike AND', 5, /dangling operator: AND/],
    ['nike OR', 5, /dangling operator: OR/],
    ['AND nike', 0, /dangling operator: AND needs a term before/],
    ['OR nike', 0, /dangling operator: OR/],
    ['nike OR OR adidas', 5, /dangling operator: OR/],
    ['nike AND OR adidas', 5, /dangling operator: AND/],
    ['NOT', 0, /dangling operator: NOT/],
    ['nike NOT', 5, /dangling operator: NOT/],
    ['(nike AND)', 6, /dangling operator: AND/],
    ['nike ()', 5, /empty parentheses/],
    ['"fuite de données', 0, /unterminated quote/],
    ['nike "boycott', 5, /unterminated quote/],
    ['""', 0, /empty phrase/],
    ['nike "  "', 5, /empty phrase/],
    ['*', 0, /wildcard/],
    ['nike *', 5, /wildcard/],
    ['bo*cott', 2, /only allowed at the end/],
    ['b*', 0, /at least 2 letters/],
    ['"data br*ach"', 8, /only allowed at the end/],
    ['nike - adidas', 5, /glued/],
    ['nike -', 5, /glued|dangling/],
    ['!!!', 0, /no letters or digits/],
    ['nike ”', 5, /closing/],
  ] as const)('%j → position %i', (query, position, message) => {
    let error: unknown;
    try {
      compileQuery(query);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(QuerySyntaxError);
    const syntax = error as QuerySyntaxError;
    expect(syntax.position).toBe(position);
    expect(syntax.message).toMatch(message);
  });

  it('puts the position in the message and keeps the reason apart', () => {
    try {
      compileQuery('nike AND');
      expect.unreachable();
    } catch (err) {
      const syntax = err as QuerySyntaxError;
      expect(syntax.message).toContain('position 5');
      expect(syntax.reason).not.toContain('position');
      expect(syntax.name).toBe('QuerySyntaxError');
    }
  });
});
