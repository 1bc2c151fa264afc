// Feed dates: RFC 822 in RSS (often sloppy, sometimes in French), ISO 8601 in Atom and Dublin Core.
// A date without a zone is read as UTC so that results never depend on the server's TZ.

const EARLIEST_PLAUSIBLE_MS = Date.UTC(1995, 0, 1);
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// Zone abbreviations V8 does not know (it knows UT, UTC, GMT, Z and the US zones).
const ZONE_OFFSETS: Record<string, string> = {
  CET: '+0100', CEST: '+0200', MET: '+0100', MEST: '+0200', BST: '+0100', WET: '+0000', WEST: '+0100',
  EET: '+0200', EEST: '+0300', MSK: '+0300', JST: '+0900', KST: '+0900', HKT: '+0800', SGT: '+0800',
  AEST: '+1000', AEDT: '+1100', NZST: '+1200', NZDT: '+1300', HST: '-1000', AKST: '-0900', AKDT: '-0800',
};

const FRENCH_MONTHS: Array<[RegExp, string]> = [
  [/janv(?:ier)?/, 'Jan'], [/f[ée]v(?:r(?:ier)?)?/, 'Feb'], [/mars/, 'Mar'], [/avr(?:il)?/, 'Apr'], [/mai/, 'May'],
  [/juin/, 'Jun'], [/juil(?:let)?/, 'Jul'], [/ao[uû]t/, 'Aug'], [/sept(?:embre)?/, 'Sep'], [/octobre/, 'Oct'],
  [/novembre/, 'Nov'], [/d[ée]c(?:embre)?/, 'Dec'],
];
const FRENCH_MONTH = new RegExp(`(?<!\\p{L})(${FRENCH_MONTHS.map(([re]) => re.source).join('|')})\\.?(?!\\p{L})`, 'giu');

function englishMonth(word: string): string {
  const lower = word.toLowerCase();
  for (const [re, english] of FRENCH_MONTHS) if (new RegExp(`^${re.source}$`, 'u').test(lower)) return english;
  return word;
}

function parseIsoDate(match: RegExpExecArray): Date | null {
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone = 'Z'] = match;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '').padEnd(2, '0')}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject 2024-02-31 and friends instead of letting them roll over into March.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) ? date : null;
}

function normaliseLooseDate(text: string): string {
  let normalised = text
    .replace(/^\p{L}+\.?,?\s+(?=\d)/u, '') // weekday in any language; V8 ignores it anyway
    .replace(FRENCH_MONTH, (_whole: string, month: string) => englishMonth(month));
  const zone = /\b([A-Z]{3,4})$/.exec(normalised)?.[1];
  if (zone && ZONE_OFFSETS[zone]) normalised = `${normalised.slice(0, -zone.length)}${ZONE_OFFSETS[zone]}`;
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC?|Z|[ECMP][SD]T)(?:[+-]\d{1,4})?)$/i.test(normalised);
  return hasZone ? normalised : `${normalised} GMT`;
}

/** The instant a feed date denotes, or null when it cannot be read. */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 100) return null;
  const iso = ISO_DATE.exec(text);
  if (iso) return parseIsoDate(iso);
  // V8's fallback parser turns "Item 3" into 2001-03-01; insist on something that looks like a year.
  if (!/\b(?:1[89]\d\d|2\d{3})\b/.test(text) && !/\b\d{1,2} \p{L}{3,9}\.? \d{2}\b/u.test(text)) return null;
  const time = Date.parse(normaliseLooseDate(text));
  return Number.isNaN(time) ? null : new Date(time);
}

/** A date the feed gave, unless it is missing or absurd (before 1995, or over a day ahead of the fetch). */
export function plausibleDateOr(date: Date | null, fetchedAt: Date): { date: Date; fromFeed: boolean } {
  if (date && date.getTime() >= EARLIEST_PLAUSIBLE_MS && date.getTime() <= fetchedAt.getTime() + FUTURE_TOLERANCE_MS) {
    return { date, fromFeed: true };
  }
  return { date: fetchedAt, fromFeed: false };
}
