import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes, decodeWindows1252 } from './charset.js';

const latin1Decl = (body: number[]) => Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>'), Buffer.from(body), Buffer.from('</t>')]);

describe('decodeFeedBytes', () => {
  it.each([
    ['UTF-8 without declaration', Buffer.from('<t>café €</t>', 'utf8'), null, '<t>café €</t>', 'default'],
    ['ISO-8859-1 from the XML declaration', latin1Decl([0x63, 0x61, 0x66, 0xe9]), null, 'café', 'declaration'],
    ['Windows-1252 € and curly quote', Buffer.concat([Buffer.from("<?xml version='1.0' encoding='windows-1252'?><t>"), Buffer.from([0x80, 0x20, 0x92, 0x9c]), Buffer.from('</t>')]), null, '€ ’œ', 'declaration'],
    ['the header wins over the declaration', latin1Decl([0xc3, 0xa9]), 'application/rss+xml; charset=UTF-8', 'é', 'header'],
    ['a quoted header charset', Buffer.from([0x3c, 0x74, 0x3e, 0xe9, 0x3c, 0x2f, 0x74, 0x3e]), 'text/xml; charset="iso-8859-1"', 'é', 'header'],
    ['an unknown header charset is ignored', latin1Decl([0xe9]), 'text/xml; charset=x-nonsense', 'é', 'declaration'],
    ['a UTF-8 BOM wins over a wrong header', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('<t>é</t>', 'utf8')]), 'text/xml; charset=iso-8859-1', 'é', 'bom'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>é</t>', 'utf16le')]), null, 'é', 'bom'],
    ['undeclared invalid UTF-8 falls back to Windows-1252', Buffer.from([0x3c, 0x74, 0x3e, 0xe9, 0x74, 0xe9, 0x3c, 0x2f, 0x74, 0x3e]), null, 'été', 'fallback'],
  ])('%s', (_name, bytes, contentType, expectedFragment, expectedSource) => {
    const decoded = decodeFeedBytes(bytes, contentType);
    expect(decoded.text).toContain(expectedFragment);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.source).toBe(expectedSource);
  });

  it('keeps declared UTF-8 as UTF-8 even with a stray invalid byte', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8"?><t>été '), Buffer.from([0xe9]), Buffer.from('</t>')]);
    const decoded = decodeFeedBytes(bytes);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('été \uFFFD');
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=ISO-8859-1', 'ISO-8859-1'],
    ['application/rss+xml;charset="utf-8"', 'utf-8'],
    ['application/xml', null],
    [null, null],
  ])('%s → %s', (header, expected) => {
    expect(charsetFromContentType(header)).toBe(expected);
  });
});

describe('decodeWindows1252', () => {
  it('maps the whole 0x80–0x9F range like browsers do (Node 20 does not)', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });
  it('leaves ASCII and Latin-1 letters alone', () => {
    expect(decodeWindows1252(Buffer.from('Café Noël', 'latin1'))).toBe('Café Noël');
  });
});
