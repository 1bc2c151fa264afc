import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, Nullable, responses } from '../schemas/common.js';
import { LangSchema, RoleSchema, UserSchema } from '../schemas/users.js';

const CreateUser = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: RoleSchema,
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 1024 })),
  lang: Type.Optional(LangSchema),
}, { additionalProperties: false });

const PatchUser = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Optional(RoleSchema),
  lang: Type.Optional(LangSchema),
  disabled: Type.Optional(Type.Boolean()),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 1024 })),
}, { additionalProperties: false, minProperties: 1 });

export const userRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const auth = deps.services.auth;

  app.get('/api/v1/users', {
    config: { access: { roles: ['admin', 'comms', 'crisis'] } },
    schema: { tags: ['users'], summary: 'List users', querystring: Type.Object({ role: Type.Optional(RoleSchema) }), response: responses({ 200: Type.Object({ items: Type.Array(UserSchema) }) }, [400, 401, 403]) },
  }, async (request) => ({ items: await auth.listUsers(request.query.role ? { role: request.query.role } : {}) }));

  app.post('/api/v1/users', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Create a user (a password is generated when none is given, and returned once)',
      body: CreateUser,
      response: responses({ 201: Type.Object({ user: UserSchema, generated_password: Nullable(Type.String()) }) }, [400, 401, 403, 409]),
    },
  }, async (request, reply) => {
    const { user, generatedPassword } = await auth.createUser(actorOf(request), request.body);
    return reply.status(201).send({ user, generated_password: generatedPassword });
  });

  app.patch('/api/v1/users/:id', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['users'], summary: 'Change a user (role, name, language, disabled, password)', params: IdParams, body: PatchUser, response: responses({ 200: UserSchema }) },
  }, async (request) => auth.updateUser(actorOf(request), request.params.id, request.body));
};
