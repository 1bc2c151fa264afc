// One talking point in the console: what it says, where it is in its lifecycle, and the next step the
// signed-in user may take (four eyes: the author never approves their own point).
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { timeEl } from '../../format.js';
import { confirmDialog, openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, button, busy, errorMessage, field, textarea } from '../../components/ui.js';
import type { Me, TalkingPoint } from '../../types.js';
import { openEditor } from './editor.js';
import { outgoingSection, type GroupNames } from './outgoing.js';
import { openReceipts } from './receipts.js';

export function pointStatusBadge(status: string): HTMLElement {
  const variant: Record<string, string> = { draft: 'neutral', in_review: 'warning', approved: 'info', published: 'success', superseded: 'muted', retired: 'muted' };
  return badge(t(`tp_status.${status}` as Key), variant[status] ?? 'neutral');
}

async function transition(point: TalkingPoint, action: string, body: unknown, okMessage: string): Promise<TalkingPoint | null> {
  try {
    const updated = await api.post<TalkingPoint>(`/api/v1/talking-points/${encodeURIComponent(point.id)}/${action}`, body);
    toast(okMessage, 'success');
    return updated;
  } catch (err) {
    toast(errorMessage(err), 'error');
    return null;
  }
}

function rejectDialog(point: TalkingPoint, onDone: () => void): void {
  const reason = textarea({ rows: 3, maxlength: 2000, required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-danger' }, t('comms.reject'));
  const form = h('form', { class: 'stack' }, field(t('comms.reject_reason'), reason),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!reason.value.trim()) { reason.focus(); return; }
    void busy(submit, async () => {
      if (await transition(point, 'reject', { reason: reason.value.trim() }, t('comms.rejected_toast'))) { dialog.close(); onDone(); }
    });
  });
  const dialog = openDialog(t('comms.reject_title'), form);
  reason.focus();
}

function sentBackNotice(sentBack: NonNullable<TalkingPoint['sent_back']>): HTMLElement {
  return h('div', { class: 'notice notice-warning sent-back', role: 'note' },
    h('strong', null, sentBack.by ? t('comms.sent_back_by', { name: sentBack.by.name }) : t('comms.sent_back')), ' ', timeEl(sentBack.at),
    h('p', { class: 'sent-back-reason' }, sentBack.reason));
}

export function pointCard(point: TalkingPoint, me: Me, onChanged: () => void, groups: GroupNames = new Map()): HTMLElement {
  const isAuthor = point.author.id === me.id;
  const isComms = me.role === 'comms';
  const canDraft = me.role === 'comms' || me.role === 'crisis';
  const act = (label: string, action: string, ok: string, variant = 'primary') => button(label, (e) => {
    void busy(e.currentTarget as HTMLButtonElement, async () => { if (await transition(point, action, {}, ok)) onChanged(); });
  }, variant, { dataset: { action } });

  // The same rules as the server's lifecycle (which has the last word and explains any refusal).
  const actions: (HTMLElement | null)[] = [];
  const mayEditInPlace = canDraft && (isAuthor || isComms);
  if (point.status === 'draft') {
    if (mayEditInPlace) actions.push(button(t('comms.edit'), () => openEditor(point, onChanged), 'secondary'));
    if (isComms || (isAuthor && canDraft)) actions.push(act(t('comms.submit'), 'submit', t('comms.submitted_toast')));
  }
  if (point.status === 'in_review') {
    if (isComms && !isAuthor) {
      actions.push(act(t('comms.approve'), 'approve', t('comms.approved_toast')));
      actions.push(button(t('comms.reject'), () => rejectDialog(point, onChanged), 'ghost'));
    } else if (isAuthor) {
      actions.push(h('p', { class: 'muted small' }, t('comms.waiting_review')));
    }
  }
  if (point.status === 'approved' && isComms) {
    actions.push(act(t('comms.publish'), 'publish', t('comms.published_toast')));
    actions.push(button(t('comms.reject'), () => rejectDialog(point, onChanged), 'ghost'));
  }
  if (point.status === 'published') {
    actions.push(button(t('comms.receipts'), () => openReceipts(point), 'secondary'));
    if (canDraft) actions.push(button(t('comms.new_version'), () => openEditor(point, onChanged), 'ghost'));
    if (isComms) {
      // Retiring takes the line off every ambassador's phone at once: ask first.
      actions.push(button(t('comms.retire'), (e) => {
        const btn = e.currentTarget as HTMLButtonElement;
        void confirmDialog(t('comms.retire_confirm_title'), t('comms.retire_confirm', { title: point.title }), t('comms.retire'), true).then((yes) => {
          if (yes) void busy(btn, async () => { if (await transition(point, 'retire', {}, t('comms.retired_toast'))) onChanged(); });
        });
      }, 'ghost', { dataset: { action: 'retire' } }));
    }
  }

  // Until it is published, the card shows everything that will go out, so nobody approves what they did not see.
  const beforePublishing = point.status === 'draft' || point.status === 'in_review' || point.status === 'approved';
  const warnings = beforePublishing ? [] : point.do_not_say_matches ?? [];
  return h('article', { class: `point-card status-${point.status}`, dataset: { pointId: point.id } },
    h('div', { class: 'point-meta' },
      pointStatusBadge(point.status),
      point.version > 1 ? badge(`v${point.version}`, 'neutral') : null,
      point.shareable ? badge(t('comms.shareable'), 'info') : null,
      h('span', { class: 'meta-text' }, t('comms.by', { name: point.author.name })),
      h('span', { class: 'meta-text' }, timeEl(point.published_at ?? point.updated_at))),
    h('h3', { class: 'point-title' }, point.title),
    point.status === 'draft' && point.sent_back ? sentBackNotice(point.sent_back) : null,
    h('p', { class: 'point-body' }, point.body),
    beforePublishing ? outgoingSection(point, groups) : null,
    warnings.length > 0 ? h('div', { class: 'notice notice-warning', role: 'note' },
      h('strong', null, t('comms.do_not_say')), ' ',
      warnings.map((w) => h('span', { class: 'chip chip-warning' }, w.phrase))) : null,
    point.tags && point.tags.length > 0 ? h('div', { class: 'chips' }, point.tags.map((tag) => h('span', { class: 'chip' }, tag))) : null,
    point.approved_by ? h('p', { class: 'muted small' }, t('comms.approved_by', { name: point.approved_by.name })) : null,
    actions.length > 0 ? h('div', { class: 'point-actions' }, actions) : null);
}
