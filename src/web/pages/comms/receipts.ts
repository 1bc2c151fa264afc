// Who received a published talking point and who confirmed reading it.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { number, timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { badge, empty, errorState, loading } from '../../components/ui.js';
import type { Receipts, TalkingPoint } from '../../types.js';

export function openReceipts(point: TalkingPoint): void {
  const content = h('div', { class: 'receipts' }, loading());
  openDialog(t('receipts.title', { title: point.title }), content, { wide: true });

  async function load(): Promise<void> {
    try {
      const r = await api.get<Receipts>(`/api/v1/talking-points/${encodeURIComponent(point.id)}/receipts`);
      const progress = h('progress', { class: 'progress', max: String(Math.max(1, r.sent)), value: String(r.read) });
      progress.setAttribute('aria-label', t('receipts.progress', { read: r.read, sent: r.sent }));
      const recipients = r.recipients.slice().sort((a, b) => Number(Boolean(a.read_at)) - Number(Boolean(b.read_at)) || a.name.localeCompare(b.name));
      mount(content,
        h('div', { class: 'stat-row' },
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.sent)), h('span', { class: 'stat-label' }, t('receipts.sent'))),
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.read)), h('span', { class: 'stat-label' }, t('receipts.read'))),
          h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, number(r.unread)), h('span', { class: 'stat-label' }, t('receipts.unread')))),
        progress,
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
