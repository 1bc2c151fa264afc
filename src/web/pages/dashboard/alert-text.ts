// An alert's title and summary in the interface language. The server words them in English (the API's
// `title` and `explanation.summary`); it also sends the summary as a key and parameters (`wording`), which
// the other languages use. English keeps the server's text as is.
import { getLang, t, type Key } from '../../i18n.js';
import { number } from '../../format.js';
import type { Alert } from '../../types.js';

function windowText(minutes: number): string {
  return minutes > 0 && minutes % 60 === 0 ? `${number(minutes / 60)} h` : `${number(minutes)} min`;
}

/** The localized summary, or null when the server's English text should be used. */
export function alertSummary(alert: Pick<Alert, 'wording' | 'explanation'>): string | null {
  const w = alert.wording;
  if (getLang() === 'en' || !w) return alert.explanation?.summary ?? null;
  const text = t(w.key as Key, {
    ...Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, typeof v === 'number' ? number(v, 2) : v])),
    window: windowText(Number(w.params.minutes ?? 0)),
  });
  return text === w.key ? alert.explanation?.summary ?? null : text;
}

export function alertTitle(alert: Pick<Alert, 'title' | 'wording' | 'explanation' | 'watchlist_name'>): string {
  if (getLang() === 'en' || !alert.wording) return alert.title;
  const summary = alertSummary(alert);
  return summary ? `${alert.watchlist_name ?? t('alerts.no_watchlist')} — ${summary}` : alert.title;
}
