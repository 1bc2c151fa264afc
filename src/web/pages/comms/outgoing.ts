// "What will go out": everything a reviewer approves, in one place on the card — the audience, whether
// ambassadors may post it and the exact public post, each translation, and the do-not-say result.
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import type { TalkingPoint } from '../../types.js';

/** Group names by id, for the audience line (an unknown id, e.g. a deleted group, shows as such). */
export type GroupNames = ReadonlyMap<string, string>;

function audienceLine(point: TalkingPoint, groups: GroupNames): string {
  const ids = point.audience?.group_ids ?? [];
  if (ids.length === 0) return t('outgoing.audience_all');
  return t('outgoing.audience_groups', { groups: ids.map((id) => groups.get(id) ?? t('outgoing.unknown_group')).join(', ') });
}

function networkLabel(network: string): string {
  const key = `channel.${network}` as Key;
  const label = t(key);
  return label === key ? network : label;
}

function publicPosts(point: TalkingPoint): HTMLElement {
  if (!point.shareable) return h('p', { class: 'outgoing-internal' }, t('outgoing.internal'));
  const posts = point.suggested_posts?.length ? point.suggested_posts : [{ network: '', text: point.body }];
  return h('div', { class: 'share-block' },
    h('p', { class: 'share-label' }, point.suggested_posts?.length ? t('outgoing.public_post') : t('outgoing.public_body')),
    posts.map((p) => h('div', { class: 'share-post' },
      p.network ? h('span', { class: 'share-network' }, networkLabel(p.network)) : null,
      h('p', { class: 'share-text' }, p.text))));
}

function translations(point: TalkingPoint): HTMLElement {
  const entries = (['fr', 'en'] as const).flatMap((lang) => {
    const v = point.variants?.[lang];
    return v ? [h('div', { class: 'outgoing-variant', lang },
      h('p', { class: 'outgoing-label' }, t(`outgoing.translation_${lang}`)),
      h('p', { class: 'outgoing-variant-title' }, v.title),
      h('p', { class: 'point-body' }, v.body))] : [];
  });
  return entries.length > 0 ? h('div', { class: 'stack' }, entries) : h('p', { class: 'muted small' }, t('outgoing.no_translation'));
}

function doNotSay(point: TalkingPoint): HTMLElement {
  const matches = point.do_not_say_matches ?? [];
  if (matches.length === 0) return h('p', { class: 'outgoing-clean' }, '✓ ', t('outgoing.do_not_say_clean'));
  return h('div', { class: 'notice notice-warning', role: 'note' },
    h('strong', null, point.shareable ? t('outgoing.do_not_say_blocks') : t('comms.do_not_say')), ' ',
    matches.map((m) => h('span', { class: 'chip chip-warning', title: m.field }, `${m.phrase} · ${m.field}`)));
}

export function outgoingSection(point: TalkingPoint, groups: GroupNames): HTMLElement {
  return h('section', { class: 'outgoing', 'aria-label': t('outgoing.title') },
    h('h4', { class: 'outgoing-title' }, t('outgoing.title')),
    h('dl', { class: 'kv outgoing-kv' },
      h('dt', null, t('outgoing.audience')), h('dd', { class: 'outgoing-audience' }, audienceLine(point, groups))),
    publicPosts(point),
    translations(point),
    doNotSay(point));
}
