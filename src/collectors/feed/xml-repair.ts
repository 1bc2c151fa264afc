// Many feeds put a bare "&" (AT&T, ?a=1&b=2) or an HTML-only entity in their XML. A strict parser
// refuses the whole document; like most feed readers we escape those ampersands and try once more.
import { NAMED_ENTITIES } from './html-entities.js';

const AMPERSAND = /&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};)(?:([A-Za-z][A-Za-z0-9]{0,31});)?/g;

function escapeOutsideCdata(text: string): string {
  return text.replace(AMPERSAND, (whole, name: string | undefined) => (name !== undefined && NAMED_ENTITIES.has(name) ? whole : `&amp;${whole.slice(1)}`));
}

/** Escapes ampersands that start no known character reference, leaving CDATA sections untouched. */
export function escapeStrayAmpersands(xml: string): string {
  const parts: string[] = [];
  let position = 0;
  for (let start = xml.indexOf('<![CDATA[', position); start >= 0; start = xml.indexOf('<![CDATA[', position)) {
    const end = xml.indexOf(']]>', start);
    const stop = end < 0 ? xml.length : end + 3;
    parts.push(escapeOutsideCdata(xml.slice(position, start)), xml.slice(start, stop));
    position = stop;
  }
  parts.push(escapeOutsideCdata(xml.slice(position)));
  return parts.join('');
}

export function isEntityError(err: unknown): boolean {
  return err instanceof Error && /entity/i.test(err.message.split('\n')[0] ?? '');
}
