import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    const text = '\uFEFFemail,name\r\n"a@x.fr","Dupont, ""Jo"""\r\nb@x.fr,Bea;Jo\n\n';
    expect(parseCsv(text)).toEqual([['email', 'name'], ['a@x.fr', 'Dupont, "Jo"'], ['b@x.fr', 'Bea;Jo']]);
  });
  it('uses semicolons when the header does (French spreadsheets)', () => {
    expect(parseCsv('email;name\na@x.fr;Ana, B')).toEqual([['email', 'name'], ['a@x.fr', 'Ana, B']]);
  });
  it('says where a quote was left open', () => {
    expect(() => parseCsv('email\n"a@x.fr\n')).toThrow(CsvError);
    expect(() => parseCsv('email\n"a@x.fr\n')).toThrow(/line 2/);
  });
});
