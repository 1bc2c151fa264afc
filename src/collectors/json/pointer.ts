// JSON Pointer (RFC 6901): "" is the whole document, "/a/0/b" walks objects and arrays, "~1" is "/" and
// "~0" is "~" inside a token.

export class PointerSyntaxError extends Error {}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PointerSyntaxError('must be empty or start with "/" (RFC 6901)');
  return pointer.slice(1).split('/').map((token) => {
    if (/~[^01]|~$/.test(token)) throw new PointerSyntaxError('has "~" not followed by 0 or 1');
    return token.replace(/~1/g, '/').replace(/~0/g, '~');
  });
}

export function resolvePointer(doc: unknown, tokens: readonly string[]): unknown {
  let node = doc;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return node;
}
