// One error format for the whole API: {"error": {"code", "message", "field"?}}. Validation errors name the
// field; oversized bodies are 413; anything unexpected is a logged 500 that leaks nothing.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorObject } from 'ajv';
import { databaseInputError, isDatabaseUnavailable, isRetryableConflict, isStatementTimeout } from '../../db/errors.js';
import { AppError } from '../../shared/errors.js';
import { fieldOf, messageOf } from '../validation.js';

export interface ErrorBody { error: { code: string; message: string; field?: string; [k: string]: unknown } }

export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.status(status).type('application/json').send({ error: { code, message, ...extra } } satisfies ErrorBody);
}

function fromFastifyError(err: FastifyError & { validation?: ErrorObject[]; validationContext?: string }, request: FastifyRequest, reply: FastifyReply) {
  if (err.validation && err.validation.length > 0) {
    const first = err.validation[0]!;
    const field = fieldOf(first, err.validationContext);
    return sendError(reply, 400, 'validation_failed', `${field}: ${messageOf(first)}`, { field });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, 413, 'body_too_large', 'request body is too large');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 400, 'invalid_json', `body: ${err.message}`, { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, 415, 'unsupported_media_type', err.message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return sendError(reply, 400, 'invalid_content_length', err.message);
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return sendError(reply, 429, 'rate_limited', err.message || 'too many requests');
  if (status >= 400 && status < 500) return sendError(reply, status, err.code?.toLowerCase() ?? 'bad_request', err.message);
  request.log.error({ err }, 'request failed');
  return sendError(reply, 500, 'internal_error', 'internal error');
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const extra: Record<string, unknown> = { ...(err.field ? { field: err.field } : {}) };
      const { retryAfterSeconds, ...rest } = err.extra ?? {};
      if (typeof retryAfterSeconds === 'number') reply.header('Retry-After', String(retryAfterSeconds));
      Object.assign(extra, rest);
      if (err.status >= 500) request.log.warn({ code: err.code, msg: err.message }, 'request unavailable');
      return sendError(reply, err.status, err.code, err.message, extra);
    }
    const refused = databaseInputError(err);
    if (refused) {
      request.log.warn({ err: err.message, field: refused.field }, 'database refused an input value');
      const message = refused.field ? `${refused.field}: ${refused.message}` : `input ${refused.message}`;
      return sendError(reply, 400, 'invalid_input', message, refused.field ? { field: refused.field } : {});
    }
    if (isStatementTimeout(err)) {
      request.log.warn({ err: err.message, url: request.routeOptions.url }, 'statement timeout');
      reply.header('Retry-After', '5');
      return sendError(reply, 503, 'timeout', 'the database took too long to answer; narrow the request or retry');
    }
    if (isRetryableConflict(err)) {
      request.log.warn({ err: err.message }, 'transaction conflict (deadlock or serialization failure)');
      reply.header('Retry-After', '1');
      return sendError(reply, 503, 'conflict_retry', 'a concurrent change conflicted with this request; retry it');
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err: err.message }, 'database unavailable');
      reply.header('Retry-After', '5');
      return sendError(reply, 503, 'unavailable', 'the database is unavailable; retry shortly');
    }
    return fromFastifyError(err as FastifyError & { validation?: ErrorObject[] }, request, reply);
  });
  // A POST without a body to a route whose body fields are all optional (ack, resolve) is an empty object.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.routeOptions.schema?.body) request.body = {};
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
});
