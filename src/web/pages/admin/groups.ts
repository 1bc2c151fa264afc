// Groups of ambassadors (team, department, language): talking points can target them.
import { api } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { confirmDialog, openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, button, busy, card, empty, errorMessage, errorState, field, input, isMissingEndpoint, loading, notAvailable, select, setFieldError } from '../../components/ui.js';
import type { Group, Items, User } from '../../types.js';

const KINDS: Group['kind'][] = ['team', 'department', 'language', 'other'];

function memberIds(g: Group): string[] {
  return g.member_ids ?? g.members?.map((m) => m.id) ?? [];
}

export function groupsTab(root: HTMLElement): void {
  const list = h('div', null, loading());
  let users: User[] = [];
  root.append(card(t('groups.title'), list, button(t('groups.new'), () => openGroup(null), 'primary', { class: 'btn btn-primary btn-sm' })));

  async function load(): Promise<void> {
    try {
      const [groups, u] = await Promise.all([api.get<Items<Group>>('/api/v1/groups'), api.get<Items<User>>('/api/v1/users')]);
      users = u.items;
      mount(list, groups.items.length === 0 ? empty(t('groups.none'), t('groups.none_hint'))
        : h('ul', { class: 'entity-list' }, groups.items.map((g) => h('li', { class: 'entity-item' },
          h('div', { class: 'entity-main' },
            h('div', { class: 'entity-line' }, h('span', { class: 'entity-name' }, g.name), badge(t(`groups.kind_${g.kind}`), 'neutral')),
            h('p', { class: 'muted small' }, t('groups.members_count', { count: g.member_count ?? memberIds(g).length }))),
          h('div', { class: 'row-actions' },
            button(t('common.edit'), () => openGroup(g), 'secondary', { class: 'btn btn-secondary btn-sm' }),
            button(t('common.delete'), async () => {
              if (!(await confirmDialog(t('groups.delete_title'), t('groups.delete_confirm', { name: g.name }), t('common.delete'), true))) return;
              try { await api.del(`/api/v1/groups/${encodeURIComponent(g.id)}`); void load(); } catch (err) { toast(errorMessage(err), 'error'); }
            }, 'ghost', { class: 'btn btn-ghost btn-sm' }))))));
    } catch (err) {
      mount(list, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void load()));
    }
  }

  async function openGroup(existing: Group | null): Promise<void> {
    let current = existing;
    if (existing && !existing.member_ids && !existing.members) {
      try { current = await api.get<Group>(`/api/v1/groups/${encodeURIComponent(existing.id)}`); } catch { /* edit without members */ }
    }
    const before = new Set(current ? memberIds(current) : []);
    const name = input({ maxlength: 200, required: true, value: current?.name ?? '' });
    const kind = select(KINDS.map((k) => ({ value: k, label: t(`groups.kind_${k}`) })));
    kind.value = current?.kind ?? 'team';
    const filter = input({ type: 'search', placeholder: t('groups.filter'), 'aria-label': t('groups.filter') });
    const members = h('div', { class: 'checkbox-list checkbox-list-scroll' }, users.filter((u) => !u.disabled).map((u) => {
      const id = uid('member');
      return h('label', { class: 'choice', htmlFor: id, dataset: { search: `${u.name} ${u.email}`.toLowerCase() } },
        h('input', { type: 'checkbox', id, value: u.id, checked: before.has(u.id) }), h('span', null, u.name, h('span', { class: 'muted small' }, ` · ${t(`role.${u.role}`)}`)));
    }));
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const el of members.querySelectorAll<HTMLElement>('label')) el.hidden = Boolean(q) && !(el.dataset.search ?? '').includes(q);
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, current ? t('common.save') : t('groups.create'));
    const form = h('form', { class: 'stack', novalidate: 'novalidate' },
      h('div', { class: 'form-grid' }, field(t('groups.name'), name), field(t('groups.kind'), kind)),
      h('fieldset', { class: 'choices' }, h('legend', null, t('groups.members')), filter, members),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
      const chosen = new Set([...members.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value));
      void busy(submit, async () => {
        try {
          const body = { name: name.value.trim(), kind: kind.value };
          const group = current ? await api.patch<Group>(`/api/v1/groups/${encodeURIComponent(current.id)}`, body) : await api.post<Group>('/api/v1/groups', body);
          const added = [...chosen].filter((id) => !before.has(id));
          const removed = [...before].filter((id) => !chosen.has(id));
          if (added.length > 0) await api.post(`/api/v1/groups/${encodeURIComponent(group.id)}/members`, { user_ids: added });
          for (const id of removed) await api.del(`/api/v1/groups/${encodeURIComponent(group.id)}/members/${encodeURIComponent(id)}`);
          toast(t('groups.saved_toast', { name: body.name }), 'success');
          dialog.close();
          void load();
        } catch (err) {
          toast(errorMessage(err), 'error');
        }
      });
    });
    const dialog = openDialog(current ? t('groups.edit_title') : t('groups.new_title'), form, { wide: true });
    name.focus();
  }

  void load();
}
