// What the email notifier renders for one recipient: the point in the recipient's language (its variant
// when there is one, the main text otherwise), a link to read and confirm it, and what it replaces.
import type { SuggestedPost } from '../db/tables/talking-points.js';
import type { Lang, TalkingPointMessage } from '../notify/types.js';
import type { Variants } from './content.js';

export interface MessageSource {
  id: string;
  version: number;
  title: string;
  body: string;
  variants: Variants;
  shareable: boolean;
  suggested_posts: SuggestedPost[];
}

export function talkingPointUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/#/talking-points/${id}`;
}

export function buildMessage(point: MessageSource, lang: Lang, context: { baseUrl: string; supersedes: string | null; incidentTitle: string | null }): TalkingPointMessage {
  const variant = point.variants[lang];
  return {
    id: point.id,
    version: point.version,
    title: variant?.title ?? point.title,
    body: variant?.body ?? point.body,
    lang,
    shareable: point.shareable,
    ...(point.shareable && point.suggested_posts.length > 0 ? { suggestedPosts: point.suggested_posts } : {}),
    url: talkingPointUrl(context.baseUrl, point.id),
    supersedes: context.supersedes,
    incidentTitle: context.incidentTitle,
  };
}
