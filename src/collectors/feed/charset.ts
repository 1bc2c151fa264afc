// Turns the bytes of a feed into a string. French sites still serve ISO-8859-1 and Windows-1252.
// Order: a byte-order mark (unambiguous, and it wins in browsers too), then the Content-Type charset,
// then the XML declaration's encoding, then UTF-8. A document that declares nothing and is not valid
// UTF-8 is read as Windows-1252, the usual culprit.

export type CharsetSource = 'bom' | 'header' | 'declaration' | 'default' | 'fallback';

export interface DecodedDocument {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252` (which is what ISO-8859-1 maps to). */
  charset: string;
  source: CharsetSource;
}

// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (€, curly quotes, œ, …). Node 20.18.3+ decodes
// 'windows-1252' (and so 'iso-8859-1', its WHATWG alias) as plain Latin-1 (nodejs/node#60888), so
// that range is mapped here. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as C1 controls, as in WHATWG.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** The Unicode code point of a Windows-1252 byte (also how HTML reads `&#128;`–`&#159;`). */
export function windows1252CodePoint(byte: number): number {
  return byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_C1[byte - 0x80] ?? byte) : byte;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCodePoint(windows1252CodePoint(c.charCodeAt(0))));
}

function decodeAs(charset: string, bytes: Uint8Array): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  // TextDecoder strips a matching BOM; invalid sequences become U+FFFD rather than failing the feed.
  return new TextDecoder(charset).decode(bytes);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType ?? '');
  const label = (match?.[1] ?? match?.[2] ?? '').trim();
  return label === '' ? null : label;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  // UTF-16 without a BOM: "<?" as 16-bit units.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const label = match?.[1];
  // A declaration we could read as ASCII cannot truly be UTF-16; browsers ignore that claim too.
  if (!label || /^utf-?16/i.test(label)) return null;
  return label;
}

/** The WHATWG encoding name for a label, or null when TextDecoder does not know it. */
function supportedEncoding(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function chooseEncoding(bytes: Uint8Array, contentType: string | null): { charset: string; source: CharsetSource } {
  const candidates: Array<[CharsetSource, string | null]> = [
    ['bom', bomEncoding(bytes)],
    ['header', charsetFromContentType(contentType)],
    ['declaration', declaredEncoding(bytes)],
  ];
  for (const [source, label] of candidates) {
    const charset = supportedEncoding(label);
    if (charset) return { charset, source };
  }
  return { charset: 'utf-8', source: 'default' };
}

export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null = null): DecodedDocument {
  const { charset, source } = chooseEncoding(bytes, contentType);
  if (charset === 'utf-8' && source === 'default') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset, source };
    } catch {
      return { text: decodeWindows1252(bytes), charset: 'windows-1252', source: 'fallback' };
    }
  }
  return { text: decodeAs(charset, bytes), charset, source };
}
