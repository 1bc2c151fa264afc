// A property-based fuzz of the whole HTTP API, driven by the OpenAPI document the service publishes at
// /docs/json: every operation (routes added later are picked up without touching this file), as every role,
// with requests generated from the declared schemas plus hostile values. It fails on any 5xx and on any
// response whose body does not match the schema declared for its status. Fixed seed, bounded budget.
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../support/app.js';
import { arbitraryFor, resolver, toJsonSchema, type Schema } from './openapi-arbitraries.js';

const SEED = 20261203;
const RUNS_PER_OPERATION_AND_ROLE = Number(process.env.FUZZ_RUNS ?? 3);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation { method: string; path: string; op: Record<string, unknown> }
interface Failure { operation: string; role: string; status: number; request: unknown; problem: string }

let t: TestApp;
let doc: Record<string, unknown>;
const credentials: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  t = await createTestApp({ 'auth.login_rate_limit_per_minute': 10000, 'signals.rate_limit_per_hour': 100000, 'metrics.token': 'fuzz-metrics' });
  for (const role of ['admin', 'crisis', 'comms', 'ambassador'] as const) credentials[role] = (await createUser(t, role)).auth;
  credentials.anonymous = {};
  const source = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: credentials.admin!, payload: { kind: 'push', name: 'fuzz-push' } })).json();
  credentials.push_token = { authorization: `Bearer ${source.ingest_token}` };
  doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
}, 120_000);
afterAll(async () => t?.close());

function operations(): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op || op['x-websocket']) continue; // a websocket route answers plain HTTP with 404 by design
      out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

describe('OpenAPI-driven fuzz (fast-check)', () => {
  it('never answers 5xx, and every response matches the schema declared for its status', async () => {
    const resolve = resolver(doc);
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    (addFormatsPlugin as unknown as (a: Ajv) => Ajv)(ajv);
    ajv.addSchema(toJsonSchema(doc) as object, 'openapi');
    const ops = operations();
    expect(ops.length).toBeGreaterThan(30);
    const failures: Failure[] = [];
    let requests = 0;

    for (const [index, { method, path, op }] of ops.entries()) {
      const parameters = (op.parameters as { in: string; name: string; required?: boolean; schema: Schema }[] | undefined) ?? [];
      const pathParams = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, arbitraryFor(p.schema, resolve)]));
      const queryParams = Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, arbitraryFor(p.schema, resolve)]));
      const queryRequired = parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name);
      const bodySchema = ((op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content?.['application/json']?.schema);
      const request = fc.record({
        params: fc.record(pathParams),
        query: fc.record(queryParams, { requiredKeys: queryRequired }),
        body: bodySchema ? arbitraryFor(bodySchema, resolve) : fc.constant(undefined),
      });
      for (const role of Object.keys(credentials)) {
        await fc.assert(fc.asyncProperty(request, async (r) => {
          requests++;
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeSegment(String(r.params[name] ?? 'x')));
          const query = new URLSearchParams();
          for (const [k, v] of Object.entries(r.query)) if (v !== undefined) query.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
          const qs = query.toString();
          const res = await t.app.inject({
            method: method as 'GET', url: qs ? `${url}?${qs}` : url,
            headers: { ...credentials[role], ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(r.body !== undefined ? { payload: JSON.stringify(r.body) } : {}),
          });
          const operation = `${method} ${path}`;
          if (res.statusCode >= 500 && res.statusCode !== 503) {
            failures.push({ operation, role, status: res.statusCode, request: r, problem: res.body.slice(0, 300) });
            return;
          }
          const declared = (op.responses as Record<string, { content?: Record<string, { schema: unknown }> }>)[String(res.statusCode)];
          if (!declared) {
            if (res.statusCode < 300) failures.push({ operation, role, status: res.statusCode, request: r, problem: 'success status not declared' });
            return;
          }
          if (!declared.content?.['application/json'] || !res.body) return;
          const pointer = `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${res.statusCode}/content/application~1json/schema`;
          const validate = ajv.getSchema(pointer);
          let body: unknown;
          try { body = res.json(); } catch { failures.push({ operation, role, status: res.statusCode, request: r, problem: 'body is not JSON' }); return; }
          if (validate && !validate(body)) failures.push({ operation, role, status: res.statusCode, request: r, problem: `body does not match: ${ajv.errorsText(validate.errors)}` });
        }), { seed: SEED + index, numRuns: RUNS_PER_OPERATION_AND_ROLE, endOnFailure: true });
      }
    }
    console.info(`fuzz: ${ops.length} operations x ${Object.keys(credentials).length} roles, ${requests} requests, ${failures.length} failures`);
    const summary = failures.slice(0, 15).map((f) => `${f.operation} as ${f.role}: ${f.status} ${f.problem}\n  request: ${JSON.stringify(f.request).slice(0, 300)}`).join('\n');
    expect(failures, `${failures.length} failures in ${requests} requests:\n${summary}`).toEqual([]);
  }, 180_000);
});

/**
 * Percent-encodes a path segment. A lone surrogate has no UTF-8 form (encodeURIComponent throws), so it is
 * sent as the bytes a careless client would send (its WTF-8 encoding), which the server must refuse cleanly.
 */
function encodeSegment(value: string): string {
  return value.replace(/[\ud800-\udfff]|[^\ud800-\udfff]+/g, (part) => {
    if (part.length > 1 || !/[\ud800-\udfff]/.test(part)) return encodeURIComponent(part);
    const c = part.charCodeAt(0);
    return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}
