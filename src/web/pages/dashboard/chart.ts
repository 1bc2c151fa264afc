// Volume and negativity per watchlist over time (uPlot), with the alerts raised on it marked as vertical
// lines in their severity colour. A text summary beside the canvas says the same for screen readers.
import type uPlot from 'uplot';
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime, number } from '../../format.js';
import { empty, errorState, field, isMissingEndpoint, loading, notAvailable, select } from '../../components/ui.js';
import type { Alert, AlertDetail, Items, Series, Watchlist } from '../../types.js';
import { loadUPlot } from '../../vendor.js';

// The API returns at most 4,032 buckets (two weeks of 5-minute buckets), so the longest range is a week.
const RANGES: { id: string; hours: number }[] = [{ id: '24h', hours: 24 }, { id: '7d', hours: 168 }];
const MAX_DRAWN_POINTS = 200;

/**
 * The API sends only the buckets that saw mentions. Fill the silent ones with zeros from `since` to now
 * (a flat line is information too), and merge neighbours so a week stays readable.
 */
export function densify(series: Series, sinceMs: number, nowMs: number): { xs: number[]; counts: number[]; negatives: number[] } {
  const step = Math.max(60, series.bucket_seconds) * 1000;
  const start = Math.floor(sinceMs / step) * step;
  const slots = Math.max(1, Math.ceil((nowMs - start) / step));
  const merge = Math.max(1, Math.ceil(slots / MAX_DRAWN_POINTS));
  const size = Math.ceil(slots / merge);
  const counts = new Array<number>(size).fill(0);
  const negatives = new Array<number>(size).fill(0);
  for (const p of series.points) {
    const i = Math.floor((new Date(p.t).getTime() - start) / step / merge);
    if (i < 0 || i >= size) continue;
    counts[i]! += p.count;
    negatives[i]! += p.negative;
  }
  const xs = counts.map((_, i) => (start + i * merge * step) / 1000);
  return { xs, counts, negatives };
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function alertMarkers(series: Series): uPlot.Plugin {
  return {
    hooks: {
      draw: [(u: uPlot) => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const alert of series.alerts) {
          const x = Math.round(u.valToPos(new Date(alert.opened_at).getTime() / 1000, 'x', true));
          if (x < bbox.left || x > bbox.left + bbox.width) continue;
          ctx.strokeStyle = cssVar(`--sev-${alert.severity}`, '#c2410c');
          ctx.fillStyle = ctx.strokeStyle;
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          const s = 6 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x - s, bbox.top);
          ctx.lineTo(x + s, bbox.top);
          ctx.lineTo(x, bbox.top + s * 1.4);
          ctx.closePath();
          ctx.fill();
        }
        ctx.restore();
      }],
    },
  };
}

export interface WatchlistChart {
  element: HTMLElement;
  refresh(watchlistId?: string | null): void;
  /** Follows a selected alert: its watchlist, zoomed on its window (fetched when the alert lacks it). */
  focus(alert: Alert): void;
  /** Shows this watchlist unless the user picked one or an alert is focused (the most urgent alert's, at first). */
  prefer(watchlistId: string): void;
  destroy(): void;
}

/** The range shown around an alert: its window, as long again before and half as long after (at least 3 h and 1 h). */
export function focusRange(window: { start: string; end: string }, nowMs: number): { since: number; until: number } {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  const span = Math.max(end - start, 0);
  return { since: start - Math.max(span, 3 * 3_600_000), until: Math.min(nowMs, end + Math.max(span / 2, 3_600_000)) };
}

export function createWatchlistChart(): WatchlistChart {
  let plot: uPlot | null = null;
  let watchlistId: string | null = null;
  let rangeHours = 24;
  let focused: { since: number; until: number; openedAt: string } | null = null;
  const focusNote = h('p', { class: 'chart-focus', hidden: true });
  const wlSelect = select([], { class: 'input input-sm' });
  const rangeSelect = select(RANGES.map((r) => ({ value: String(r.hours), label: t(`chart.range_${r.id}` as 'chart.range_24h' | 'chart.range_7d') })), { class: 'input input-sm' });
  const canvasHost = h('div', { class: 'chart-host', role: 'img' });
  const summary = h('p', { class: 'chart-summary' });
  const legend = h('div', { class: 'chart-legend', 'aria-hidden': 'true' },
    h('span', { class: 'legend-item legend-volume' }, t('chart.volume')),
    h('span', { class: 'legend-item legend-negative' }, t('chart.negative')),
    h('span', { class: 'legend-item legend-alert' }, t('chart.alerts')));
  const body = h('div', { class: 'chart-body' }, loading());
  const controls = h('div', { class: 'chart-controls' }, field(t('chart.watchlist'), wlSelect, { class: 'field-inline' }), field(t('chart.range'), rangeSelect, { class: 'field-inline' }));
  const element = h('div', { class: 'chart' }, controls, focusNote, body);
  const resize = new ResizeObserver(() => {
    if (plot) plot.setSize({ width: Math.max(200, canvasHost.clientWidth), height: plot.height });
  });
  resize.observe(element);

  let userChose = false;
  wlSelect.addEventListener('change', () => { userChose = true; watchlistId = wlSelect.value; unfocus(); });
  rangeSelect.addEventListener('change', () => { rangeHours = Number(rangeSelect.value); unfocus(); });

  function unfocus(): void {
    focused = null;
    focusNote.hidden = true;
    void loadSeries();
  }

  function showFocus(): void {
    if (!focused) return;
    mount(focusNote, h('span', null, t('chart.focus', { time: dateTime(focused.openedAt) })),
      h('button', { type: 'button', class: 'btn btn-ghost btn-sm', onclick: unfocus }, t('chart.unfocus')));
    focusNote.hidden = false;
  }

  async function loadWatchlists(): Promise<void> {
    try {
      const { items } = await api.get<Items<Watchlist>>('/api/v1/watchlists');
      const enabled = items.filter((w) => w.enabled);
      if (enabled.length === 0) {
        mount(body, empty(t('chart.no_watchlists'), t('chart.no_watchlists_hint')));
        controls.hidden = true;
        return;
      }
      controls.hidden = false;
      mount(wlSelect, ...enabled.map((w) => h('option', { value: w.id }, w.name)));
      watchlistId = watchlistId && enabled.some((w) => w.id === watchlistId) ? watchlistId : enabled[0]!.id;
      wlSelect.value = watchlistId;
      await loadSeries();
    } catch (err) {
      mount(body, errorState(err, () => void loadWatchlists()));
    }
  }

  async function loadSeries(): Promise<void> {
    if (!watchlistId) return;
    const untilMs = focused ? focused.until : Date.now();
    const since = new Date(focused ? focused.since : Date.now() - rangeHours * 3_600_000).toISOString();
    const until = new Date(untilMs).toISOString();
    try {
      const [series, UPlot] = await Promise.all([
        api.get<Series>(`/api/v1/watchlists/${encodeURIComponent(watchlistId)}/series${qs({ since, until })}`),
        loadUPlot(),
      ]);
      draw(series, UPlot, Date.parse(since), untilMs);
    } catch (err) {
      plot?.destroy();
      plot = null;
      mount(body, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void loadSeries()));
    }
  }

  function draw(series: Series, UPlot: typeof uPlot, sinceMs: number, untilMs: number): void {
    plot?.destroy();
    plot = null;
    const total = series.points.reduce((s, p) => s + p.count, 0);
    const negative = series.points.reduce((s, p) => s + p.negative, 0);
    summary.textContent = t('chart.summary', { total: number(total), negative: number(negative), alerts: number(series.alerts.length) });
    canvasHost.setAttribute('aria-label', summary.textContent);
    if (series.points.length === 0 && series.alerts.length === 0) {
      mount(body, empty(t('chart.no_data'), t('chart.no_data_hint')));
      return;
    }
    mount(body, legend, canvasHost, summary);
    const nowSec = untilMs / 1000;
    const { xs, counts, negatives } = densify(series, sinceMs, untilMs);
    const data: uPlot.AlignedData = [xs, counts, negatives];
    const volume = cssVar('--chart-volume', '#2563eb');
    const neg = cssVar('--chart-negative', '#dc2626');
    const axis = { stroke: cssVar('--text-muted', '#5b6474'), grid: { stroke: cssVar('--border-soft', '#eef0f3'), width: 1 }, ticks: { show: false } };
    plot = new UPlot({
      width: Math.max(200, canvasHost.clientWidth || 600),
      height: 240,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // The x axis runs to now (or the end of a focused alert's range), so an alert raised a moment ago is inside the plot.
      scales: { x: { time: true, range: () => [xs[0] ?? nowSec - 3600, nowSec] }, y: { range: (_u: uPlot, _min: number, max: number) => [0, Math.max(4, max * 1.15)] } },
      axes: [{ ...axis }, { ...axis, size: 44 }],
      series: [
        {},
        { label: t('chart.volume'), stroke: volume, fill: `${volume}22`, width: 2, points: { show: false } },
        { label: t('chart.negative'), stroke: neg, width: 2, points: { show: false } },
      ],
      plugins: [alertMarkers(series)],
    }, data, canvasHost);
  }

  const ready = loadWatchlists();

  /** Selects a watchlist of the list; false when it is not there (disabled or deleted). */
  function pick(id: string): boolean {
    if (![...wlSelect.options].some((o) => o.value === id)) return false;
    watchlistId = id;
    wlSelect.value = id;
    return true;
  }

  return {
    element,
    refresh(id) {
      if (id && id !== watchlistId) return; // an alert on another watchlist: nothing to redraw here
      void loadSeries();
    },
    prefer(id) {
      if (userChose || focused || id === watchlistId) return;
      void (async () => {
        await ready;
        if (userChose || focused || !pick(id)) return;
        await loadSeries();
      })();
    },
    focus(alert) {
      void (async () => {
        const full = alert.watchlist_id && alert.explanation?.window ? alert : await api.get<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(alert.id)}`).catch(() => null);
        const window = full?.explanation?.window;
        if (!full?.watchlist_id || !window) return;
        await ready;
        if (!pick(full.watchlist_id)) return;
        focused = { ...focusRange(window, Date.now()), openedAt: full.opened_at };
        showFocus();
        await loadSeries();
      })();
    },
    destroy() {
      resize.disconnect();
      plot?.destroy();
    },
  };
}
