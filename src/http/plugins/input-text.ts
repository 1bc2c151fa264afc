// Applies the text rule of src/shared/text.ts to every route's body, query string and path parameters
// before validation: NUL removed, lone surrogates replaced, nesting deeper than the limit refused with a 400
// naming the field. A route that judges items one by one (push mentions) names its item array in
// `config.perItemInput`: those items are cleaned by the route's own validation, so a bad one is rejected alone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { cleanInput, cleanText, MAX_INPUT_DEPTH } from '../../shared/text.js';
import { badRequest } from '../../shared/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig { perItemInput?: string }
}

function cleanPart(request: FastifyRequest, part: 'body' | 'query' | 'params', skip?: (path: string) => boolean): void {
  const value = request[part];
  if (value === undefined || value === null) return;
  const result = cleanInput(value, { ...(skip ? { skip } : {}) });
  if ('tooDeep' in result) throw badRequest(result.tooDeep.field, `is nested deeper than ${MAX_INPUT_DEPTH} levels`, 'too_deep');
  (request as unknown as Record<string, unknown>)[part] = result.value;
}

export const inputTextPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const items = request.routeOptions.config?.perItemInput;
    const itemPath = items ? new RegExp(`^${items}\\[\\d+\\]$`) : null;
    cleanPart(request, 'query');
    cleanPart(request, 'params');
    if (typeof request.body === 'string') {
      // Raw text bodies (NDJSON) are parsed later, item by item; per-item routes clean each item then.
      if (!itemPath) request.body = cleanText(request.body);
      return;
    }
    cleanPart(request, 'body', itemPath ? (path) => itemPath.test(path) : undefined);
  });
}, { name: 'input-text' });
