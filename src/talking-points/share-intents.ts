// Intent links: the compose screen of each network, opened with the approved text and the tracked short
// link filled in. Pure, so each network's address format is unit-tested.
import type { ShareNetwork } from '../contract/enums.js';

/** Mastodon has no central site: the intent opens the ambassador's instance (mastodon.social by default). */
export const DEFAULT_MASTODON_INSTANCE = 'mastodon.social';

export function intentUrl(network: ShareNetwork, text: string, link: string, mastodonInstance = DEFAULT_MASTODON_INSTANCE): string | null {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  switch (network) {
    // LinkedIn takes only the address; the text is copied by the app for the ambassador to paste.
    case 'linkedin': return `https://www.linkedin.com/sharing/share-offsite/?${q({ url: link })}`;
    case 'x': return `https://x.com/intent/post?${q({ text, url: link })}`;
    case 'bluesky': return `https://bsky.app/intent/compose?${q({ text: `${text} ${link}` })}`;
    case 'mastodon': return `https://${mastodonInstance}/share?${q({ text: `${text} ${link}` })}`;
    default: return null;
  }
}
