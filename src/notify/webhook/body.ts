/** The request body for each webhook format. */
import type { Lang, NotifyEvent } from '../types.js';
import { buildChatCard } from './chat-card.js';
import { renderSlack } from './slack.js';
import { renderTeams } from './teams.js';

export type WebhookFormat = 'json' | 'slack' | 'teams';

/**
 * 'json': the event itself, `{type, id, at, data}`, exactly as on the websocket stream.
 * 'slack' / 'teams': a chat message rendered from the event in `lang`.
 */
export function renderWebhookBody(event: NotifyEvent, format: WebhookFormat, lang: Lang): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ type: event.type, id: event.id, at: event.at, data: event.data });
    case 'slack':
      return JSON.stringify(renderSlack(buildChatCard(event, lang)));
    case 'teams':
      return JSON.stringify(renderTeams(buildChatCard(event, lang)));
  }
}
