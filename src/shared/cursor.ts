// Opaque keyset cursors for "newest first" lists: (timestamp, id) of the last item of a page, so the next
// page starts strictly after it however many rows arrive meanwhile.
import { badRequest } from './errors.js';

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Decodes a cursor this API issued; `idPattern` checks the id part (numeric ids, uuids). */
export function decodeCursor(cursor: string, idPattern: RegExp): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (Number.isNaN(date.getTime()) || !idPattern.test(id ?? '')) throw badRequest('cursor', 'is not a cursor this API returned');
  return { at: date, id: id! };
}
