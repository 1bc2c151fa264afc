// The words of a push notification, in the recipient's language. A notification is a title and one or
// two lines: the rest is one tap away (the URL opens the point or the alert in the app).
import type { Lang } from '../notify/types.js';

export interface PushMessage { title: string; body: string; url: string; tag: string }

const TEXTS = {
  en: { point: (t: string) => `Talking point: ${t}`, updated: (t: string, v: number) => `Updated talking point (v${v}): ${t}`, alert: (sev: string, t: string) => `${sev} alert: ${t}`, severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } },
  fr: { point: (t: string) => `Élément de langage : ${t}`, updated: (t: string, v: number) => `Élément de langage mis à jour (v${v}) : ${t}`, alert: (sev: string, t: string) => `Alerte ${sev} : ${t}`, severities: { low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique' } },
} as const;

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export function talkingPointPush(point: { id: string; lineage_id: string; version: number; title: string; body: string }, lang: Lang, baseUrl: string): PushMessage {
  const t = TEXTS[lang];
  return {
    title: clip(point.version > 1 ? t.updated(point.title, point.version) : t.point(point.title), 120),
    body: clip(point.body, 240),
    url: `${baseUrl}/#/field/point/${encodeURIComponent(point.id)}`,
    tag: `tp-${point.lineage_id}`, // a new version replaces the old notification instead of stacking
  };
}

export function alertPush(alert: { id: string; title: string; severity: 'low' | 'medium' | 'high' | 'critical'; summary: string }, lang: Lang, baseUrl: string): PushMessage {
  const t = TEXTS[lang];
  return {
    title: clip(t.alert(t.severities[alert.severity], alert.title), 120),
    body: clip(alert.summary, 240),
    url: `${baseUrl}/#/alerts/${encodeURIComponent(alert.id)}`,
    tag: `alert-${alert.id}`,
  };
}
