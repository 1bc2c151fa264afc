// Domain errors carry a stable code, an HTTP-style status and, for bad input, the field at fault.
// The HTTP layer turns them into {"error": {"code", "message", "field"?}}; domain code never imports Fastify.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (field: string | undefined, message: string, code = 'invalid_input', extra?: Record<string, unknown>) =>
  new AppError(400, code, field ? `${field}: ${message}` : message, field, extra);
export const unauthorized = (message = 'authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'your role does not allow this') => new AppError(403, 'forbidden', message);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, code = 'conflict') => new AppError(409, code, message);
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new AppError(503, 'unavailable', message, undefined, { retryAfterSeconds });
