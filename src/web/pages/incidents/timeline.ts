// An incident's timeline as a list: what happened, who did it, when; publications with their audience and
// their read rate as it is now.
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { dateTime, number } from '../../format.js';
import { empty } from '../../components/ui.js';
import type { IncidentTimelineEntry } from '../../types.js';

const phase = (p: unknown) => t(`incident.phase.${String(p)}` as Key);
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

function describe(e: IncidentTimelineEntry, names: Map<string, string>): string[] {
  const d = e.details;
  switch (e.type) {
    case 'declared': return [t('timeline.declared')];
    case 'phase': return [t('timeline.phase', { from: phase(d.from), to: phase(d.to) })];
    case 'commander': return [t('timeline.commander', { name: names.get(String(d.user_id)) ?? t('incident.nobody') })];
    case 'comms_lead': return [t('timeline.comms_lead', { name: names.get(String(d.user_id)) ?? t('incident.nobody') })];
    case 'alerts_linked': return [t('timeline.alerts_linked', { count: count(d.alert_ids) })];
    case 'alerts_unlinked': return [t('timeline.alerts_unlinked', { count: count(d.alert_ids) })];
    case 'edited': return [t('timeline.edited')];
    case 'alert_acknowledged': return [t('timeline.alert_acknowledged', { title: String(d.title ?? '') }), ...(d.note ? [`“${String(d.note)}”`] : [])];
    case 'alert_resolved': return [t('timeline.alert_resolved', { title: String(d.title ?? '') })];
    case 'talking_point_published': {
      const recipients = Number(d.recipients ?? 0);
      const to = d.audience === 'all' || !Array.isArray(d.audience) || d.audience.length === 0
        ? t('timeline.to_all', { count: recipients }) : t('timeline.to_groups', { groups: (d.audience as string[]).join(', '), count: recipients });
      const sent = Number(d.sent ?? 0);
      const read = Number(d.read ?? 0);
      return [t('timeline.talking_point_published', { title: String(d.title ?? '') }), to, ...(sent ? [t('timeline.reads', { read, sent, rate: `${number(Math.round((read / sent) * 100))} %` })] : [])];
    }
    default: return [t('timeline.other', { type: e.type })];
  }
}

export function timelineList(entries: IncidentTimelineEntry[], names: Map<string, string>): HTMLElement {
  if (entries.length === 0) return empty(t('incident.no_timeline'));
  return h('ol', { class: 'incident-timeline' }, entries.map((e) => {
    const [main, ...more] = describe(e, names);
    return h('li', { class: `timeline-entry timeline-${e.type}`, 'data-type': e.type },
      h('time', { dateTime: e.at, class: 'timeline-at' }, dateTime(e.at)),
      h('p', { class: 'timeline-text' }, main, e.actor ? h('span', { class: 'timeline-actor' }, ` · ${e.actor.name}`) : null),
      more.map((m) => h('p', { class: 'timeline-more' }, m)));
  }));
}
