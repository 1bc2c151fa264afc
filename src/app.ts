// buildApp(deps) assembles the Fastify instance: plugins, routes, the web app. It never listens;
// main.ts does, and tests use app.inject() / injectWS().
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './http/deps.js';
import { authPlugin } from './http/plugins/auth.js';
import { errorsPlugin, sendError } from './http/plugins/errors.js';
import { inputTextPlugin } from './http/plugins/input-text.js';
import { metricsPlugin } from './http/plugins/metrics.js';
import { postgresRateLimitStore } from './http/plugins/rate-limit-store.js';
import { apiRoutes } from './http/routes/index.js';
import { webRoutes } from './http/routes/web.js';
import { validatorCompiler } from './http/validation.js';

export type { AppDeps } from './http/deps.js';

/** sha256 of the inline style @fastify/swagger-ui 6.1's bundle inserts (see the /docs CSP below). */
const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.config.http.body_limit_bytes,
    trustProxy: deps.config.http.trust_proxy,
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
    // A URL Fastify cannot decode (malformed percent-encoding, a lone surrogate's bytes) is answered in the
    // API's one error format rather than Fastify's own.
    frameworkErrors: (_error, _request, reply) => {
      sendError(reply, 400, 'bad_request', 'the request URL is malformed (invalid percent-encoding)');
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  await app.register(errorsPlugin);
  await app.register(inputTextPlugin);
  await app.register(metricsPlugin, { metrics: deps.metrics });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(deps.database.db) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Pilotfish API', version: '1', description: 'Social listening, crisis alerts and talking points.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  // /docs gets the app's own strict policy (no https: wildcard, no third-party validator image, no inline
  // script); the one exception is the single <style> element the swagger-ui bundle inserts at start-up,
  // allowed by its hash (a test in Chromium fails on any violation, so an upgrade that changes it shows).
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    validatorUrl: false,
    staticCSP: {
      'default-src': ["'self'"], 'base-uri': ["'none'"], 'object-src': ["'none'"], 'frame-ancestors': ["'none'"], 'form-action': ["'self'"],
      'script-src': ["'self'"], 'script-src-attr': ["'none'"], 'style-src': ["'self'", "'report-sample'", SWAGGER_UI_STYLE_HASH],
      'img-src': ["'self'", 'data:'], 'font-src': ["'self'", 'data:'], 'connect-src': ["'self'"],
    },
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(authPlugin, { auth: deps.services.auth, ...(deps.resolveIngestToken ? { resolveIngestToken: deps.resolveIngestToken } : {}) });
  await app.register(apiRoutes, { deps });
  // Last, so that every API route is matched before the static files' wildcard.
  await app.register(webRoutes, { auth: deps.services.auth, ...(deps.webRoot ? { root: deps.webRoot } : {}) });
  return app as unknown as FastifyInstance;
}
