// Sharing approved talking points through tracked short links (/r/:code). A link is made per point, network
// and group, so counting its clicks tells comms how far a point travelled, per network and group, without
// anyone knowing who shared or who clicked. Codes are 96 random bits: they cannot be guessed or walked.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthenticatedUser } from '../auth/service.js';
import { SHARE_NETWORKS, type ShareNetwork } from '../contract/enums.js';
import type { DB } from '../db/schema.js';
import type { Clock } from '../shared/clock.js';
import { conflict, notFound } from '../shared/errors.js';
import { talkingPointsRepository } from './repository.js';
import { shareRepository } from './share-repository.js';
import { intentUrl } from './share-intents.js';

export interface ShareLinkView { network: ShareNetwork; code: string; url: string; intent_url: string | null }
export interface ShareKit { talking_point_id: string; text: string; target: string; group_id: string | null; links: ShareLinkView[] }
export interface ReachView {
  talking_point_id: string; clicks: number;
  by_network: { network: ShareNetwork; clicks: number }[];
  by_group: { group_id: string | null; group_name: string | null; clicks: number }[];
}

const NETWORK_ALIASES: Record<string, ShareNetwork> = { twitter: 'x', 'x (twitter)': 'x', bsky: 'bluesky' };

export const newShareCode = () => randomBytes(12).toString('base64url');

type Point = NonNullable<Awaited<ReturnType<typeof talkingPointsRepository.get>>>;

/** The approved wording for a network: its own suggested post, else the first one, else the body in the sharer's language. */
function textFor(point: Point, network: ShareNetwork, lang: 'fr' | 'en'): string {
  const posts = point.suggested_posts;
  const own = posts.find((p) => (NETWORK_ALIASES[p.network] ?? p.network) === network);
  return (own ?? posts[0])?.text ?? point.variants[lang]?.body ?? point.body;
}

export function createShareService(db: Kysely<DB>, deps: { clock: Clock; baseUrl: string }) {
  const shortUrl = (code: string) => `${deps.baseUrl.replace(/\/+$/, '')}/r/${code}`;

  /** The group a sharer's clicks count for: one of theirs in the point's audience, else their first. */
  async function groupFor(user: AuthenticatedUser, point: Point): Promise<string | null> {
    if (user.role !== 'ambassador') return null;
    const mine = await shareRepository.userGroups(db, user.id);
    const audience = new Set(point.audience.group_ids ?? []);
    return (mine.find((g) => audience.has(g.id)) ?? mine[0])?.id ?? null;
  }

  return {
    /** The tracked links of one point for the caller's group, made on first use. Ambassadors: points sent to them. */
    async kit(user: AuthenticatedUser, pointId: string): Promise<ShareKit> {
      const point = await talkingPointsRepository.get(db, pointId);
      if (!point) throw notFound('talking point');
      if (user.role === 'ambassador' && !(await shareRepository.hasReceipt(db, pointId, user.id))) throw notFound('talking point');
      if (point.status !== 'published') throw conflict('only a published talking point can be shared', 'not_published');
      if (!point.shareable) throw conflict('this talking point is internal: it may not be shared', 'not_shareable');
      if (!point.share_url) throw conflict('this talking point has no link to share (share_url): share its text instead', 'no_share_url');
      const groupId = await groupFor(user, point);
      const rows = await shareRepository.ensureLinks(db, pointId, groupId, SHARE_NETWORKS.map((network) => ({ network, code: newShareCode() })));
      const codeOf = new Map(rows.map((r) => [r.network, r.code]));
      const lang = user.lang;
      return {
        talking_point_id: pointId, text: textFor(point, 'native', lang), target: point.share_url, group_id: groupId,
        links: SHARE_NETWORKS.map((network) => {
          const url = shortUrl(codeOf.get(network)!);
          return { network, code: codeOf.get(network)!, url, intent_url: intentUrl(network, textFor(point, network, lang), url) };
        }),
      };
    },

    /** Counts one click (per code and day, nobody's identity) and answers where to send the reader. */
    async click(code: string): Promise<string> {
      const link = await shareRepository.target(db, code);
      if (!link?.share_url) throw notFound('link');
      await shareRepository.countClick(db, code, deps.clock.now().toISOString().slice(0, 10));
      return link.share_url;
    },

    async reach(pointId: string): Promise<ReachView> {
      if (!(await talkingPointsRepository.get(db, pointId))) throw notFound('talking point');
      // Links nobody clicked yet are left out: reach lists where readers came from.
      const rows = (await shareRepository.clicks(db, pointId)).filter((r) => r.clicks > 0);
      const byNetwork = new Map<ShareNetwork, number>();
      const byGroup = new Map<string, { group_id: string | null; group_name: string | null; clicks: number }>();
      for (const r of rows) {
        const network = r.network as ShareNetwork;
        byNetwork.set(network, (byNetwork.get(network) ?? 0) + r.clicks);
        const key = r.group_id ?? '';
        const g = byGroup.get(key) ?? { group_id: r.group_id, group_name: r.group_name, clicks: 0 };
        g.clicks += r.clicks;
        byGroup.set(key, g);
      }
      return {
        talking_point_id: pointId, clicks: rows.reduce((n, r) => n + r.clicks, 0),
        by_network: SHARE_NETWORKS.filter((n) => byNetwork.has(n)).map((network) => ({ network, clicks: byNetwork.get(network)! })),
        by_group: [...byGroup.values()].sort((a, b) => b.clicks - a.clicks || (a.group_name ?? '').localeCompare(b.group_name ?? '')),
      };
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;
