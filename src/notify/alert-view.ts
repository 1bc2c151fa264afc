/**
 * One description of an alert, rendered by every channel (email, Slack, Teams) so they all say the same
 * thing. Values here are plain text: each renderer escapes them for its own syntax.
 */
import {
  SEVERITY_COLORS, TEXTS, formatDateTime, formatFactor, formatNumber, formatWindow, kindLabel, oneLine,
  quote, safeHttpUrl, severityLabel, statusLabel, truncate,
} from './i18n.js';
import type { AlertMessage, Lang } from './types.js';

export interface Fact { label: string; value: string }
export interface Link { label: string; url: string; role?: 'acknowledge' | 'open' }
export interface SampleView { text: string; url: string | null; author: string | null }

export interface AlertView {
  lang: Lang;
  /** "[Pilotfish] CRITICAL — Volume spike on "Brand X"", escalations say so. */
  subject: string;
  /** "Volume spike on "Brand X"" */
  headline: string;
  severityLabel: string;
  /** "CRITICAL" or "CRITICAL — Escalated (step 2)". */
  band: string;
  color: string;
  /** Set for escalation steps after the first. */
  escalationNote: string | null;
  summary: string;
  facts: Fact[];
  topTerms: string[];
  samples: SampleView[];
  links: Link[];
}

export interface RenderOptions {
  /** IANA time zone for dates; the default names UTC explicitly in the text. */
  timeZone?: string;
}

const MAX_NAME = 80;
const MAX_SAMPLES = 5;
const MAX_SAMPLE_TEXT = 280;
const MAX_TERMS = 10;

/** The human step number: stepIndex counts from 0. */
export function stepNumber(msg: Pick<AlertMessage, 'stepIndex'>): number {
  return Math.max(0, Math.trunc(msg.stepIndex)) + 1;
}

export function describeAlert(msg: AlertMessage, lang: Lang, options: RenderOptions = {}): AlertView {
  const t = TEXTS[lang];
  const timeZone = options.timeZone ?? 'UTC';
  const headline = `${kindLabel(msg.kind, lang)} ${t.on} ${quote(oneLine(msg.watchlistName, MAX_NAME), lang)}`;
  const severity = severityLabel(msg.severity, lang);
  const escalation = msg.escalated ? `${t.escalated} (${t.step(stepNumber(msg))})` : null;
  const band = escalation ? `${severity} — ${escalation}` : severity;
  const subject = `[Pilotfish] ${band} — ${headline}`;
  const { explanation } = msg;
  return {
    lang,
    subject,
    headline,
    severityLabel: severity,
    band,
    color: (SEVERITY_COLORS as Record<string, string>)[msg.severity] ?? SEVERITY_COLORS.medium,
    escalationNote: msg.escalated ? t.escalationNote(stepNumber(msg)) : null,
    summary: explanation.summary,
    facts: alertFacts(msg, lang, timeZone),
    topTerms: explanation.top_terms.slice(0, MAX_TERMS).map((term) => oneLine(term, 60)),
    samples: (msg.samples ?? []).slice(0, MAX_SAMPLES).map((sample) => ({
      text: truncate(sample.text.trim(), MAX_SAMPLE_TEXT),
      url: safeHttpUrl(sample.url),
      author: sample.author ? oneLine(sample.author, 80) : null,
    })),
    links: alertLinks(msg, lang),
  };
}

/** Facts without a value (a partial alert read back from an event) are left out rather than shown empty. */
function alertFacts(msg: AlertMessage, lang: Lang, timeZone: string): Fact[] {
  const t = TEXTS[lang];
  const { explanation: e } = msg;
  const facts: (Fact | null)[] = [
    { label: t.severity, value: severityLabel(msg.severity, lang) },
    { label: t.status, value: statusLabel(msg.status, lang) },
    Number.isFinite(e.observed) ? { label: t.observed, value: formatNumber(e.observed, lang) } : null,
    Number.isFinite(e.expected) ? { label: t.expected, value: formatNumber(e.expected, lang) } : null,
    Number.isFinite(e.factor) ? { label: t.factor, value: formatFactor(e.factor, lang) } : null,
    e.window.start && e.window.end ? { label: t.window, value: formatWindow(e.window, lang, timeZone) } : null,
    msg.openedAt ? { label: t.openedAt, value: formatDateTime(msg.openedAt, lang, timeZone) } : null,
  ];
  return facts.filter((fact): fact is Fact => fact !== null);
}

function alertLinks(msg: AlertMessage, lang: Lang): Link[] {
  const t = TEXTS[lang];
  const links: Link[] = [];
  const ack = safeHttpUrl(msg.ackUrl);
  // An alert already owned or closed needs no acknowledge button.
  if (ack && (msg.status === 'open' || msg.status === 'snoozed')) links.push({ label: t.acknowledge, url: ack, role: 'acknowledge' });
  const open = safeHttpUrl(msg.alertUrl);
  if (open) links.push({ label: t.openAlert, url: open, role: 'open' });
  return links;
}
