// Lexer of the watchlist query language. Operators are upper case only (AND, OR, NOT), as in most
// search engines: "and", "or", "not" in lower case are ordinary words. "-term" is short for NOT term.
import { QuerySyntaxError } from './errors.js';

export type QueryTokenType = 'term' | 'phrase' | 'and' | 'or' | 'not' | 'minus' | 'lparen' | 'rparen';

export interface QueryToken {
  type: QueryTokenType;
  /** The term or phrase text (without quotes); the operator as written otherwise. */
  text: string;
  /** 0-based offset of the token in the query. */
  position: number;
}

const OPEN_QUOTES = new Set(['"', '“', '«']);
const CLOSE_QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»' };
const TERM_END = /[\s()"“”«»]/;
const OPERATORS: Record<string, QueryTokenType> = { AND: 'and', OR: 'or', NOT: 'not' };

function readPhrase(query: string, start: number): { token: QueryToken; next: number } {
  const open = query[start]!;
  const close = CLOSE_QUOTES[open] ?? '"';
  let end = start + 1;
  while (end < query.length && query[end] !== close && !(open !== '"' && query[end] === '"')) end++;
  if (end >= query.length) throw new QuerySyntaxError(`unterminated quote: the phrase opened here has no closing ${close}`, start);
  const text = query.slice(start + 1, end);
  if (!text.trim()) throw new QuerySyntaxError('empty phrase: put at least one word between the quotes', start);
  return { token: { type: 'phrase', text, position: start }, next: end + 1 };
}

export function lex(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', text: c, position: i });
      i++;
      continue;
    }
    if (OPEN_QUOTES.has(c)) {
      const { token, next } = readPhrase(query, i);
      tokens.push(token);
      i = next;
      continue;
    }
    if (c === '”' || c === '»') throw new QuerySyntaxError(`closing ${c} without an opening quote`, i);
    // "-" glued to what follows is a negation; a lone "-" or "a - b" is an error (see parser).
    if (c === '-') {
      tokens.push({ type: 'minus', text: '-', position: i });
      i++;
      continue;
    }
    let end = i;
    while (end < query.length && !TERM_END.test(query[end]!)) end++;
    const text = query.slice(i, end);
    tokens.push({ type: OPERATORS[text] ?? 'term', text, position: i });
    i = end;
  }
  return tokens;
}
