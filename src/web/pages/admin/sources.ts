// Sources: health, enable/disable, poll now, and adding feeds (with a preview of what they would collect)
// or push connectors (whose ingest token is shown once).
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime, number, timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { button, busy, card, empty, errorMessage, errorState, field, input, loading, select, setFieldError } from '../../components/ui.js';
import type { FeedPreview, Items, Source } from '../../types.js';
import { healthBadge } from '../dashboard/sources.js';
import { PRESETS, addConnector } from './connectors.js';

const INTERVALS = [300, 900, 1800, 3600, 21600];

export function sourcesTab(root: HTMLElement): void {
  const list = h('div', null, loading());
  root.append(card(t('sources.title'), list, [
    button(t('sources.add_rss'), () => addRss(load), 'primary', { class: 'btn btn-primary btn-sm' }),
    button(t('sources.add_connector'), () => addConnector(load, previewView), 'secondary', { class: 'btn btn-secondary btn-sm' }),
    button(t('sources.add_push'), () => addPush(load), 'secondary', { class: 'btn btn-secondary btn-sm' }),
  ]));

  // Health changes on its own (polls, catch-up, rate limits): refresh while the tab is shown.
  const refresh = setInterval(() => {
    if (!root.isConnected) clearInterval(refresh);
    else if (!document.hidden && !root.querySelector(':focus')) void load();
  }, 15_000);

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Source>>('/api/v1/sources');
      mount(list, items.length === 0 ? empty(t('sources.none'), t('sources.none_hint')) : table(items));
    } catch (err) {
      mount(list, errorState(err, () => void load()));
    }
  }

  function table(items: Source[]): HTMLElement {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
      h('thead', null, h('tr', null, ...['sources.col_name', 'sources.col_kind', 'sources.col_health', 'sources.col_last', 'sources.col_items', 'sources.col_enabled', 'sources.col_actions']
        .map((k) => h('th', { scope: 'col' }, t(k as 'sources.col_name'))))),
      h('tbody', null, items.map((s) => h('tr', { dataset: { sourceId: s.id } },
        h('td', null, h('div', { class: 'cell-title' }, s.name), s.url ? h('div', { class: 'cell-sub truncate', title: s.url }, s.url) : null,
          s.last_error ? h('div', { class: 'cell-error', title: s.last_error }, s.last_error) : null),
        h('td', null, t(`source_kind.${s.kind}`)),
        h('td', null, healthBadge(s), s.consecutive_failures > 0 ? h('div', { class: 'cell-sub' }, t('sources.failures', { count: s.consecutive_failures })) : null,
          connectorHealth(s)),
        h('td', null, timeEl(s.last_success_at ?? s.last_polled_at)),
        h('td', { class: 'num' }, number(s.items_collected)),
        h('td', null, s.kind === 'ambassador' ? '—' : enabledSwitch(s)),
        h('td', null, h('div', { class: 'row-actions' },
          s.poll_interval_seconds !== null ? button(t('sources.poll'), (e) => void busy(e.currentTarget as HTMLButtonElement, () => pollNow(s)), 'ghost', { class: 'btn btn-ghost btn-sm' }) : null,
          s.kind === 'push' ? button(t('sources.rotate'), () => void rotate(s), 'ghost', { class: 'btn btn-ghost btn-sm' }) : null)))))));
  }

  function enabledSwitch(s: Source): HTMLElement {
    const box = h('input', { type: 'checkbox', class: 'switch', checked: s.enabled, 'aria-label': t('sources.enabled_label', { name: s.name }) });
    box.addEventListener('change', async () => {
      box.disabled = true;
      try {
        await api.patch(`/api/v1/sources/${encodeURIComponent(s.id)}`, { enabled: box.checked });
        toast(box.checked ? t('sources.enabled_toast', { name: s.name }) : t('sources.disabled_toast', { name: s.name }), 'success');
        void load();
      } catch (err) {
        box.checked = !box.checked;
        toast(errorMessage(err), 'error');
      } finally {
        box.disabled = false;
      }
    });
    return box;
  }

  async function pollNow(s: Source): Promise<void> {
    try {
      const outcome = await api.post<{ ok: boolean; accepted: number; not_modified: boolean; error: string | null }>(`/api/v1/sources/${encodeURIComponent(s.id)}/poll`, {});
      if (!outcome.ok) toast(t('sources.poll_failed', { error: outcome.error ?? '' }), 'error', 8000);
      else if (outcome.not_modified) toast(t('sources.poll_not_modified'), 'info');
      else toast(t('sources.poll_ok', { count: outcome.accepted }), 'success');
      void load();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  async function rotate(s: Source): Promise<void> {
    try {
      const updated = await api.post<Source>(`/api/v1/sources/${encodeURIComponent(s.id)}/rotate-token`, {});
      showToken(updated);
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  void load();
}

/** State, lag, errors and last post of a connector; the reason when it was disabled. */
function connectorHealth(s: Source): HTMLElement | null {
  if (!s.state || s.kind === 'push' || s.kind === 'ambassador') return null;
  const parts = [t(`state.${s.state}`)];
  if (s.lag_seconds) parts.push(t('sources.lag', { seconds: Math.round(s.lag_seconds) }));
  if (s.error_count) parts.push(t('sources.errors', { count: s.error_count }));
  return h('div', { class: 'cell-sub source-state', 'data-state': s.state },
    parts.join(' · '), s.last_event_at ? h('span', null, ' · ', t('sources.last_event'), ' ', timeEl(s.last_event_at)) : null,
    !s.enabled && s.disabled_reason ? h('div', { class: 'source-error', title: s.disabled_reason }, s.disabled_reason) : null);
}

function previewView(p: FeedPreview): HTMLElement {
  if (!p.ok) return h('div', { class: 'notice notice-error', role: 'alert' }, t('sources.preview_failed', { error: p.error ?? '' }));
  return h('div', { class: 'preview' },
    h('p', { class: 'preview-head' }, h('strong', null, p.title ?? t('sources.untitled')), ' · ', p.format ?? '', ' · ', t('sources.preview_total', { count: p.total ?? p.mentions.length })),
    p.mentions.length === 0 ? empty(t('sources.preview_empty')) : h('ul', { class: 'preview-list' }, p.mentions.slice(0, 8).map((m) => h('li', null,
      h('p', { class: 'preview-title' }, m.title ?? m.text.slice(0, 140)),
      m.title ? h('p', { class: 'preview-text' }, m.text.slice(0, 280)) : null,
      h('p', { class: 'muted small' }, dateTime(m.published_at), m.author ? ` · ${m.author}` : '',
        m.network ? ` · ${m.network}` : '', m.author_followers != null || m.likes != null ? ` · ${t('sources.reach', { followers: number(m.author_followers ?? 0), likes: number(m.likes ?? 0) })}` : '')))));
}

function addRss(onAdded: () => void): void {
  const url = input({ type: 'url', placeholder: 'https://…/feed.xml', required: true });
  const name = input({ maxlength: 200, required: true });
  const preset = select([{ value: '', label: t('preset.none') }, ...Object.keys(PRESETS).map((k) => ({ value: k, label: t(`preset.${k}` as 'preset.none') }))]);
  const term = input({ maxlength: 300 });
  const termField = field(t('preset.term'), term);
  termField.hidden = true;
  const applyPreset = () => {
    const make = PRESETS[preset.value];
    termField.hidden = !make;
    if (make && term.value.trim()) url.value = make(term.value.trim());
  };
  preset.addEventListener('change', applyPreset);
  term.addEventListener('input', applyPreset);
  const interval = select(INTERVALS.map((s) => ({ value: String(s), label: t('sources.every', { minutes: s / 60 }) })));
  interval.value = '900';
  const preview = h('div', { class: 'preview-host', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('sources.preview_hint')));
  const previewBtn = button(t('sources.preview'), () => void busy(previewBtn, runPreview), 'secondary');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('sources.add'));

  async function runPreview(): Promise<void> {
    setFieldError(url, null);
    if (!url.value.trim()) { setFieldError(url, t('common.required')); url.focus(); return; }
    mount(preview, h('p', { class: 'muted' }, t('sources.previewing')));
    try {
      const p = await api.post<FeedPreview>('/api/v1/sources/preview', { url: url.value.trim() });
      mount(preview, previewView(p));
      if (p.ok && p.title && !name.value.trim()) name.value = p.title.slice(0, 200);
    } catch (err) {
      mount(preview, h('div', { class: 'notice notice-error', role: 'alert' }, errorMessage(err)));
    }
  }

  const form = h('form', { class: 'stack', novalidate: 'novalidate' },
    field(t('sources.preset'), preset), termField,
    h('div', { class: 'field-with-button' }, field(t('sources.url'), url, { hint: t('sources.url_hint') }), previewBtn),
    preview,
    field(t('sources.name'), name),
    field(t('sources.interval'), interval),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setFieldError(url, null);
    setFieldError(name, null);
    if (!url.value.trim()) { setFieldError(url, t('common.required')); url.focus(); return; }
    if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
    void busy(submit, async () => {
      try {
        await api.post<Source>('/api/v1/sources', { kind: 'rss', name: name.value.trim(), url: url.value.trim(), poll_interval_seconds: Number(interval.value) });
        toast(t('sources.added_toast', { name: name.value.trim() }), 'success');
        dialog.close();
        onAdded();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  const dialog = openDialog(t('sources.add_rss'), form, { wide: true });
  url.focus();
}

function addPush(onAdded: () => void): void {
  const name = input({ maxlength: 200, required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('sources.create_push'));
  const form = h('form', { class: 'stack', novalidate: 'novalidate' },
    h('p', { class: 'muted' }, t('sources.push_explain')),
    field(t('sources.name'), name),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
    void busy(submit, async () => {
      try {
        const source = await api.post<Source>('/api/v1/sources', { kind: 'push', name: name.value.trim() });
        dialog.close();
        onAdded();
        showToken(source);
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  const dialog = openDialog(t('sources.add_push'), form);
  name.focus();
}

function showToken(source: Source): void {
  const token = source.ingest_token ?? '';
  const tokenInput = input({ value: token, readOnly: true, class: 'input mono', 'aria-label': t('sources.token') });
  const example = `curl -X POST ${location.origin}/api/v1/mentions \\\n  -H "Authorization: Bearer ${token}" \\\n  -H "Content-Type: application/json" \\\n  -d '{"mentions":[{"external_id":"1","text":"…"}]}'`;
  openDialog(t('sources.token_title', { name: source.name }), h('div', { class: 'stack' },
    h('div', { class: 'notice notice-warning', role: 'note' }, t('sources.token_once')),
    h('div', { class: 'field-with-button' }, field(t('sources.token'), tokenInput), button(t('feed.copy'), async (e) => {
      const btn = e.currentTarget as HTMLButtonElement;
      try { await navigator.clipboard.writeText(token); btn.textContent = t('feed.copied'); } catch { tokenInput.select(); }
    }, 'secondary')),
    h('p', { class: 'field-label' }, t('sources.example')),
    h('pre', { class: 'code' }, example)), { wide: true });
  tokenInput.select();
}
