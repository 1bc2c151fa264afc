// fast-check arbitraries built from the OpenAPI document the service publishes (/docs/json): well-formed
// values most of the time, hostile ones often (NUL, lone surrogates, RTL marks, huge numbers, deep
// nesting, wrong types), so every route is probed as it is declared, including routes added later.
import fc from 'fast-check';

export type Schema = Record<string, unknown> & { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[]; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; $ref?: string; nullable?: boolean };

export const HOSTILE_STRINGS = [
  '', ' ', '     ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\u202Eevil\u202C', '\u200F\u200E', '\uFEFF', '😀'.repeat(3), '\u0301',
  "'; DROP TABLE users; --", '<script>alert(1)</script>', '../../etc/passwd', '%00', 'NaN', '-1', '1e309', '9'.repeat(40),
  '2024-02-30T10:00:00Z', '+275760-09-13T00:00:00.000Z', '00000000-0000-0000-0000-000000000000', 'x'.repeat(5000), '{"a":', '\\', '"',
];
export const HOSTILE_NUMBERS = [0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -(2 ** 31) - 1, 0.5, 1e-300];

function deepNest(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, [], {}, deepNest(40), deepNest(200)),
);

/** Resolves a local $ref ("#/components/schemas/X") against the document. */
export function resolver(doc: Record<string, unknown>) {
  return function resolve(schema: Schema | undefined): Schema {
    let s: Schema = schema ?? {};
    for (let i = 0; i < 20 && s.$ref; i++) {
      const parts = s.$ref.replace(/^#\//, '').split('/');
      s = parts.reduce<unknown>((node, p) => (node as Record<string, unknown>)?.[p.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Schema ?? {};
    }
    return s;
  };
}

function stringFor(s: Schema): fc.Arbitrary<string> {
  const format = s.format as string | undefined;
  if (format === 'uuid') return fc.uuid();
  if (format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (format === 'email') return fc.emailAddress();
  if (format === 'uri') return fc.webUrl();
  if (typeof s.pattern === 'string' && /^\^\\d/.test(s.pattern)) return fc.nat({ max: 1_000_000 }).map(String);
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = Math.min(typeof s.maxLength === 'number' ? s.maxLength : 40, 40);
  return fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max), unit: 'grapheme' });
}

/** An arbitrary for values of `schema`, with hostile values mixed in at every level (about one in six). */
export function arbitraryFor(schema: Schema | undefined, resolve: (s: Schema | undefined) => Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const wellFormed = ((): fc.Arbitrary<unknown> => {
    if (depth > 6) return fc.constant(null);
    if (s.enum) return fc.constantFrom(...s.enum);
    if ('const' in s) return fc.constant(s.const);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => arbitraryFor(a, resolve, depth + 1)));
    if (s.allOf?.length) return arbitraryFor(s.allOf[0], resolve, depth + 1);
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    switch (type) {
      case 'string': return stringFor(s);
      case 'integer': return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -1000, max: typeof s.maximum === 'number' ? Math.min(s.maximum, 2 ** 31) : 1000 });
      case 'number': return fc.double({ min: typeof s.minimum === 'number' ? s.minimum : -1000, max: typeof s.maximum === 'number' ? s.maximum : 1000, noNaN: true });
      case 'boolean': return fc.boolean();
      case 'array': return fc.array(arbitraryFor(s.items, resolve, depth + 1), { maxLength: 3 });
      case 'object': {
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const entries = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, arbitraryFor(v, resolve, depth + 1)]));
        if (Object.keys(entries).length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 });
        return fc.record(entries, { requiredKeys: Object.keys(entries).filter((k) => required.has(k)) });
      }
      default: return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null));
    }
  })();
  return fc.oneof({ arbitrary: wellFormed, weight: 5 }, { arbitrary: hostileValue, weight: 1 });
}

/**
 * Converts an OpenAPI 3.0 schema to JSON Schema for Ajv: `nullable: true` becomes a `null` type (or an extra
 * `anyOf` member), which is what the service's TypeBox unions with Null mean.
 */
export function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'nullable' && k !== 'example' && k !== 'x-websocket') out[k] = toJsonSchema(v);
  if ((value as Schema).nullable === true) {
    if (out.anyOf || out.oneOf || out.$ref || out.allOf) return { anyOf: [out, { type: 'null' }] };
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}
