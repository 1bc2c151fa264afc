// pilotfish score [--lang auto|fr|en] [--watchlist NAME=QUERY]...
// Reads NDJSON {"id","text","lang"?} on stdin and writes one NDJSON line per input line, in order:
// {"id","lang","sentiment","label","risk","matches"}. Streaming: lines are read with readline and
// written in small batches that respect the output's backpressure, so memory stays flat whatever the
// input size. A bad line yields {"id","error"} and the run goes on.
import { createInterface } from 'node:readline';
import { setImmediate } from 'node:timers';
import type { Readable, Writable } from 'node:stream';
import { CliUsageError, parseCommandArgs } from '../args.js';
import { analyze, compileQuery, QuerySyntaxError, scoreAnalyzed, type CompiledQuery } from '../../scoring/index.js';

export interface ScoreIo { stdin: Readable; stdout: Writable; stderr: Writable }

interface Watchlist { name: string; query: CompiledQuery }

type LangOption = 'auto' | 'fr' | 'en';
const FLUSH_BYTES = 64 * 1024;

function parseWatchlists(specs: string[]): Watchlist[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`--watchlist expects NAME=QUERY, got "${spec}"`);
    const name = spec.slice(0, eq);
    try {
      return { name, query: compileQuery(spec.slice(eq + 1)) };
    } catch (err) {
      if (err instanceof QuerySyntaxError) throw new CliUsageError(`--watchlist ${name}: ${err.message}`);
      throw err;
    }
  });
}

function idOf(value: unknown): unknown {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

/** Scores one input line; returns the output line (without newline), or undefined for a blank line. */
export function scoreLine(line: string, lang: LangOption, watchlists: readonly Watchlist[]): string | undefined {
  if (!line.trim()) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return JSON.stringify({ id: null, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` });
  }
  const id = idOf(input);
  if (!input || typeof input !== 'object' || Array.isArray(input)) return JSON.stringify({ id, error: 'expected a JSON object {"id","text","lang"?}' });
  const { text, lang: lineLang } = input as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string') return JSON.stringify({ id, error: '"text" must be a string' });
  // A line's own fr/en tag wins over --lang auto; --lang fr|en forces the language for every line.
  const effective: LangOption = lang !== 'auto' ? lang : lineLang === 'fr' || lineLang === 'en' ? lineLang : 'auto';
  const doc = analyze(text, effective);
  const score = scoreAnalyzed(doc);
  const matches = score.riskHits.map((h) => h.term);
  for (const w of watchlists) if (w.query.matches(doc)) matches.push(w.name);
  return JSON.stringify({ id, lang: score.lang, sentiment: score.sentiment, label: score.label, risk: score.risk, matches });
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => { out.off('drain', done); out.off('close', done); out.off('error', fail); resolve(); };
    const fail = (err: Error): void => { out.off('drain', done); out.off('close', done); reject(err); };
    out.once('drain', done);
    out.once('close', done);
    out.once('error', fail);
  });
}

export async function run(argv: string[], io: ScoreIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    lang: { type: 'string', default: 'auto' },
    watchlist: { type: 'string', multiple: true, default: [] },
  });
  const lang = values.lang;
  if (lang !== 'auto' && lang !== 'fr' && lang !== 'en') throw new CliUsageError(`--lang must be auto, fr or en (got "${lang}")`);
  const watchlists = parseWatchlists(values.watchlist ?? []);

  let outputClosed = false;
  io.stdout.on('error', () => { outputClosed = true; }); // EPIPE: the reader went away (e.g. | head)
  let inputFailed: Error | undefined;
  io.stdin.on('error', (err: Error) => { inputFailed = err; });

  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  // Output is batched: lines that arrive together leave together (one write per ~64 KB), and a
  // batch is also flushed as soon as the input pauses, so an interactive pipe gets prompt answers.
  let buffer = '';
  let scheduled = false;
  const writeBuffer = (): void => {
    if (buffer && !outputClosed) io.stdout.write(buffer);
    buffer = '';
  };
  const flushSoon = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => { scheduled = false; writeBuffer(); });
  };
  try {
    for await (const line of lines) {
      const out = scoreLine(line, lang, watchlists);
      if (out !== undefined) buffer += `${out}\n`;
      if (buffer.length < FLUSH_BYTES) { flushSoon(); continue; }
      if (io.stdout.writableNeedDrain) await waitForDrain(io.stdout).catch(() => { outputClosed = true; });
      writeBuffer();
      if (outputClosed) break;
    }
  } catch (err) {
    inputFailed = err instanceof Error ? err : new Error(String(err));
  }
  writeBuffer();
  if (inputFailed) {
    io.stderr.write(`pilotfish score: cannot read standard input: ${inputFailed.message}\n`);
    return 1;
  }
  return 0;
}
