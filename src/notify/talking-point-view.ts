/** One description of a talking point, shared by the email and chat renderers (plain text values). */
import { TEXTS, labelled, oneLine, safeHttpUrl } from './i18n.js';
import type { Link } from './alert-view.js';
import type { Lang, TalkingPointMessage } from './types.js';

export interface TalkingPointView {
  lang: Lang;
  /** "[Pilotfish] Talking point: Title", or "… Title (v2, new version)" for a later version. */
  subject: string;
  title: string;
  /** "v2, new version" when this is not the first version. */
  versionLabel: string | null;
  /** Said in the body when this version replaces a published one. */
  supersedesNote: string | null;
  incident: string | null;
  /** Paragraphs of the body, split on blank lines. */
  paragraphs: string[];
  shareNote: string;
  shareable: boolean;
  suggestedPosts: { network: string; text: string }[];
  link: Link | null;
}

const MAX_TITLE = 120;

/** A new version either says which one it replaces or simply has a version above 1. */
function isNewVersion(msg: TalkingPointMessage): boolean {
  return Boolean(msg.supersedes) || msg.version > 1;
}

export function splitParagraphs(body: string): string[] {
  return body.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

export function describeTalkingPoint(msg: TalkingPointMessage, lang: Lang): TalkingPointView {
  const t = TEXTS[lang];
  const title = oneLine(msg.title, MAX_TITLE);
  const versionLabel = isNewVersion(msg) ? t.newVersion(msg.version) : null;
  const subjectTitle = versionLabel ? `${title} (${versionLabel})` : title;
  const url = safeHttpUrl(msg.url);
  return {
    lang,
    subject: `[Pilotfish] ${labelled(t.talkingPoint, subjectTitle, lang)}`,
    title,
    versionLabel,
    supersedesNote: msg.supersedes ? t.supersedes : null,
    incident: msg.incidentTitle ? oneLine(msg.incidentTitle, MAX_TITLE) : null,
    paragraphs: splitParagraphs(msg.body),
    shareNote: msg.shareable ? t.shareable : t.internalOnly,
    shareable: msg.shareable,
    suggestedPosts: msg.shareable
      ? (msg.suggestedPosts ?? []).map((post) => ({ network: oneLine(post.network, 40), text: post.text.trim() }))
      : [],
    link: url ? { label: t.readAndConfirm, url } : null,
  };
}
