// The `json` source kind: url (required), config.mapping {items, id, text, author?, url?, date?, followers?,
// likes?, reposts?, replies?, next?} of JSON pointers, optional config.network (a label stored on mentions) and
// config.headers {name: value}, whose values are sealed as secrets (`headers.<name>`), never returned.
import { badRequest } from '../../shared/errors.js';
import { onlyKeys, optionalString } from '../../sources/kinds/fields.js';
import type { SourceKindSpec } from '../../sources/kinds/types.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import { previewConnector } from '../poll/preview.js';
import { HEADER_SECRET_PREFIX, JSON_FIELDS, jsonConnector } from './connector.js';
import { parsePointer, PointerSyntaxError } from './pointer.js';

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'accept-encoding']);

function pointer(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw badRequest(field, 'is required (a JSON pointer such as "/data/items")');
    return undefined;
  }
  if (typeof value !== 'string' || value.length > 300) throw badRequest(field, 'must be a JSON pointer string');
  try {
    parsePointer(value);
  } catch (err) {
    if (err instanceof PointerSyntaxError) throw badRequest(field, err.message);
    throw err;
  }
  return value;
}

function headerSecrets(raw: unknown, previous: SourceSecrets): SourceSecrets {
  if (raw === undefined) return Object.fromEntries(Object.entries(previous).filter(([k]) => k.startsWith(HEADER_SECRET_PREFIX)));
  if (raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('config.headers', 'must be an object of header names to values');
  const out: SourceSecrets = {};
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > 20) throw badRequest('config.headers', 'at most 20 headers');
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name) || FORBIDDEN_HEADERS.has(name.toLowerCase())) throw badRequest(`config.headers.${name.slice(0, 100)}`, 'is not an allowed header name');
    const key = `${HEADER_SECRET_PREFIX}${name}`;
    // null keeps the stored value (the admin edits other headers without retyping a token); "" removes it.
    if (value === null) {
      if (previous[key] !== undefined) out[key] = previous[key];
      continue;
    }
    if (typeof value !== 'string' || value.length > 4000 || /[\r\n]/.test(value)) throw badRequest(`config.headers.${name}`, 'must be a one-line string');
    if (value !== '') out[key] = value;
  }
  return out;
}

export const jsonKind: SourceKindSpec = {
  polled: true,
  url: 'required',
  async validate(input, ctx) {
    const cfg = input.config;
    onlyKeys(cfg, ['mapping', 'headers', 'network']);
    const m = cfg.mapping;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) throw badRequest('config.mapping', 'is required: {items, id, text, author?, url?, date?, …} as JSON pointers');
    const raw = m as Record<string, unknown>;
    onlyKeys(raw, ['items', 'next', ...JSON_FIELDS], 'config.mapping.');
    const mapping: Record<string, string> = { items: pointer(raw.items, 'config.mapping.items', true)! };
    for (const f of JSON_FIELDS) {
      const p = pointer(raw[f], `config.mapping.${f}`, f === 'id' || f === 'text');
      if (p !== undefined) mapping[f] = p;
    }
    const next = pointer(raw.next, 'config.mapping.next', false);
    if (next !== undefined) mapping.next = next;
    const network = optionalString(cfg, 'network', 40);
    const config: Record<string, unknown> = { mapping, ...(network ? { network } : {}) };
    const secrets = headerSecrets(cfg.headers, input.previousSecrets);
    return { url: await ctx.checkUrl(input.url!, 'url'), config, secrets };
  },
  preview: (source, ctx) => previewConnector(jsonConnector, source, ctx),
};
