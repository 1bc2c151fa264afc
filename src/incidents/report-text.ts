// The after-action report's words in French and English, the duration and date formats, and the Markdown
// rendering. The PDF (report-pdf.ts) uses the same words and formats so both files say the same.
import type { Lang } from '../notify/types.js';
import type { ReportFigures } from './report.js';

export interface ReportDocument {
  lang: Lang;
  generated_at: string;
  incident: { id: string; title: string; summary: string | null; declared_by: string | null; commander: string | null; comms_lead: string | null };
  figures: ReportFigures;
}

const WORDS = {
  en: {
    title: 'After-action report', incident: 'Incident', summary: 'Summary', generated: 'Generated', people: 'People',
    declared_by: 'Declared by', commander: 'Commander', comms_lead: 'Comms lead', nobody: '—',
    timeline: 'Timeline', key_times: 'Key times', not_reached: 'not reached',
    first_mention: 'First negative mention', first_signal: 'First ambassador signal', first_alert: 'First alert', declared: 'Incident declared',
    first_ack: 'First acknowledgement', first_publication: 'First talking point published', resolved: 'Resolved',
    detect: 'Time to detect (first mention → first alert)', signal_lead: 'Ambassadors ahead of the first alert by', ack: 'Time to acknowledge',
    publication: 'Time to first published talking point', resolve: 'Time to resolve',
    reads: 'Read rate by group', group: 'Group', sent: 'Sent', read: 'Read', rate: 'Rate', no_group: 'No group', total: 'Total', no_reads: 'No talking point was sent.',
    chart: 'Volume and negativity', volume: 'Mentions', negative: 'Negative', alert_mark: 'Alert', publication_mark: 'Publication', no_data: 'No mentions recorded in this window.',
    counts: '{alerts} alert(s), {signals} ambassador signal(s), {publications} publication(s)', marks: 'Marked on the chart',
  },
  fr: {
    title: 'Rapport post-incident', incident: 'Incident', summary: 'Résumé', generated: 'Généré le', people: 'Équipe',
    declared_by: 'Déclaré par', commander: 'Responsable', comms_lead: 'Responsable communication', nobody: '—',
    timeline: 'Chronologie', key_times: 'Délais clés', not_reached: 'non atteint',
    first_mention: 'Première mention négative', first_signal: 'Premier signal d’ambassadeur', first_alert: 'Première alerte', declared: 'Incident déclaré',
    first_ack: 'Première prise en charge', first_publication: 'Premier élément de langage publié', resolved: 'Résolu',
    detect: 'Délai de détection (première mention → première alerte)', signal_lead: 'Avance des ambassadeurs sur la première alerte', ack: 'Délai de prise en charge',
    publication: 'Délai du premier élément de langage publié', resolve: 'Délai de résolution',
    reads: 'Taux de lecture par groupe', group: 'Groupe', sent: 'Envoyés', read: 'Lus', rate: 'Taux', no_group: 'Sans groupe', total: 'Total', no_reads: 'Aucun élément de langage envoyé.',
    chart: 'Volume et négativité', volume: 'Mentions', negative: 'Négatives', alert_mark: 'Alerte', publication_mark: 'Publication', no_data: 'Aucune mention enregistrée sur cette période.',
    counts: '{alerts} alerte(s), {signals} signal(aux) d’ambassadeur, {publications} publication(s)', marks: 'Repères du graphique',
  },
} as const;
export type ReportWord = keyof typeof WORDS.en;

export function words(lang: Lang): Record<ReportWord, string> {
  return WORDS[lang];
}

/** 45 s, 12 min, 1 h 05 min, 2 d 3 h (j in French); negative spans are shown as such. */
export function formatDuration(seconds: number | null, lang: Lang): string {
  if (seconds === null) return words(lang).not_reached;
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${sign}${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${sign}${Math.floor(h / 24)} ${lang === 'fr' ? 'j' : 'd'} ${h % 24} h`;
}

/** A fixed, unambiguous UTC format, the same in both languages' files: 2026-01-05 09:12 UTC. */
export function formatTime(at: string | null, lang: Lang): string {
  if (!at) return words(lang).not_reached;
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

export const MILESTONES = ['first_mention', 'first_signal', 'first_alert', 'declared', 'first_ack', 'first_publication', 'resolved'] as const;
export const DURATIONS = [['detect', 'detect_seconds'], ['signal_lead', 'signal_lead_seconds'], ['ack', 'ack_seconds'], ['publication', 'first_publication_seconds'], ['resolve', 'resolve_seconds']] as const;

/** Markdown text cannot carry a table-breaking pipe or a line break from a title. */
const cell = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');

const BARS = '▁▂▃▄▅▆▇█';
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1)))])).join('');
}

export function renderMarkdown(doc: ReportDocument): string {
  const w = words(doc.lang);
  const f = doc.figures;
  const lines: string[] = [
    `# ${w.title} — ${cell(doc.incident.title)}`, '',
    `${w.generated} ${formatTime(doc.generated_at, doc.lang)} · ${fill(w.counts, { alerts: f.alerts, signals: f.signals, publications: f.publications })}`, '',
  ];
  if (doc.incident.summary) lines.push(`> ${cell(doc.incident.summary)}`, '');
  lines.push(`## ${w.people}`, '',
    `- ${w.declared_by}: ${doc.incident.declared_by ?? w.nobody}`, `- ${w.commander}: ${doc.incident.commander ?? w.nobody}`, `- ${w.comms_lead}: ${doc.incident.comms_lead ?? w.nobody}`, '',
    `## ${w.key_times}`, '', `| | |`, `|---|---|`,
    ...DURATIONS.map(([label, key]) => `| ${w[label]} | ${formatDuration(f.durations[key], doc.lang)} |`), '',
    `## ${w.timeline}`, '', `| | |`, `|---|---|`,
    ...MILESTONES.map((m) => `| ${w[m]} | ${formatTime(f.milestones[m], doc.lang)} |`), '',
    `## ${w.reads}`, '');
  if (f.read_total.sent === 0) lines.push(w.no_reads, '');
  else {
    lines.push(`| ${w.group} | ${w.sent} | ${w.read} | ${w.rate} |`, '|---|---:|---:|---:|',
      ...f.read_rates.map((g) => `| ${cell(g.group ?? w.no_group)} | ${g.sent} | ${g.read} | ${formatRate(g.rate)} |`),
      `| **${w.total}** | ${f.read_total.sent} | ${f.read_total.read} | ${formatRate(f.read_total.rate)} |`, '');
  }
  lines.push(`## ${w.chart}`, '');
  if (f.series.length === 0) lines.push(w.no_data, '');
  else {
    lines.push(`${formatTime(f.series[0]!.t, doc.lang)} → ${formatTime(f.series[f.series.length - 1]!.t, doc.lang)}`, '', '```',
      `${w.volume.padEnd(10)} ${sparkline(f.series.map((p) => p.count))}`, `${w.negative.padEnd(10)} ${sparkline(f.series.map((p) => p.negative))}`, '```', '');
  }
  if (f.markers.length) {
    lines.push(`${w.marks}:`, '', ...f.markers.map((m) => `- ${formatTime(m.at, doc.lang)} — ${m.kind === 'alert' ? w.alert_mark : w.publication_mark}: ${cell(m.label)}`), '');
  }
  return lines.join('\n');
}
