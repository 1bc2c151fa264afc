/**
 * What a chat message (Slack, Teams) says about an event, independent of either syntax. Values are
 * plain text; each renderer escapes them. Alerts and talking points reuse the email views so every
 * channel tells the same story.
 */
import { describeAlert, type Fact, type Link } from '../alert-view.js';
import { TEXTS, labelled, oneLine, safeHttpUrl, severityLabel, truncate } from '../i18n.js';
import { describeTalkingPoint } from '../talking-point-view.js';
import type { Lang, NotifyEvent, Severity } from '../types.js';
import { toAlertMessage, toSignal, toTalkingPointMessage } from './event-data.js';

export interface ChatItem { text: string; meta: string | null; url: string | null }

export interface ChatCard {
  /** One line, shown in notifications and by clients that cannot render blocks or cards. */
  fallback: string;
  severity: Severity | null;
  /** Small line above the title: "CRITICAL — Escalated (step 2)", "Alert resolved", … */
  band: string;
  title: string;
  note: string | null;
  paragraphs: string[];
  facts: Fact[];
  sections: { heading: string; items: ChatItem[] }[];
  links: Link[];
}

const SEVERITIES = new Set(['low', 'medium', 'high', 'critical']);
const MAX_SIGNAL_TEXT = 1_000;

function asSeverity(value: string | null | undefined): Severity | null {
  return value && SEVERITIES.has(value) ? (value as Severity) : null;
}

export function buildChatCard(event: NotifyEvent, lang: Lang): ChatCard {
  if (event.type.startsWith('alert.')) {
    const card = alertCard(event, lang);
    if (card) return card;
  }
  if (event.type.startsWith('talking_point.')) {
    const card = talkingPointCard(event, lang);
    if (card) return card;
  }
  if (event.type.startsWith('signal.')) {
    const card = signalCard(event, lang);
    if (card) return card;
  }
  return genericCard(event, lang);
}

function alertCard(event: NotifyEvent, lang: Lang): ChatCard | null {
  const msg = toAlertMessage(event.data);
  if (!msg) return null;
  const t = TEXTS[lang];
  const view = describeAlert(msg, lang);
  const stateChange = event.type === 'alert.acknowledged' ? t.alertAcknowledged : event.type === 'alert.resolved' ? t.alertResolved : null;
  const band = stateChange ?? view.band;
  const facts = view.topTerms.length > 0 ? [...view.facts, { label: t.topTerms, value: view.topTerms.join(', ') }] : view.facts;
  return {
    fallback: stateChange ? `[Pilotfish] ${stateChange} — ${view.headline}` : view.subject,
    severity: asSeverity(msg.severity),
    band,
    title: view.headline,
    note: stateChange ? null : view.escalationNote,
    paragraphs: view.summary ? [view.summary] : [],
    facts,
    sections: view.samples.length > 0
      ? [{ heading: t.samples, items: view.samples.map((s) => ({ text: s.text, meta: s.author ? `${t.by} ${s.author}` : null, url: s.url })) }]
      : [],
    // Once owned or closed, an "acknowledge" button would only confuse.
    links: stateChange ? view.links.filter((l) => l.role !== 'acknowledge') : view.links,
  };
}

function talkingPointCard(event: NotifyEvent, lang: Lang): ChatCard | null {
  const msg = toTalkingPointMessage(event.data, lang);
  if (!msg) return null;
  const t = TEXTS[lang];
  const view = describeTalkingPoint(msg, lang);
  return {
    fallback: view.subject,
    severity: null,
    band: view.versionLabel ? `${t.talkingPoint} — ${view.versionLabel}` : `${t.talkingPoint} ${t.published}`,
    title: view.title,
    note: view.supersedesNote,
    paragraphs: [...view.paragraphs, view.shareNote],
    facts: view.incident ? [{ label: t.incident, value: view.incident }] : [],
    sections: view.suggestedPosts.length > 0
      ? [{ heading: t.suggestedPosts, items: view.suggestedPosts.map((p) => ({ text: p.text, meta: p.network, url: null })) }]
      : [],
    links: view.link ? [view.link] : [],
  };
}

function signalCard(event: NotifyEvent, lang: Lang): ChatCard | null {
  const signal = toSignal(event.data);
  if (!signal) return null;
  const t = TEXTS[lang];
  const severity = asSeverity(signal.severity);
  const band = severity ? `${t.signalReported} — ${severityLabel(severity, lang)}` : t.signalReported;
  const title = oneLine(signal.text, 80);
  const url = safeHttpUrl(signal.url);
  return {
    fallback: `[Pilotfish] ${band} — ${title}`,
    severity,
    band,
    title,
    note: null,
    paragraphs: [truncate(signal.text.trim(), MAX_SIGNAL_TEXT)],
    facts: signal.channel ? [{ label: t.channel, value: oneLine(signal.channel, 60) }] : [],
    sections: [],
    links: url ? [{ label: t.openLink, url }] : [],
  };
}

function genericCard(event: NotifyEvent, lang: Lang): ChatCard {
  const t = TEXTS[lang];
  const type = oneLine(event.type, 80);
  return {
    fallback: `[Pilotfish] ${labelled(t.event, type, lang)}`,
    severity: null,
    band: 'Pilotfish',
    title: type,
    note: null,
    paragraphs: [],
    facts: [{ label: 'id', value: oneLine(event.id, 80) }],
    sections: [],
    links: [],
  };
}
