// Dates, numbers and durations in the interface language.
import { getLang } from './i18n.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000],
];

export function relativeTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const diff = new Date(iso).getTime() - now;
  const rtf = new Intl.RelativeTimeFormat(getLang(), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') {
      const value = Math.round(diff / ms);
      return unit === 'second' && Math.abs(value) < 10 ? rtf.format(0, 'second') : rtf.format(value, unit);
    }
  }
  return '';
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function timeOnly(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(getLang(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function number(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(getLang(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

export function minutes(total: number): string {
  const lang = getLang();
  if (total < 60) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(total);
  if (total % 1440 === 0) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(total / 1440);
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(total / 60);
}

/** A <time> element: readable text, the exact time as tooltip and machine-readable datetime. */
export function timeEl(iso: string | null | undefined, style: 'relative' | 'absolute' = 'relative'): HTMLTimeElement {
  const el = document.createElement('time');
  if (!iso) {
    el.textContent = '—';
    return el;
  }
  el.dateTime = iso;
  el.title = dateTime(iso);
  el.textContent = style === 'relative' ? relativeTime(iso) : dateTime(iso);
  if (style === 'relative') el.dataset.relative = '1';
  return el;
}

/** Keeps every relative <time> on the page fresh. */
export function startRelativeClock(): void {
  setInterval(() => {
    for (const el of document.querySelectorAll<HTMLTimeElement>('time[data-relative]')) el.textContent = relativeTime(el.dateTime);
  }, 30_000);
}

/** A span in seconds as the after-action report writes it: 45 s, 12 min, 1 h 05 min, 2 d 3 h (2 j 3 h). */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  if (s < 60) return `${sign}${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${sign}${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${sign}${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${sign}${Math.floor(h / 24)} ${getLang() === 'fr' ? 'j' : 'd'} ${h % 24} h`;
}
