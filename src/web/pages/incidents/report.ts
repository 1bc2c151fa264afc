// The after-action report of a resolved incident on its page: key times, moments, read rate by group, the
// volume/negativity chart with alerts and publications marked, and the Markdown and PDF downloads.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { getLang, t, type Key } from '../../i18n.js';
import { dateTime, duration, number } from '../../format.js';
import { card, empty, errorState, field, loading, select } from '../../components/ui.js';
import type { IncidentReport, Lang } from '../../types.js';

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Volume and negative mentions as two lines, alerts and publications as vertical marks (SVG attributes, no inline style). */
export function reportChart(r: IncidentReport): Element {
  const { series, markers } = r.figures;
  if (series.length === 0) return empty(t('report.no_data'));
  const W = 640, H = 180, P = 24;
  const t0 = Date.parse(series[0]!.t);
  const step = series.length > 1 ? Date.parse(series[1]!.t) - t0 : 300_000;
  const t1 = Math.max(Date.parse(series[series.length - 1]!.t) + step, ...markers.map((m) => Date.parse(m.at)));
  const max = Math.max(1, ...series.map((p) => p.count));
  const x = (at: number) => P + ((at - t0) / Math.max(1, t1 - t0)) * (W - 2 * P);
  const y = (v: number) => H - P - (v / max) * (H - 2 * P);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'report-chart', role: 'img', 'aria-label': t('report.chart_label') });
  root.append(svg('rect', { x: P, y: P, width: W - 2 * P, height: H - 2 * P, class: 'chart-frame' }));
  for (const m of markers) {
    const line = svg('line', { x1: x(Date.parse(m.at)), x2: x(Date.parse(m.at)), y1: P, y2: H - P, class: `chart-mark chart-mark-${m.kind}` });
    const title = svg('title', {});
    title.textContent = `${t(m.kind === 'alert' ? 'report.alert_mark' : 'report.publication_mark')} · ${dateTime(m.at)} · ${m.label}`;
    line.append(title);
    root.append(line);
  }
  for (const key of ['count', 'negative'] as const) {
    // Each bucket is a flat step over its interval, so a single bucket still shows.
    const points = series.flatMap((p) => [Date.parse(p.t), Date.parse(p.t) + step].map((at) => `${x(at).toFixed(1)},${y(p[key]).toFixed(1)}`));
    root.append(svg('polyline', { points: points.join(' '), class: `chart-line chart-line-${key}` }));
  }
  const label = svg('text', { x: 2, y: P + 4, class: 'chart-axis' });
  label.textContent = String(max);
  root.append(label);
  return h('figure', { class: 'report-figure' }, root,
    h('figcaption', { class: 'chart-legend' },
      h('span', { class: 'legend-item legend-volume' }, t('chart.volume')), h('span', { class: 'legend-item legend-negative' }, t('chart.negative')),
      h('span', { class: 'legend-item legend-alert' }, t('report.alert_mark')), h('span', { class: 'legend-item legend-publication' }, t('report.publication_mark'))));
}

const DURATIONS: [Key, keyof IncidentReport['figures']['durations']][] = [
  ['report.detect', 'detect_seconds'], ['report.signal_lead', 'signal_lead_seconds'], ['report.ack', 'ack_seconds'],
  ['report.publication', 'first_publication_seconds'], ['report.resolve', 'resolve_seconds'],
];
const MILESTONES = ['first_mention', 'first_signal', 'first_alert', 'declared', 'first_ack', 'first_publication', 'resolved'] as const;
const rate = (r: number | null) => (r === null ? '—' : `${number(Math.round(r * 100))} %`);

function readTable(r: IncidentReport): HTMLElement {
  const f = r.figures;
  if (f.read_total.sent === 0) return empty(t('report.no_reads'));
  const row = (name: string, g: { sent: number; read: number; rate: number | null }, cls = '') => h('tr', { class: cls },
    h('td', null, name), h('td', { class: 'num' }, number(g.sent)), h('td', { class: 'num' }, number(g.read)), h('td', { class: 'num' }, rate(g.rate)));
  return h('table', { class: 'table report-reads' },
    h('thead', null, h('tr', null, ...(['report.group', 'report.sent', 'report.read', 'report.rate'] as Key[]).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, f.read_rates.map((g) => row(g.group ?? t('report.no_group'), g)), row(t('report.total'), f.read_total, 'total-row')));
}

export function reportSection(incidentId: string): HTMLElement {
  const lang = select([{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }], { class: 'input input-sm' });
  lang.value = getLang();
  const link = (format: 'md' | 'pdf') => h('a', { class: 'btn btn-secondary btn-sm', download: '', 'data-format': format }, t(format === 'md' ? 'report.download_md' : 'report.download_pdf'));
  const links = [link('md'), link('pdf')];
  const setLinks = () => { for (const a of links) a.href = `/api/v1/incidents/${encodeURIComponent(incidentId)}/report.${a.dataset.format}?lang=${lang.value as Lang}`; };
  lang.addEventListener('change', setLinks);
  setLinks();
  const body = h('div', { class: 'report-body' }, loading());
  const element = card(t('report.title'), body, h('div', { class: 'report-downloads' }, field(t('report.language'), lang, { class: 'field-inline' }), ...links), 'report');
  async function load(): Promise<void> {
    try {
      const r = await api.get<IncidentReport>(`/api/v1/incidents/${encodeURIComponent(incidentId)}/report?lang=${getLang()}`);
      const f = r.figures;
      mount(body,
        h('div', { class: 'stat-row report-stats' }, DURATIONS.map(([label, key]) => h('div', { class: 'stat', 'data-figure': key },
          h('span', { class: 'stat-value' }, f.durations[key] === null ? t('report.not_reached') : duration(f.durations[key])), h('span', { class: 'stat-label' }, t(label))))),
        h('h3', { class: 'section-title' }, t('report.chart')), reportChart(r),
        h('h3', { class: 'section-title' }, t('report.milestones')),
        h('dl', { class: 'kv' }, MILESTONES.map((m) => [h('dt', null, t(`report.${m}` as Key)), h('dd', null, f.milestones[m] ? dateTime(f.milestones[m]) : t('report.not_reached'))])),
        h('h3', { class: 'section-title' }, t('report.reads')), readTable(r));
    } catch (err) {
      mount(body, errorState(err, () => void load()));
    }
  }
  void load();
  return element;
}
