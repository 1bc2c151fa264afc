import { afterEach, describe, expect, it } from 'vitest';
import { dictionaries, setLang, t } from './i18n.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const { en, fr } = dictionaries();

  it('has the same placeholders and plural forms in French and English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      expect(fr[key].includes('|'), key).toBe(en[key].includes('|'));
      expect(fr[key].trim(), key).not.toBe('');
    }
  });
});

describe('t', () => {
  afterEach(() => setLang('en'));

  it('fills placeholders and picks the plural form for the language', () => {
    setLang('en');
    expect(t('incidents.alert_count', { count: 1 })).toBe('1 alert');
    expect(t('incidents.alert_count', { count: 0 })).toBe('0 alerts');
    expect(t('alerts.figures', { observed: 40, expected: 6 })).toBe('40 observed vs 6 expected');
    setLang('fr');
    expect(t('incidents.alert_count', { count: 0 })).toBe('0 alerte'); // French: zero is singular
    expect(t('incidents.alert_count', { count: 2 })).toBe('2 alertes');
  });

  it('returns an unknown key unchanged, so callers can fall back to the raw value', () => {
    expect(t('kind.something_new' as 'kind.volume_spike')).toBe('kind.something_new');
  });
});
