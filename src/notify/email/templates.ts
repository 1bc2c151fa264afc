/**
 * Alert and talking-point emails in French and English: a plain-text part and an HTML part that say
 * the same thing. Mention text is untrusted; the HTML helpers escape every value.
 */
import { describeAlert, type AlertView, type RenderOptions } from '../alert-view.js';
import { TEXTS, labelled, withColon } from '../i18n.js';
import { describeTalkingPoint, type TalkingPointView } from '../talking-point-view.js';
import type { AlertMessage, Lang, TalkingPointMessage } from '../types.js';
import { button, escapeHtml, escapeMultiline, factsTable, heading, link, page, paragraph } from './html.js';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const TALKING_POINT_COLOR = '#1d4ed8';

export function renderAlertEmail(msg: AlertMessage, lang: Lang, options: RenderOptions = {}): RenderedEmail {
  const view = describeAlert(msg, lang, options);
  return { subject: view.subject, text: alertText(view), html: alertHtml(view) };
}

export function renderTalkingPointEmail(msg: TalkingPointMessage, lang: Lang): RenderedEmail {
  const view = describeTalkingPoint(msg, lang);
  return { subject: view.subject, text: talkingPointText(view), html: talkingPointHtml(view) };
}

function alertText(view: AlertView): string {
  const t = TEXTS[view.lang];
  const lines = [view.headline, '='.repeat(Math.min(view.headline.length, 72)), ''];
  if (view.escalationNote) lines.push(view.escalationNote, '');
  if (view.summary) lines.push(view.summary, '');
  for (const fact of view.facts) lines.push(labelled(fact.label, fact.value, view.lang));
  if (view.topTerms.length > 0) lines.push('', labelled(t.topTerms, view.topTerms.join(', '), view.lang));
  if (view.samples.length > 0) {
    lines.push('', withColon(t.samples, view.lang));
    for (const sample of view.samples) {
      const source = [sample.author ? `${t.by} ${sample.author}` : null, sample.url].filter(Boolean).join(' — ');
      lines.push(`- ${sample.text.replace(/\s*\n\s*/g, ' ')}${source ? ` (${source})` : ''}`);
    }
  }
  if (view.links.length > 0) lines.push('', ...view.links.map((l) => labelled(l.label, l.url, view.lang)));
  lines.push('', '--', t.footerAlert);
  return `${lines.join('\n')}\n`;
}

function alertHtml(view: AlertView): string {
  const t = TEXTS[view.lang];
  const parts: string[] = [];
  if (view.escalationNote) parts.push(paragraph(view.escalationNote, `color:${view.color};font-weight:bold;`));
  if (view.summary) parts.push(paragraph(view.summary));
  parts.push(factsTable(view.facts));
  if (view.topTerms.length > 0) {
    parts.push(heading(t.topTerms), paragraph(view.topTerms.join(', ')));
  }
  if (view.samples.length > 0) {
    const items = view.samples.map((sample) => {
      const source = [
        sample.author ? `${escapeHtml(t.by)} ${escapeHtml(sample.author)}` : null,
        sample.url ? link(sample.url, sample.url) : null,
      ].filter(Boolean).join(' — ');
      return `<li style="margin:0 0 8px 0;">${escapeMultiline(sample.text)}` +
        (source ? `<br><span style="font-size:12px;color:#6b7280;">${source}</span>` : '') + '</li>';
    });
    parts.push(heading(t.samples), `<ul style="margin:0 0 16px 0;padding-left:20px;">${items.join('')}</ul>`);
  }
  if (view.links.length > 0) {
    parts.push(`<p style="margin:16px 0 0 0;">${view.links.map((l, i) => button(l.url, l.label, i === 0 ? view.color : '#374151')).join('')}</p>`);
  }
  return page({ lang: view.lang, title: view.headline, color: view.color, band: view.band, content: parts.join('\n'), footer: t.footerAlert });
}

function talkingPointText(view: TalkingPointView): string {
  const t = TEXTS[view.lang];
  const lines = [view.title, '='.repeat(Math.min(view.title.length, 72)), ''];
  if (view.supersedesNote) lines.push(view.supersedesNote, '');
  if (view.incident) lines.push(labelled(t.incident, view.incident, view.lang), '');
  lines.push(view.paragraphs.join('\n\n'), '', view.shareNote);
  if (view.suggestedPosts.length > 0) {
    lines.push('', withColon(t.suggestedPosts, view.lang));
    for (const post of view.suggestedPosts) lines.push(`- [${post.network}] ${post.text}`);
  }
  if (view.link) lines.push('', labelled(view.link.label, view.link.url, view.lang));
  lines.push('', '--', t.footerTalkingPoint);
  return `${lines.join('\n')}\n`;
}

function talkingPointHtml(view: TalkingPointView): string {
  const t = TEXTS[view.lang];
  const parts: string[] = [];
  if (view.supersedesNote) parts.push(paragraph(view.supersedesNote, 'font-weight:bold;'));
  if (view.incident) parts.push(paragraph(labelled(t.incident, view.incident, view.lang), 'color:#6b7280;'));
  parts.push(...view.paragraphs.map((p) => paragraph(p)));
  const shareColor = view.shareable ? '#047857' : '#b91c1c';
  parts.push(paragraph(view.shareNote, `color:${shareColor};font-weight:bold;`));
  if (view.suggestedPosts.length > 0) {
    const items = view.suggestedPosts.map((post) =>
      `<li style="margin:0 0 8px 0;"><strong>${escapeHtml(post.network)}</strong><br>${escapeMultiline(post.text)}</li>`);
    parts.push(heading(t.suggestedPosts), `<ul style="margin:0 0 16px 0;padding-left:20px;">${items.join('')}</ul>`);
  }
  if (view.link) parts.push(`<p style="margin:16px 0 0 0;">${button(view.link.url, view.link.label, TALKING_POINT_COLOR)}</p>`);
  const band = view.versionLabel ? `${t.talkingPoint} — ${view.versionLabel}` : t.talkingPoint;
  return page({ lang: view.lang, title: view.title, color: TALKING_POINT_COLOR, band, content: parts.join('\n'), footer: t.footerTalkingPoint });
}
