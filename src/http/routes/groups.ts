import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import { AddMembersBody, CreateGroupBody, GroupDetailSchema, GroupSchema, MemberParams, UpdateGroupBody } from '../schemas/talking-points.js';

const admins = { roles: ['admin'] } as const;
// Drafters choose audiences, so they may read groups; only admins change them.
const readers = { roles: ['admin', 'comms', 'crisis'] } as const;

export const groupRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const groups = deps.services.groups;
  const tags = ['groups'];

  app.post('/api/v1/groups', {
    config: { access: admins },
    schema: { tags, summary: 'Create an audience group (team, department, language, other)', body: CreateGroupBody, response: responses({ 201: GroupSchema }, [400, 401, 403, 409]) },
  }, async (request, reply) => reply.status(201).send(await groups.create(actorOf(request), request.body)));

  app.get('/api/v1/groups', {
    config: { access: readers },
    schema: { tags, summary: 'All groups with their member counts', response: responses({ 200: Type.Object({ items: Type.Array(GroupSchema) }) }, [401, 403]) },
  }, async () => ({ items: await groups.list() }));

  app.get('/api/v1/groups/:id', {
    config: { access: readers },
    schema: { tags, summary: 'A group with its members', params: IdParams, response: responses({ 200: GroupDetailSchema }) },
  }, async (request) => groups.get(request.params.id));

  app.patch('/api/v1/groups/:id', {
    config: { access: admins },
    schema: { tags, summary: 'Rename a group or change its kind', params: IdParams, body: UpdateGroupBody, response: responses({ 200: GroupSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => groups.update(actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/groups/:id', {
    config: { access: admins },
    schema: { tags, summary: 'Delete a group (its members stay users)', params: IdParams, response: responses({ 204: Type.Null() }) },
  }, async (request, reply) => {
    await groups.remove(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/groups/:id/members', {
    config: { access: admins },
    schema: { tags, summary: 'Add users to a group (already members are kept once)', params: IdParams, body: AddMembersBody, response: responses({ 200: GroupDetailSchema }) },
  }, async (request) => groups.addMembers(actorOf(request), request.params.id, request.body.user_ids));

  app.delete('/api/v1/groups/:id/members/:user_id', {
    config: { access: admins },
    schema: { tags, summary: 'Remove a user from a group', params: MemberParams, response: responses({ 204: Type.Null() }) },
  }, async (request, reply) => {
    await groups.removeMember(actorOf(request), request.params.id, request.params.user_id);
    return reply.status(204).send(null);
  });
};
