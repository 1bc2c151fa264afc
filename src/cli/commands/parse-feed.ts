// `pilotfish parse-feed FILE_OR_URL...`: parses RSS/Atom/RDF documents with the collector's own code and
// prints one NDJSON line per argument, in order: {"input","ok":true,"mentions":[...]} or
// {"input","ok":false,"error"}. Exit code 0 when every input parsed, 2 otherwise.
//
// URLs (http:// or https://) are fetched with the collector's fetcher, limits and address guard, configured
// like the service: private and loopback addresses are refused unless COLLECTORS_ALLOW_PRIVATE=true;
// COLLECTORS_ALLOW_HOSTS is a comma-separated list of host names, IPs or CIDRs allowed anyway
// (e.g. COLLECTORS_ALLOW_HOSTS=127.0.0.1). Files need no configuration.
import { readFile } from 'node:fs/promises';
import { decodeFeedBytes } from '../../collectors/feed/charset.js';
import { oneLine } from '../../collectors/feed/errors.js';
import { DEFAULT_FETCH_LIMITS, fetchFeed, type FetchOptions } from '../../collectors/feed/fetch.js';
import { HostLimiter } from '../../collectors/feed/limiter.js';
import { parseFeed } from '../../collectors/feed/parse.js';
import type { ParsedMention } from '../../collectors/feed/parse.js';
import type { AddressPolicy } from '../../collectors/net/address-guard.js';
import { ConfigError, loadConfig } from '../../config/index.js';
import { addressPolicy } from '../../sources/service.js';
import { CliUsageError, parseCommandArgs } from '../args.js';

const USAGE = `usage: pilotfish parse-feed FILE_OR_URL...

Prints one NDJSON line per argument: {"input","ok":true,"mentions":[...]} or {"input","ok":false,"error"}.
Exit code 0 when every input parsed, 2 otherwise.

environment (the service's collector settings, see README):
  COLLECTORS_ALLOW_PRIVATE=true   allow URLs on private and loopback addresses
  COLLECTORS_ALLOW_HOSTS=a,b      host names, IPs or CIDRs allowed anyway (e.g. 127.0.0.1)
  COLLECTORS_TIMEOUT_MS, COLLECTORS_MAX_BYTES, COLLECTORS_MAX_REDIRECTS, COLLECTORS_USER_AGENT
`;
const CONCURRENCY = 4;
const PER_HOST = 2;

export type ParseFeedLine = { input: string; ok: true; mentions: ParsedMention[] } | { input: string; ok: false; error: string };

export interface ParseFeedDeps {
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
  now?: () => Date;
}

export interface FetchSettings { policy: AddressPolicy; limits: Omit<FetchOptions, 'policy' | 'etag' | 'lastModified'> }

/** The same collector settings as the service (config file + environment); a bad value is a usage error. */
export function fetchSettingsFromEnv(env: NodeJS.ProcessEnv): FetchSettings {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliUsageError(err.message);
    throw err;
  }
  const c = config.collectors;
  return {
    policy: addressPolicy(config),
    limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, maxRedirects: c.max_redirects, userAgent: c.user_agent },
  };
}

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function describeError(err: unknown, input: string): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `no such file: ${input}`;
  if (code === 'EISDIR') return `${input} is a directory`;
  if (code === 'EACCES') return `permission denied: ${input}`;
  return oneLine(err instanceof Error ? err.message : String(err));
}

async function parseInput(input: string, settings: FetchSettings, limiter: HostLimiter, now: () => Date): Promise<ParseFeedLine> {
  try {
    if (isUrl(input)) {
      const fetched = await limiter.run(input, () => fetchFeed(input, { ...settings.limits, policy: settings.policy }));
      if (fetched.status !== 'ok') return { input, ok: false, error: 'the server answered 304 Not Modified to an unconditional request' };
      const feed = await parseFeed(fetched.body, { baseUrl: fetched.finalUrl, fetchedAt: now() });
      return { input, ok: true, mentions: feed.mentions };
    }
    const { text } = decodeFeedBytes(await readFile(input));
    const feed = await parseFeed(text, { fetchedAt: now() });
    return { input, ok: true, mentions: feed.mentions };
  } catch (err) {
    return { input, ok: false, error: describeError(err, input) };
  }
}

/** Parses every input (a few at a time) and writes the lines in input order; returns the exit code. */
export async function runParseFeed(inputs: string[], deps: ParseFeedDeps): Promise<number> {
  const settings = fetchSettingsFromEnv(deps.env);
  const limiter = new HostLimiter(PER_HOST);
  const now = deps.now ?? (() => new Date());
  const resolvers: Array<(line: ParseFeedLine) => void> = [];
  const lines = inputs.map(() => new Promise<ParseFeedLine>((resolve) => resolvers.push(resolve)));
  let cursor = 0;
  const worker = async () => {
    for (let index = cursor++; index < inputs.length; index = cursor++) {
      resolvers[index]?.(await parseInput(inputs[index] ?? '', settings, limiter, now)); // parseInput never rejects
    }
  };
  const workers = Array.from({ length: Math.min(CONCURRENCY, inputs.length) }, worker);
  let failures = 0;
  for (const pending of lines) {
    const line = await pending;
    if (!line.ok) failures += 1;
    deps.write(`${JSON.stringify(line)}\n`);
  }
  await Promise.all(workers);
  return failures === 0 ? 0 : 2;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CliUsageError(`give at least one file or URL\n${USAGE}`);
  return runParseFeed(positionals, { env: process.env, write: (text) => void process.stdout.write(text) });
}
