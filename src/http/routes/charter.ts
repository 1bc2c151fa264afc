// The ambassador charter and training: comms and admins publish, ambassadors accept and learn.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { actorOf, requireUser } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import {
  AcceptanceSchema, AcceptCharterBody, AnswersBody, CharterSchema, CharterStateSchema, CreateModuleBody, GradeSchema, ModuleSchema,
  ProgrammeReportSchema, PublishCharterBody, UpdateModuleBody,
} from '../schemas/charter.js';

const editors = { roles: ['comms', 'admin'] } as const;

export const charterRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const charter = deps.services.charter;
  const tags = ['charter and training'];

  app.get('/api/v1/charter', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The current charter and whether the caller must accept it', response: responses({ 200: CharterStateSchema }, [401]) },
  }, async (request) => charter.state(requireUser(request)));

  app.post('/api/v1/charter', {
    config: { access: editors },
    schema: { tags, summary: 'Publish a new version (comms, admin): every ambassador accepts it again', body: PublishCharterBody, response: responses({ 201: CharterSchema }, [400, 401, 403, 409]) },
  }, async (request, reply) => reply.status(201).send(await charter.publish(actorOf(request), request.body)));

  app.post('/api/v1/charter/accept', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Accept the version read (409 charter_outdated when it is not the current one)', body: AcceptCharterBody, response: responses({ 200: AcceptanceSchema }, [400, 401, 404, 409]) },
  }, async (request) => charter.accept(requireUser(request), request.body.version));

  app.get('/api/v1/training/modules', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Training modules with the caller\'s completion (editors: all modules, with the answers)', response: responses({ 200: Type.Object({ items: Type.Array(ModuleSchema) }) }, [401]) },
  }, async (request) => ({ items: await charter.modules(requireUser(request)) }));

  app.post('/api/v1/training/modules', {
    config: { access: editors },
    schema: { tags, summary: 'Create a module (comms, admin)', body: CreateModuleBody, response: responses({ 201: ModuleSchema }, [400, 401, 403]) },
  }, async (request, reply) => reply.status(201).send(await charter.createModule(actorOf(request), request.body)));

  app.patch('/api/v1/training/modules/:id', {
    config: { access: editors },
    schema: { tags, summary: 'Edit or unpublish a module (comms, admin)', params: IdParams, body: UpdateModuleBody, response: responses({ 200: ModuleSchema }, [400, 401, 403, 404]) },
  }, async (request) => charter.updateModule(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/training/modules/:id/answers', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Answer the quiz, graded on the server; a pass completes the module', params: IdParams, body: AnswersBody, response: responses({ 200: GradeSchema }, [400, 401, 404]) },
  }, async (request) => charter.answer(requireUser(request), request.params.id, request.body.answers));

  app.get('/api/v1/programme/report', {
    config: { access: editors },
    schema: { tags, summary: 'Charter acceptance and training completion per ambassador and per group (comms, admin)', response: responses({ 200: ProgrammeReportSchema }, [401, 403]) },
  }, async () => charter.report());
};
