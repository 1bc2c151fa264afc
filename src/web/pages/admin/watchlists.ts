// Watchlists: the query is checked as you type (debounced) against the server's parser and recent
// mentions, so a syntax error shows where it is and a valid query shows what it would catch.
import { api, ApiError } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { number, timeEl } from '../../format.js';
import { confirmDialog, openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, button, busy, card, empty, errorMessage, errorState, field, input, loading, setFieldError, textarea } from '../../components/ui.js';
import type { Items, QueryTestResult, RiskTerm, Watchlist } from '../../types.js';

export function watchlistsTab(root: HTMLElement): void {
  const list = h('div', null, loading());
  root.append(card(t('watchlists.title'), list, button(t('watchlists.new'), () => openWatchlistEditor(null, load), 'primary', { class: 'btn btn-primary btn-sm' })));

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Watchlist>>('/api/v1/watchlists');
      mount(list, items.length === 0 ? empty(t('watchlists.none'), t('watchlists.none_hint'))
        : h('ul', { class: 'entity-list' }, items.map((w) => h('li', { class: 'entity-item' },
          h('div', { class: 'entity-main' },
            h('div', { class: 'entity-line' }, h('span', { class: 'entity-name' }, w.name), w.enabled ? badge(t('common.enabled'), 'success') : badge(t('common.disabled'), 'muted')),
            h('code', { class: 'query-code' }, w.query),
            h('p', { class: 'muted small' }, t('watchlists.risk_count', { count: w.risk_terms.length }), ' · ', t('common.updated'), ' ', timeEl(w.updated_at))),
          h('div', { class: 'row-actions' },
            button(t('common.edit'), () => openWatchlistEditor(w, load), 'secondary', { class: 'btn btn-secondary btn-sm' }),
            button(t('common.delete'), async () => {
              if (!(await confirmDialog(t('watchlists.delete_title'), t('watchlists.delete_confirm', { name: w.name }), t('common.delete'), true))) return;
              try { await api.del(`/api/v1/watchlists/${encodeURIComponent(w.id)}`); toast(t('watchlists.deleted_toast'), 'success'); void load(); } catch (err) { toast(errorMessage(err), 'error'); }
            }, 'ghost', { class: 'btn btn-ghost btn-sm' }))))));
    } catch (err) {
      mount(list, errorState(err, () => void load()));
    }
  }
  void load();
}

/** The query with the character at `position` marked, built from text nodes only. */
export function markPosition(query: string, position: number): HTMLElement {
  const at = Math.max(0, Math.min(position, query.length));
  return h('code', { class: 'query-code query-error' },
    query.slice(0, at),
    h('mark', { class: 'query-mark' }, query.slice(at, at + 1) || ' '),
    query.slice(at + 1));
}

function riskRow(term: RiskTerm | null, host: HTMLElement): HTMLElement {
  const termInput = input({ value: term?.term ?? '', maxlength: 200, class: 'input risk-term', 'aria-label': t('watchlists.risk_term') });
  const weight = input({ type: 'number', min: '0.1', max: '10', step: '0.1', value: String(term?.weight ?? 1), class: 'input risk-weight', 'aria-label': t('watchlists.risk_weight') });
  const row = h('div', { class: 'risk-row' }, termInput, weight,
    h('button', { type: 'button', class: 'btn-icon', 'aria-label': t('common.remove'), onclick: () => { row.remove(); if (!host.children.length) host.append(h('p', { class: 'muted small empty-note' }, t('watchlists.no_risk'))); } }, '×'));
  return row;
}

export function openWatchlistEditor(existing: Watchlist | null, onSaved: () => void): void {
  const name = input({ maxlength: 200, required: true, value: existing?.name ?? '' });
  const query = textarea({ rows: 3, maxlength: 4000, required: true, class: 'input mono', value: existing?.query ?? '', spellcheck: 'false' });
  const status = h('div', { class: 'query-status', 'aria-live': 'polite' });
  const riskHost = h('div', { class: 'risk-rows' });
  for (const term of existing?.risk_terms ?? []) riskHost.append(riskRow(term, riskHost));
  if (!riskHost.children.length) riskHost.append(h('p', { class: 'muted small empty-note' }, t('watchlists.no_risk')));
  const enabled = h('input', { type: 'checkbox', id: 'wl-enabled', checked: existing?.enabled ?? true });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;

  async function validate(): Promise<void> {
    const q = query.value.trim();
    const mine = ++seq;
    if (!q) { mount(status); setFieldError(query, null); return; }
    mount(status, h('p', { class: 'muted small' }, t('watchlists.checking')));
    try {
      const result = await api.post<QueryTestResult>('/api/v1/watchlists/test', { query: q, limit: 5 });
      if (mine !== seq) return;
      setFieldError(query, null);
      mount(status,
        h('p', { class: 'query-ok' }, '✓ ', t('watchlists.valid', { matched: number(result.matched), scanned: number(result.scanned) })),
        result.samples.length > 0 ? h('ul', { class: 'mention-list compact' }, result.samples.map((s) => h('li', { class: 'mention' },
          h('p', { class: 'mention-text' }, s.text), h('div', { class: 'mention-meta' }, badge(t(`label.${s.label}` as 'label.negative'), `label-${s.label}`), s.author ? h('span', null, s.author) : null, timeEl(s.published_at)))))
          : h('p', { class: 'muted small' }, t('watchlists.no_samples')));
    } catch (err) {
      if (mine !== seq) return;
      if (err instanceof ApiError && err.status === 400) {
        const position = typeof err.extra.position === 'number' ? err.extra.position : null;
        setFieldError(query, err.message.replace(/^query: /, ''));
        mount(status, position !== null ? h('div', { class: 'query-error-box' }, h('p', { class: 'small' }, t('watchlists.error_at', { position: position + 1 })), markPosition(q, position)) : null);
      } else {
        mount(status, h('p', { class: 'muted small' }, errorMessage(err)));
      }
    }
  }

  query.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void validate(), 400);
  });

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, existing ? t('common.save') : t('watchlists.create'));
  const form = h('form', { class: 'stack', novalidate: 'novalidate' },
    field(t('watchlists.name'), name),
    field(t('watchlists.query'), query, { hint: t('watchlists.query_hint') }),
    status,
    h('fieldset', { class: 'risk-terms' }, h('legend', null, t('watchlists.risk_terms')),
      h('p', { class: 'field-hint' }, t('watchlists.risk_hint')),
      riskHost,
      button(t('watchlists.add_risk'), () => { riskHost.querySelector('.empty-note')?.remove(); const row = riskRow(null, riskHost); riskHost.append(row); row.querySelector('input')?.focus(); }, 'ghost', { class: 'btn btn-ghost btn-sm' })),
    h('div', { class: 'choice' }, enabled, h('label', { htmlFor: 'wl-enabled' }, t('watchlists.enabled'))),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setFieldError(name, null);
    if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
    if (!query.value.trim()) { setFieldError(query, t('common.required')); query.focus(); return; }
    const risk_terms = [...riskHost.querySelectorAll('.risk-row')].map((row) => {
      const [termEl, weightEl] = row.querySelectorAll('input');
      return { term: termEl?.value.trim() ?? '', weight: Number(weightEl?.value ?? 1) };
    }).filter((r) => r.term);
    const payload = { name: name.value.trim(), query: query.value.trim(), risk_terms, enabled: enabled.checked };
    void busy(submit, async () => {
      try {
        if (existing) await api.patch(`/api/v1/watchlists/${encodeURIComponent(existing.id)}`, payload);
        else await api.post('/api/v1/watchlists', payload);
        toast(t('watchlists.saved_toast', { name: payload.name }), 'success');
        dialog.close();
        onSaved();
      } catch (err) {
        if (err instanceof ApiError && err.field === 'query') { setFieldError(query, err.message.replace(/^query: /, '')); query.focus(); }
        else if (err instanceof ApiError && err.field === 'name') { setFieldError(name, err.message.replace(/^name: /, '')); name.focus(); }
        else toast(errorMessage(err), 'error');
      }
    });
  });

  const dialog = openDialog(existing ? t('watchlists.edit_title') : t('watchlists.new_title'), form, { wide: true });
  if (query.value.trim()) void validate();
  name.focus();
}
