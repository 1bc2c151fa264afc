// Who received a published talking point and who confirmed reading it.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { number, timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { badge, empty, errorState, loading } from '../../components/ui.js';
import type { Reach, Receipts, TalkingPoint } from '../../types.js';

/** Clicks on the point's tracked share links, per network and group (no one's identity). */
function reachSection(reach: Reach | null): HTMLElement | null {
  if (!reach) return null;
  const list = (title: string, rows: [string, number][]) => h('div', { class: 'reach-list' }, h('h3', { class: 'reach-subtitle' }, title),
    h('ul', null, rows.map(([label, n]) => h('li', null, h('span', null, label), ' ', h('strong', null, number(n))))));
  return h('section', { class: 'reach', 'aria-label': t('reach.title') },
    h('h3', { class: 'reach-title' }, t('reach.title')),
    h('p', { class: 'reach-total' }, reach.clicks === 0 ? t('reach.none') : t('reach.clicks', { count: reach.clicks })),
    reach.clicks === 0 ? null : h('div', { class: 'reach-grid' },
      list(t('reach.by_network'), reach.by_network.map((n) => [t(`network.${n.network}`), n.clicks])),
      list(t('reach.by_group'), reach.by_group.map((g) => [g.group_name ?? t('reach.no_group'), g.clicks]))));
}

export function openReceipts(point: TalkingPoint): void {
  const content = h('div', { class: 'receipts' }, loading());
  openDialog(t('receipts.title', { title: point.title }), content, { wide: true });

  async function load(): Promise<void> {
    try {
      const id = encodeURIComponent(point.id);
      const [r, reach] = await Promise.all([api.get<Receipts>(`/api/v1/talking-points/${id}/receipts`), api.get<Reach>(`/api/v1/talking-points/${id}/reach`).catch(() => null)]);
      const progress = h('progress', { class: 'progress', max: String(Math.max(1, r.sent)), value: String(r.read) });
      progress.setAttribute('aria-label', t('receipts.progress', { read: r.read, sent: r.sent }));
      const recipients = r.recipients.slice().sort((a, b) => Number(Boolean(a.read_at)) - Number(Boolean(b.read_at)) || a.name.localeCompare(b.name));
      mount(content,
        h('div', { class: 'stat-row' },
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.sent)), h('span', { class: 'stat-label' }, t('receipts.sent'))),
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.read)), h('span', { class: 'stat-label' }, t('receipts.read'))),
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.unread)), h('span', { class: 'stat-label' }, t('receipts.unread')))),
        progress,
        reachSection(reach),
        recipients.length === 0 ? empty(t('receipts.none')) : h('table', { class: 'table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('receipts.name')), h('th', { scope: 'col' }, t('receipts.email')), h('th', { scope: 'col' }, t('receipts.status')))),
          h('tbody', null, recipients.map((x) => h('tr', null,
            h('td', null, x.name, x.priority ? [' ', badge(t('feed.priority'), 'danger')] : null),
            h('td', { class: 'truncate' }, x.email),
            h('td', null, x.read_at ? [badge(t('receipts.read_badge'), 'success'), ' ', timeEl(x.read_at)] : badge(t('receipts.unread_badge'), 'neutral')))))));
    } catch (err) {
      mount(content, errorState(err, () => void load()));
    }
  }
  void load();
}
