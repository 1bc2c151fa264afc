// Incident reading beyond its lifecycle: its ambassador signals, the after-action report of a resolved
// incident (JSON, Markdown, PDF; French or English with ?lang=) and the monthly MTTA/MTTR.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { IdParams, responses } from '../schemas/common.js';
import { IncidentReportSchema, IncidentSignalSchema, MonthlyQuery, MonthlySchema, ReportQuery } from '../schemas/incidents.js';

const viewers = { roles: ['crisis', 'comms', 'admin'] } as const;
const reportErrors = [400, 401, 403, 404, 409];

/** ?lang= wins; else the reader's own interface language. */
function langOf(request: FastifyRequest): 'fr' | 'en' {
  return (request.query as { lang?: 'fr' | 'en' }).lang ?? (request.user?.lang === 'fr' ? 'fr' : 'en');
}

/** A file name from the title: ASCII letters and digits only, so the header needs no encoding. */
function fileName(title: string, ext: string): string {
  const slug = title.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || 'incident';
  return `after-action-${slug}.${ext}`;
}

export const incidentRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const reports = deps.services.incidentReports;

  app.get('/api/v1/incidents/:id/signals', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'Ambassador signals filed under the incident\'s watchlists, from 6 h before its first alert', params: IdParams, response: responses({ 200: Type.Object({ items: Type.Array(IncidentSignalSchema) }) }) },
  }, async (request) => ({ items: await reports.signals(request.params.id) }));

  app.get('/api/v1/incidents/:id/report', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'After-action report of a resolved incident (409 while it is open)', params: IdParams, querystring: ReportQuery, response: responses({ 200: IncidentReportSchema }, reportErrors) },
  }, async (request) => reports.document(request.params.id, langOf(request)));

  app.get('/api/v1/incidents/:id/report.md', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'After-action report as a Markdown file', params: IdParams, querystring: ReportQuery, produces: ['text/markdown'], response: responses({ 200: Type.String({ description: 'Markdown' }) }, reportErrors) },
  }, async (request, reply) => {
    const text = await reports.markdown(request.params.id, langOf(request));
    const incident = await deps.services.incidents.get(request.params.id);
    return reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(incident.title, 'md')}"`).send(text);
  });

  app.get('/api/v1/incidents/:id/report.pdf', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'After-action report as a PDF file', params: IdParams, querystring: ReportQuery, produces: ['application/pdf'], response: responses({ 200: Type.String({ description: 'PDF document', contentMediaType: 'application/pdf' }) }, reportErrors) },
  }, async (request, reply) => {
    const pdf = await reports.pdf(request.params.id, langOf(request));
    const incident = await deps.services.incidents.get(request.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(incident.title, 'pdf')}"`).send(pdf);
  });

  app.get('/api/v1/analytics/incidents', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'Mean time to acknowledge and to resolve resolved incidents, per month (UTC) of declaration', querystring: MonthlyQuery, response: responses({ 200: MonthlySchema }, [400, 401, 403]) },
  }, async (request) => ({ items: await reports.monthly(request.query.months ?? 12) }));
};
