// The weak-signal form, built for a phone: one column, big targets, a clear confirmation afterwards.
import { api, ApiError } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { timeOnly } from '../../format.js';
import { errorMessage, field, input, select, setFieldError, textarea } from '../../components/ui.js';
import type { Items, Signal, Severity, Watchlist } from '../../types.js';
import { enqueue, newClientId } from '../../offline-queue.js';
import type { SharedPrefill } from './shared.js';

export const CHANNELS = ['x', 'linkedin', 'facebook', 'instagram', 'tiktok', 'youtube', 'press', 'forum', 'customer', 'internal', 'other'] as const;
const SEVERITIES: Severity[] = ['low', 'medium', 'high', 'critical'];

export function createSignalForm(onSent: (signal: Signal) => void, prefill: SharedPrefill | null = null): HTMLElement {
  const host = h('div', { class: 'signal-form-host' });
  renderForm();
  return host;

  function renderForm(): void {
    const text = textarea({ name: 'text', rows: 5, maxlength: 5000, required: true, placeholder: t('signal.text_placeholder') });
    const url = input({ type: 'url', name: 'url', inputmode: 'url', autocomplete: 'off', placeholder: 'https://' });
    const channel = select([{ value: '', label: t('signal.channel_none') }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))], { name: 'channel' });
    const watchlist = select([{ value: '', label: t('signal.watchlist_none') }], { name: 'watchlist' });
    const group = uid('severity');
    const severity = h('fieldset', { class: 'severity-picker' },
      h('legend', { class: 'field-label' }, t('signal.severity')),
      h('div', { class: 'severity-options' }, SEVERITIES.map((s) => {
        const id = `${group}-${s}`;
        return h('label', { class: `severity-option sev-${s}`, htmlFor: id },
          h('input', { type: 'radio', name: group, id, value: s, checked: s === 'medium' }),
          h('span', { class: 'severity-name' }, t(`severity.${s}`)),
          h('span', { class: 'severity-desc' }, t(`signal.severity_${s}` as Key)));
      })));
    const error = h('p', { class: 'form-error', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-lg' }, t('signal.submit'));
    const form = h('form', { class: 'signal-form stack', novalidate: 'novalidate' },
      field(t('signal.text'), text, { hint: t('signal.text_hint') }),
      field(t('signal.url'), url, { hint: t('signal.url_hint') }),
      field(t('signal.channel'), channel),
      severity,
      field(t('signal.watchlist'), watchlist, { hint: t('signal.watchlist_hint') }),
      error,
      submit);
    if (prefill) applyPrefill(prefill);
    void api.get<Items<Watchlist>>('/api/v1/watchlists').then(({ items }) => {
      for (const w of items.filter((x) => x.enabled)) watchlist.append(h('option', { value: w.id }, w.name));
    }).catch(() => undefined);

    // One id per report written: resending it (a retry, or the offline queue) never files it twice.
    const clientId = newClientId();
    function applyPrefill(shared: SharedPrefill): void {
      text.value = shared.text;
      url.value = shared.url;
      channel.value = shared.channel;
      // The error slots are found by id, so once the form is in the document.
      setTimeout(() => {
        if (shared.problems.includes('url_invalid')) setFieldError(url, t('signal.url_invalid'));
        if (shared.problems.includes('text_too_long')) setFieldError(text, t('signal.shared_too_long'));
      }, 0);
      prefill = null; // "report something else" starts from an empty form
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send();
    });

    async function send(): Promise<void> {
      error.textContent = '';
      setFieldError(text, null);
      setFieldError(url, null);
      if (!text.value.trim()) {
        setFieldError(text, t('signal.text_required'));
        text.focus();
        return;
      }
      if (url.value.trim() && !/^https?:\/\/\S+$/i.test(url.value.trim())) {
        setFieldError(url, t('signal.url_invalid'));
        url.focus();
        return;
      }
      const picked = form.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`);
      submit.disabled = true;
      submit.textContent = t('signal.sending');
      const body = {
        text: text.value.trim(), severity: (picked?.value ?? 'medium') as Severity, client_id: clientId,
        ...(url.value.trim() ? { url: url.value.trim() } : {}),
        ...(channel.value ? { channel: channel.value } : {}),
        ...(watchlist.value ? { watchlist_id: watchlist.value } : {}),
      };
      try {
        const signal = await api.post<Signal>('/api/v1/signals', body);
        onSent(signal);
        renderConfirmation(signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 0) {
          enqueue(body);
          renderQueued(body.text);
          return;
        }
        if (err instanceof ApiError && err.field === 'text') setFieldError(text, err.message);
        else if (err instanceof ApiError && err.field === 'url') setFieldError(url, t('signal.url_invalid'));
        else error.textContent = errorMessage(err);
        submit.disabled = false;
        submit.textContent = t('signal.submit');
      }
    }
    mount(host, form);
  }

  function renderQueued(reportText: string): void {
    const heading = h('h3', { class: 'confirm-title', tabindex: '-1' }, t('signal.queued_title'));
    mount(host, h('div', { class: 'confirmation confirmation-queued', role: 'status' },
      h('div', { class: 'confirm-icon', 'aria-hidden': 'true' }, '⏳'),
      heading,
      h('p', null, t('signal.queued_body')),
      h('blockquote', { class: 'confirm-quote' }, reportText),
      h('button', { type: 'button', class: 'btn btn-secondary btn-block', onclick: () => { renderForm(); host.querySelector('textarea')?.focus(); } }, t('signal.another'))));
    heading.focus();
  }

  function renderConfirmation(signal: Signal): void {
    const heading = h('h3', { class: 'confirm-title', tabindex: '-1' }, t('signal.sent_title'));
    mount(host, h('div', { class: 'confirmation', role: 'status' },
      h('div', { class: 'confirm-icon', 'aria-hidden': 'true' }, '✓'),
      heading,
      h('p', null, t('signal.sent_body', { time: timeOnly(signal.created_at) })),
      h('blockquote', { class: 'confirm-quote' }, signal.text),
      h('button', { type: 'button', class: 'btn btn-secondary btn-block', onclick: () => { renderForm(); host.querySelector('textarea')?.focus(); } }, t('signal.another'))));
    heading.focus();
  }
}
