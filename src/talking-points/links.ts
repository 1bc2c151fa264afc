// A point may link to an incident, alerts and audience groups: each must exist when it is set. An edit
// checks only the links it changes, so a group deleted since does not block fixing a typo in the body.
// A point about alerts that all belong to one incident joins that incident unless one was chosen.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { badRequest } from '../shared/errors.js';
import type { Content } from './content.js';
import { linksRepository } from './links-repository.js';

export type LinkField = 'incident_id' | 'alert_ids' | 'audience';
export const ALL_LINKS: ReadonlySet<LinkField> = new Set(['incident_id', 'alert_ids', 'audience']);

export async function checkLinks(db: Kysely<DB>, content: Content, options: { inheritIncident: boolean; check: ReadonlySet<LinkField> }): Promise<Content> {
  let incidentId = content.incident_id;
  if (incidentId && options.check.has('incident_id') && !(await linksRepository.incident(db, incidentId))) throw badRequest('incident_id', 'no such incident');
  if (options.check.has('alert_ids') || options.inheritIncident) {
    const alerts = await linksRepository.alerts(db, content.alert_ids);
    const missing = content.alert_ids.filter((id) => !alerts.some((a) => a.id === id));
    if (missing.length > 0 && options.check.has('alert_ids')) throw badRequest('alert_ids', `no such alert: ${missing.join(', ')}`);
    if (!incidentId && options.inheritIncident) {
      const incidents = new Set(alerts.map((a) => a.incident_id));
      const only = incidents.size === 1 ? [...incidents][0] : null;
      if (only) incidentId = only;
    }
  }
  if (options.check.has('audience')) {
    const groupIds = content.audience.group_ids ?? [];
    const groups = await linksRepository.existingGroupIds(db, groupIds);
    const unknown = groupIds.filter((id) => !groups.has(id));
    if (unknown.length > 0) throw badRequest('audience.group_ids', `no such group: ${unknown.join(', ')}`);
  }
  return { ...content, incident_id: incidentId };
}
