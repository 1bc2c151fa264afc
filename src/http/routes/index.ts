import type { FastifyPluginAsync } from 'fastify';
import type {} from '@fastify/swagger';
import type { AppDeps } from '../../app.js';
import { alertRoutes } from './alerts.js';
import { authRoutes } from './auth.js';
import { healthRoutes } from './health.js';
import { mentionRoutes } from './mentions.js';
import { policyRoutes } from './policies.js';
import { signalRoutes } from './signals.js';
import { sourceRoutes } from './sources.js';
import { streamRoutes } from './stream.js';
import { userRoutes } from './users.js';
import { watchlistRoutes } from './watchlists.js';

export const apiRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(sourceRoutes, { deps });
  await app.register(mentionRoutes, { deps });
  await app.register(signalRoutes, { deps });
  await app.register(watchlistRoutes, { deps });
  await app.register(alertRoutes, { deps });
  await app.register(policyRoutes, { deps });
  await app.register(streamRoutes, { deps });
};
