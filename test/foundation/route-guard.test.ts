import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { authPlugin } from '../../src/http/plugins/auth.js';
import type { AuthService } from '../../src/auth/service.js';

const auth = { authenticate: async () => null } as unknown as AuthService;

describe('route guard', () => {
  it('refuses to start when a route has no explicit access rule', async () => {
    const app = Fastify();
    await app.register(authPlugin, { auth });
    const boot = async () => {
      await app.register(async (scope) => {
        scope.get('/api/v1/forgotten', async () => ({ secret: true }));
      });
      await app.ready();
    };
    await expect(boot()).rejects.toThrow(/GET \/api\/v1\/forgotten has no access rule/);
  });

  it('starts when every route declares its rule', async () => {
    const app = Fastify();
    await app.register(authPlugin, { auth });
    await app.register(async (scope) => {
      scope.get('/api/v1/declared', { config: { access: { roles: ['admin'] } } }, async () => ({ ok: true }));
    });
    await app.ready();
    expect((await app.inject({ url: '/api/v1/declared' })).statusCode).toBe(401);
  });
});
