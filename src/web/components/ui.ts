// Small building blocks shared by the pages: badges, loading/empty/error states, form fields, buttons.
import { ApiError } from '../api.js';
import { h, uid, type Child } from '../dom.js';
import { t, type Key } from '../i18n.js';
import type { Severity } from '../types.js';

export function severityBadge(severity: Severity): HTMLElement {
  return h('span', { class: `badge sev-${severity}` }, t(`severity.${severity}` as Key));
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}` as Key));
}

export function badge(text: string, variant = 'neutral'): HTMLElement {
  return h('span', { class: `badge badge-${variant}` }, text);
}

export function loading(label: Child = t('common.loading')): HTMLElement {
  return h('div', { class: 'state state-loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', null, label));
}

export function empty(title: Child, hint?: Child): HTMLElement {
  return h('div', { class: 'state state-empty' },
    h('div', { class: 'state-icon', 'aria-hidden': 'true' }),
    h('p', { class: 'state-title' }, title),
    hint ? h('p', { class: 'state-hint' }, hint) : null);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t('error.network');
    if (err.status === 403) return t('error.forbidden');
    if (err.status === 429) return t('error.rate_limited');
    if (err.status >= 500) return t('error.server');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export function errorState(err: unknown, retry?: () => void): HTMLElement {
  return h('div', { class: 'state state-error', role: 'alert' },
    h('p', { class: 'state-title' }, t('error.title')),
    h('p', { class: 'state-hint' }, errorMessage(err)),
    retry ? h('button', { type: 'button', class: 'btn btn-secondary', onclick: retry }, t('common.retry')) : null);
}

export function notAvailable(): HTMLElement {
  return empty(t('common.not_available'), t('common.not_available_hint'));
}

/** True when the endpoint does not exist on this server (an older build): show a calm "not available". */
export function isMissingEndpoint(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404 && /^no route /.test(err.message);
}

export function card(title: Child, body: Child, actions?: Child, extraClass = ''): HTMLElement {
  return h('section', { class: `card ${extraClass}`.trim() },
    h('header', { class: 'card-header' }, h('h2', { class: 'card-title' }, title), actions ? h('div', { class: 'card-actions' }, actions) : null),
    h('div', { class: 'card-body' }, body));
}

export interface FieldOptions { hint?: string; error?: string; class?: string }

/** A labelled form control with an optional hint and an error slot wired through aria-describedby. */
export function field(label: Child, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, options: FieldOptions = {}): HTMLElement {
  if (!control.id) control.id = uid('field');
  const hintId = `${control.id}-hint`;
  const errorId = `${control.id}-error`;
  control.setAttribute('aria-describedby', `${options.hint ? hintId + ' ' : ''}${errorId}`);
  // An error describes the value that was refused: once the user changes it, it no longer applies.
  control.addEventListener('input', () => { if (control.getAttribute('aria-invalid') === 'true') setFieldError(control, null); });
  return h('div', { class: `field ${options.class ?? ''}`.trim() },
    h('label', { htmlFor: control.id, class: 'field-label' }, label),
    control,
    options.hint ? h('p', { class: 'field-hint', id: hintId }, options.hint) : null,
    h('p', { class: 'field-error', id: errorId, 'aria-live': 'polite' }, options.error ?? ''));
}

export function setFieldError(control: HTMLElement, message: string | null): void {
  const slot = document.getElementById(`${control.id}-error`);
  if (slot) slot.textContent = message ?? '';
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

export function input(attrs: Record<string, unknown> = {}): HTMLInputElement {
  return h('input', { type: 'text', class: 'input', ...attrs });
}

export function textarea(attrs: Record<string, unknown> = {}): HTMLTextAreaElement {
  return h('textarea', { class: 'input', rows: 4, ...attrs });
}

export function select(options: { value: string; label: string }[], attrs: Record<string, unknown> = {}): HTMLSelectElement {
  return h('select', { class: 'input', ...attrs }, options.map((o) => h('option', { value: o.value }, o.label)));
}

export function button(label: Child, onclick: (event: Event) => void, variant = 'secondary', attrs: Record<string, unknown> = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: `btn btn-${variant}`, onclick, ...attrs }, label);
}

/** Runs an async action with the button disabled and busy, reporting failures as a toast. */
export async function busy<T>(btn: HTMLButtonElement, action: () => Promise<T>): Promise<T | undefined> {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  }
}

export function kv(rows: [Child, Child][]): HTMLElement {
  return h('dl', { class: 'kv' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}

export function tabs<T extends string>(items: { id: T; label: Child; count?: number }[], active: T, onSelect: (id: T) => void): HTMLElement {
  // Plain toggle buttons (aria-pressed): simpler and fully keyboard-usable without a roving tabindex.
  return h('div', { class: 'tabs', role: 'group' }, items.map((item) => h('button', {
    type: 'button', class: `tab ${item.id === active ? 'is-active' : ''}`, 'aria-pressed': String(item.id === active),
    onclick: () => onSelect(item.id),
  }, item.label, item.count !== undefined ? h('span', { class: 'tab-count' }, String(item.count)) : null)));
}
