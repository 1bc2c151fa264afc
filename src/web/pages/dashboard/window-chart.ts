// A small SVG chart of one alert's own window: mentions and negative mentions per bucket around it, the
// alert window shaded, and the usual range of the day before as a band. Geometry is pure (tested); the
// drawing uses attributes and classes only, never inline styles, so it stays within the strict CSP.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime, number } from '../../format.js';
import type { EvidenceSeries } from '../../types.js';

export const CHART_W = 600;
export const CHART_H = 160;
const PAD = { top: 8, right: 8, bottom: 18, left: 32 };

export interface WindowGeometry {
  max: number;
  volume: string;
  negative: string;
  band: { y: number; height: number };
  median: number;
  window: { x: number; width: number };
  inside: number;
  total: number;
}

/** Paths and rectangles in the chart's viewBox (CHART_W × CHART_H). */
export function windowGeometry(series: EvidenceSeries, window: { start: string; end: string }): WindowGeometry {
  const from = Date.parse(series.from);
  const to = Math.max(Date.parse(series.to), from + 1);
  const bucketMs = series.bucket_seconds * 1000;
  const max = Math.max(4, series.band.high, ...series.points.map((p) => p.count)) * 1.1;
  const plotW = CHART_W - PAD.left - PAD.right;
  const plotH = CHART_H - PAD.top - PAD.bottom;
  const x = (ms: number) => PAD.left + ((Math.min(Math.max(ms, from), to) - from) / (to - from)) * plotW;
  const y = (v: number) => PAD.top + plotH - (Math.min(v, max) / max) * plotH;
  const path = (values: number[]) => series.points.map((p, i) => `${i ? 'L' : 'M'}${round(x(Date.parse(p.t) + bucketMs / 2))},${round(y(values[i]!))}`).join(' ');
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  return {
    max,
    volume: path(series.points.map((p) => p.count)),
    negative: path(series.points.map((p) => p.negative)),
    band: { y: round(y(series.band.high)), height: round(Math.max(1, y(series.band.low) - y(series.band.high))) },
    median: round(y(series.band.median)),
    window: { x: round(x(start)), width: round(Math.max(2, x(end) - x(start))) },
    inside: series.points.filter((p) => Date.parse(p.t) >= start && Date.parse(p.t) < end).reduce((n, p) => n + p.count, 0),
    total: series.points.reduce((n, p) => n + p.count, 0),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>, ...children: (SVGElement | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

export function windowChart(series: EvidenceSeries, window: { start: string; end: string }): HTMLElement {
  const g = windowGeometry(series, window);
  const summary = t('evidence.chart_summary', {
    total: number(g.total), from: dateTime(series.from), to: dateTime(series.to), inside: number(g.inside),
    low: number(series.band.low, 1), high: number(series.band.high, 1),
  });
  const plotRight = CHART_W - PAD.right;
  const chart = svg('svg', { viewBox: `0 0 ${CHART_W} ${CHART_H}`, class: 'window-chart', role: 'img', 'aria-label': summary, 'data-testid': 'evidence-chart' },
    svg('title', {}, summary),
    svg('rect', { class: 'wc-band', x: PAD.left, y: g.band.y, width: plotRight - PAD.left, height: g.band.height }),
    svg('line', { class: 'wc-median', x1: PAD.left, x2: plotRight, y1: g.median, y2: g.median }),
    svg('rect', { class: 'wc-window', x: g.window.x, y: PAD.top, width: g.window.width, height: CHART_H - PAD.top - PAD.bottom }),
    svg('line', { class: 'wc-axis', x1: PAD.left, x2: plotRight, y1: CHART_H - PAD.bottom, y2: CHART_H - PAD.bottom }),
    svg('text', { class: 'wc-label', x: PAD.left - 4, y: PAD.top + 10, 'text-anchor': 'end' }, number(Math.floor(g.max))),
    svg('text', { class: 'wc-label', x: PAD.left - 4, y: CHART_H - PAD.bottom, 'text-anchor': 'end' }, '0'),
    svg('text', { class: 'wc-label', x: PAD.left, y: CHART_H - 4 }, dateTime(series.from)),
    svg('text', { class: 'wc-label', x: plotRight, y: CHART_H - 4, 'text-anchor': 'end' }, dateTime(series.to)),
    svg('path', { class: 'wc-volume', d: g.volume }),
    svg('path', { class: 'wc-negative', d: g.negative }));
  const legend = h('div', { class: 'chart-legend', 'aria-hidden': 'true' },
    h('span', { class: 'legend-item legend-volume' }, t('chart.volume')),
    h('span', { class: 'legend-item legend-negative' }, t('chart.negative')),
    h('span', { class: 'legend-item legend-band' }, t('evidence.band')),
    h('span', { class: 'legend-item legend-window' }, t('evidence.window')));
  const figure = h('figure', { class: 'window-chart-figure' }, legend, h('figcaption', { class: 'chart-summary' }, summary));
  figure.insertBefore(chart, figure.lastChild);
  return figure;
}
