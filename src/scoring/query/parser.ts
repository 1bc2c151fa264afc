// Recursive-descent parser. Precedence, highest first: NOT (and "-"), AND (explicit or implicit: two
// terms side by side), OR. Every error names the 0-based position of the token at fault.
import { fold } from '../fold.js';
import { tokenize } from '../tokenize.js';
import { QuerySyntaxError } from './errors.js';
import { lex, type QueryToken } from './lexer.js';

/** One word of a term or phrase, folded; `prefix` when written with a trailing "*". */
export interface WordPattern { word: string; prefix: boolean }

export type QueryNode =
  | { kind: 'words'; words: WordPattern[] } // a single word, or a phrase that must appear in order
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

const MIN_PREFIX = 2;

/** Splits a term into the words the document tokenizer would see ("l'usine" → l', usine). */
function wordsOf(text: string, position: number): WordPattern[] {
  const star = text.indexOf('*');
  if (star >= 0 && star !== text.length - 1) throw new QuerySyntaxError('a wildcard * is only allowed at the end of a word', position + star);
  const prefix = star >= 0;
  const body = prefix ? text.slice(0, -1) : text;
  if (prefix && body.length === 0) throw new QuerySyntaxError('a wildcard * needs letters before it', position);
  const words = tokenize(body).filter((t) => t.kind !== 'bang' && t.kind !== 'question' && t.kind !== 'stop').map((t) => t.kind === 'url' ? t.norm : fold(t.raw));
  if (words.length === 0) throw new QuerySyntaxError(`"${text}" has no letters or digits to search for`, position);
  const patterns = words.map((word) => ({ word, prefix: false }));
  if (prefix) {
    const last = patterns[patterns.length - 1]!;
    if (!/[\p{L}\p{N}]$/u.test(body)) throw new QuerySyntaxError('a wildcard * must follow a letter or a digit', position + star);
    if (last.word.length < MIN_PREFIX) throw new QuerySyntaxError(`a wildcard needs at least ${MIN_PREFIX} letters before *`, position);
    last.prefix = true;
  }
  return patterns;
}

function phraseWords(text: string, position: number): WordPattern[] {
  const words: WordPattern[] = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m !== null; m = chunk.exec(text)) words.push(...wordsOf(m[0], position + 1 + m.index));
  return words;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: QueryToken[], private readonly query: string) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QuerySyntaxError('empty query: write at least one term', 0);
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) {
      if (extra.type === 'rparen') throw new QuerySyntaxError('unbalanced parentheses: this ) has no matching (', extra.position);
      throw new QuerySyntaxError(`unexpected ${extra.text}`, extra.position);
    }
    return node;
  }

  private peek(): QueryToken | undefined { return this.tokens[this.index]; }
  private next(): QueryToken | undefined { return this.tokens[this.index++]; }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      const op = this.next()!;
      children.push(this.parseOperand(op));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNot()];
    for (;;) {
      const t = this.peek();
      if (t?.type === 'and') {
        this.next();
        children.push(this.parseNotAfter(t));
      } else if (t && (t.type === 'term' || t.type === 'phrase' || t.type === 'lparen' || t.type === 'not' || t.type === 'minus')) {
        children.push(this.parseNot()); // implicit AND
      } else break;
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  /** The right operand of OR: a full AND-chain. */
  private parseOperand(op: QueryToken): QueryNode {
    this.expectOperand(op);
    return this.parseAnd();
  }

  private parseNotAfter(op: QueryToken): QueryNode {
    this.expectOperand(op);
    return this.parseNot();
  }

  private expectOperand(op: QueryToken): void {
    const t = this.peek();
    if (!t || t.type === 'rparen' || t.type === 'and' || t.type === 'or') {
      throw new QuerySyntaxError(`dangling operator: ${op.text} needs a term after it`, op.position);
    }
  }

  private parseNot(): QueryNode {
    const t = this.peek();
    if (t && (t.type === 'not' || t.type === 'minus')) {
      this.next();
      if (t.type === 'minus') {
        const following = this.peek();
        if (!following || following.position !== t.position + 1) throw new QuerySyntaxError('a - must be glued to the term it excludes, as in -word', t.position);
      }
      this.expectOperand(t);
      return { kind: 'not', child: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const t = this.next();
    if (!t) throw new QuerySyntaxError('unexpected end of query', this.query.length);
    switch (t.type) {
      case 'term': return { kind: 'words', words: wordsOf(t.text, t.position) };
      case 'phrase': return { kind: 'words', words: phraseWords(t.text, t.position) };
      case 'lparen': {
        if (this.peek()?.type === 'rparen') throw new QuerySyntaxError('empty parentheses', t.position);
        if (!this.peek()) throw new QuerySyntaxError('unbalanced parentheses: this ( is never closed', t.position);
        const inner = this.parseOr();
        const close = this.next();
        if (close?.type !== 'rparen') {
          throw new QuerySyntaxError('unbalanced parentheses: this ( is never closed', t.position);
        }
        return inner;
      }
      case 'and':
      case 'or':
        throw new QuerySyntaxError(`dangling operator: ${t.text} needs a term before it`, t.position);
      case 'rparen':
        throw new QuerySyntaxError('unbalanced parentheses: this ) has no matching (', t.position);
      default:
        throw new QuerySyntaxError(`unexpected ${t.text}`, t.position);
    }
  }
}

export function parseQuery(query: string): QueryNode {
  return new Parser(lex(query), query).parse();
}
