import { describe, expect, it } from 'vitest';
import { analyze, detectLanguage } from './index.js';

describe('detectLanguage', () => {
  it.each([
    ["Je n'arrive pas à me connecter depuis ce matin", 'fr'],
    ['Le service client est vraiment nul', 'fr'],
    ['Magnifique journée ensoleillée', 'fr'],
    ['Grève SNCF demain', 'fr'],
    ["c'est trop bien mdr", 'fr'],
    ['I cannot log in since this morning', 'en'],
    ['The customer service is really bad', 'en'],
    ['Damn, running late sucks', 'en'],
    ['Great show tonight!', 'en'],
    ['El servicio al cliente es muy malo y no funciona', 'other'],
    ['Der Kundendienst ist wirklich schlecht und langsam', 'other'],
    ['Il servizio clienti non è molto buono per me', 'other'],
    ['Служба поддержки не отвечает', 'other'],
    ['顧客サービスはひどい', 'other'],
    ['😂😂😂', 'other'],
    ['', 'other'],
    ['https://example.com @someone', 'other'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('goes with the majority in a mixed French/English text', () => {
    expect(detectLanguage("Franchement je trouve que la nouvelle version est top, great job")).toBe('fr');
    expect(detectLanguage('I really think the new version is great, bravo')).toBe('en');
  });

  it('is overridden by an explicit language', () => {
    expect(analyze('Great show tonight!', 'fr').lang).toBe('fr');
    expect(analyze('Great show tonight!', 'auto').lang).toBe('en');
  });
});
