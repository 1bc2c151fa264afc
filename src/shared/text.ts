// The one rule for text arriving from outside (every HTTP route, every push item, NDJSON lines):
//   - NUL (U+0000) is removed: PostgreSQL cannot store it in text, and it never carries meaning;
//   - a lone UTF-16 surrogate (half of an emoji, "\ud800") is replaced by U+FFFD: PostgreSQL refuses it too;
//   - structures nested deeper than MAX_INPUT_DEPTH are refused, naming the field where the limit was hit.
// Cleaning never fails, so a bad character costs the sender one replacement character, not the whole request.

export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const NUL = /\u0000/g;
// Fast path: most strings contain neither a NUL nor any surrogate.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

export function cleanText(value: string): string {
  if (!SUSPECT.test(value)) return value;
  return value.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

export interface TooDeep { field: string }

/**
 * Cleans every string (and key) of a parsed JSON value in place, without recursion (a hostile body cannot
 * overflow the stack). Returns the cleaned value, or the path of the first place nested too deep.
 * `skip(path)` leaves a subtree alone (items judged one by one later, like push mentions).
 */
export function cleanInput(value: unknown, options: { maxDepth?: number; root?: string; skip?: (path: string) => boolean } = {}): { value: unknown } | { tooDeep: TooDeep } {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  if (typeof value === 'string') return { value: cleanText(value) };
  if (!value || typeof value !== 'object') return { value };
  const stack: { node: Record<string, unknown> | unknown[]; path: string; depth: number }[] = [{ node: value as Record<string, unknown>, path: options.root ?? '', depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > maxDepth) return { tooDeep: { field: path || 'body' } };
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node, i, `${path}[${i}]`, depth);
    } else {
      for (const key of Object.keys(node)) {
        const clean = cleanText(key);
        if (clean !== key) {
          node[clean] = node[key];
          delete node[key];
        }
        visit(node, clean, path ? `${path}.${clean}` : clean, depth);
      }
    }
  }
  return { value };

  function visit(parent: Record<string, unknown> | unknown[], key: string | number, path: string, depth: number): void {
    const child = (parent as Record<string | number, unknown>)[key];
    if (typeof child === 'string') (parent as Record<string | number, unknown>)[key] = cleanText(child);
    else if (child && typeof child === 'object' && !options.skip?.(path)) stack.push({ node: child as Record<string, unknown>, path, depth: depth + 1 });
  }
}
