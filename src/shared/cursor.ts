// Opaque keyset cursors for "newest first" lists: (timestamp, id) of the last item of a page, so the next
// page starts strictly after it however many rows arrive meanwhile.
import { badRequest } from './errors.js';

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Decodes a cursor this API issued; `idPattern` checks the id part (numeric ids, uuids). */
export function decodeCursor(cursor: string, idPattern: RegExp): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // Only what encodeCursor writes: an ISO instant PostgreSQL can store and an id of a sane length (a crafted
  // year 275760 or a 30-digit id would otherwise reach the database and fail there).
  const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at ?? '') ? new Date(at!) : new Date(NaN);
  if (Number.isNaN(date.getTime()) || !id || id.length > 36 || !idPattern.test(id) || (/^\d+$/.test(id) && id.length > 15)) {
    throw badRequest('cursor', 'is not a cursor this API returned');
  }
  return { at: date, id: id! };
}

/** A keyset cursor for lists ordered by a small rank first (severity), then time and id. */
export function encodeRankedCursor(rank: number, at: Date, id: string): string {
  return Buffer.from(`${rank}|${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeRankedCursor(cursor: string, idPattern: RegExp): { rank: number; at: Date; id: string } {
  const [rank, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d$/.test(rank ?? '')) throw badRequest('cursor', 'is not a cursor this API returned');
  return { rank: Number(rank), ...decodeCursor(Buffer.from(rest.join('|')).toString('base64url'), idPattern) };
}
