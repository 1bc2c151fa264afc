/**
 * Words and formats shared by every channel (email, Slack, Teams), so an alert reads the same everywhere.
 * French typography: non-breaking space before « : » and inside « guillemets ».
 */
import type { AlertKind, AlertStatus, Lang, Severity } from './types.js';

const NBSP = '\u00a0';

const KIND_LABELS: Record<Lang, Record<AlertKind, string>> = {
  fr: {
    volume_spike: 'Pic de volume',
    negative_surge: 'Poussée de messages négatifs',
    risk_burst: 'Rafale de termes à risque',
    emerging_term: 'Terme émergent',
    ambassador_signal: 'Signal d’ambassadeur corroboré',
  },
  en: {
    volume_spike: 'Volume spike',
    negative_surge: 'Negative surge',
    risk_burst: 'Risk-term burst',
    emerging_term: 'Emerging term',
    ambassador_signal: 'Corroborated ambassador signal',
  },
};

const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  fr: { low: 'FAIBLE', medium: 'MOYENNE', high: 'ÉLEVÉE', critical: 'CRITIQUE' },
  en: { low: 'LOW', medium: 'MEDIUM', high: 'HIGH', critical: 'CRITICAL' },
};

const STATUS_LABELS: Record<Lang, Record<AlertStatus, string>> = {
  fr: { open: 'ouverte', acknowledged: 'prise en charge', resolved: 'résolue', snoozed: 'en sourdine' },
  en: { open: 'open', acknowledged: 'acknowledged', resolved: 'resolved', snoozed: 'snoozed' },
};

/** Severity colours for emails and chat cards (hex, readable on white). */
export const SEVERITY_COLORS: Record<Severity, string> = {
  low: '#4b5563',
  medium: '#b45309',
  high: '#c2410c',
  critical: '#b91c1c',
};

export const TEXTS = {
  fr: {
    escalated: 'Escalade',
    step: (n: number) => `étape${NBSP}${n}`,
    on: 'sur',
    severity: 'Gravité',
    status: 'Statut',
    kind: 'Type',
    watchlist: 'Veille',
    openedAt: 'Ouverte le',
    observed: 'Observé',
    expected: 'Attendu',
    factor: 'Facteur',
    window: 'Fenêtre',
    topTerms: 'Termes principaux',
    samples: 'Exemples de mentions',
    by: 'par',
    openAlert: 'Voir l’alerte',
    acknowledge: 'Prendre en charge',
    escalationNote: (n: number) => `Personne n’a encore pris cette alerte en charge : escalade à l’étape${NBSP}${n}.`,
    footerAlert: 'Vous recevez ce message car vous faites partie d’une politique d’escalade Pilotfish.',
    talkingPoint: 'Élément de langage',
    newVersion: (v: number) => `v${v}, nouvelle version`,
    incident: 'Incident',
    shareable: 'Peut être partagé publiquement.',
    internalOnly: 'Usage interne uniquement : ne pas partager.',
    suggestedPosts: 'Publications suggérées',
    supersedes: 'Cette version remplace la précédente.',
    readAndConfirm: 'Lire et confirmer la lecture',
    footerTalkingPoint: 'Vous recevez ce message en tant qu’ambassadeur Pilotfish.',
    event: 'Événement',
    alertAcknowledged: 'Alerte prise en charge',
    alertResolved: 'Alerte résolue',
    signalReported: 'Signal d’ambassadeur',
    channel: 'Canal',
    openLink: 'Ouvrir le lien',
    published: 'publié',
  },
  en: {
    escalated: 'Escalated',
    step: (n: number) => `step ${n}`,
    on: 'on',
    severity: 'Severity',
    status: 'Status',
    kind: 'Kind',
    watchlist: 'Watchlist',
    openedAt: 'Opened',
    observed: 'Observed',
    expected: 'Expected',
    factor: 'Factor',
    window: 'Window',
    topTerms: 'Top terms',
    samples: 'Sample mentions',
    by: 'by',
    openAlert: 'Open the alert',
    acknowledge: 'Acknowledge',
    escalationNote: (n: number) => `Nobody has acknowledged this alert yet: escalated to step ${n}.`,
    footerAlert: 'You receive this message because you are part of a Pilotfish escalation policy.',
    talkingPoint: 'Talking point',
    newVersion: (v: number) => `v${v}, new version`,
    incident: 'Incident',
    shareable: 'May be shared publicly.',
    internalOnly: 'Internal use only: do not share.',
    suggestedPosts: 'Suggested posts',
    supersedes: 'This version replaces the previous one.',
    readAndConfirm: 'Read and confirm',
    footerTalkingPoint: 'You receive this message as a Pilotfish ambassador.',
    event: 'Event',
    alertAcknowledged: 'Alert acknowledged',
    alertResolved: 'Alert resolved',
    signalReported: 'Ambassador signal',
    channel: 'Channel',
    openLink: 'Open the link',
    published: 'published',
  },
} as const;

export type Texts = (typeof TEXTS)[Lang];

export function kindLabel(kind: string, lang: Lang): string {
  return (KIND_LABELS[lang] as Record<string, string>)[kind] ?? kind;
}

export function severityLabel(severity: string, lang: Lang): string {
  return (SEVERITY_LABELS[lang] as Record<string, string>)[severity] ?? severity.toUpperCase();
}

export function statusLabel(status: string, lang: Lang): string {
  return (STATUS_LABELS[lang] as Record<string, string>)[status] ?? status;
}

/** « Marque X » in French, "Brand X" in English. */
export function quote(value: string, lang: Lang): string {
  return lang === 'fr' ? `«${NBSP}${value}${NBSP}»` : `"${value}"`;
}

/** "Label :" in French, "Label:" in English. */
export function withColon(label: string, lang: Lang): string {
  return lang === 'fr' ? `${label}${NBSP}:` : `${label}:`;
}

/** "Label : value" in French, "Label: value" in English. */
export function labelled(label: string, value: string, lang: Lang): string {
  return lang === 'fr' ? `${label}${NBSP}: ${value}` : `${label}: ${value}`;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 2 }).format(value);
}

/** "×4,2" / "×4.2": how many times the expected value was observed. */
export function formatFactor(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '—';
  return `×${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value)}`;
}

function dateFormat(lang: Lang, timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

function parseDate(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date in the reader's language, with the time zone named (the server does not know the reader's). */
export function formatDateTime(value: string, lang: Lang, timeZone = 'UTC'): string {
  const date = parseDate(value);
  return date ? `${dateFormat(lang, timeZone).format(date)} (${timeZone})` : value;
}

/** "3 mars 2025, 14:00 – 14:15 (UTC)": a range printed once when both ends share a day. */
export function formatWindow(window: { start: string; end: string }, lang: Lang, timeZone = 'UTC'): string {
  const start = parseDate(window.start);
  const end = parseDate(window.end);
  if (!start || !end || end < start) return `${window.start} – ${window.end}`;
  return `${dateFormat(lang, timeZone).formatRange(start, end)} (${timeZone})`;
}

/** Strips line breaks and control characters from a value that ends up in a one-line header or title. */
export function oneLine(value: string, maxLength: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return truncate(flat, maxLength);
}

export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  return `${value.slice(0, Math.max(0, maxLength - 1)).trimEnd()}…`;
}

/** Only http(s) links become clickable: a mention's URL may be `javascript:` or worse. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
