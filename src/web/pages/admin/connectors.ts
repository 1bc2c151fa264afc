// Adding a social source (reddit, hackernews, json, bluesky, mastodon): a form per kind, a live preview of the
// first posts it would store (nothing saved), secrets typed into password fields and never shown again.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { button, busy, errorMessage, field, input, select, setFieldError } from '../../components/ui.js';
import type { FeedPreview, Source } from '../../types.js';

type Kind = 'reddit' | 'hackernews' | 'json' | 'bluesky' | 'mastodon';
interface KindForm { element: HTMLElement; url(): string | undefined; config(): Record<string, unknown>; first: HTMLInputElement }

/** Comma- or space-separated names, without the prefix the network writes before them (r/, #). */
const list = (v: string, prefix: RegExp) => v.split(/[\s,]+/).map((s) => s.replace(prefix, '')).filter(Boolean);
const val = (i: HTMLInputElement) => i.value.trim();
const stack = (...fields: HTMLElement[]) => h('div', { class: 'stack' }, ...fields);
/** A secret: never autofilled from the browser's saved passwords, never shown again once saved. */
const secretInput = () => input({ type: 'password', autocomplete: 'new-password' });
const secretField = (label: string, control: HTMLInputElement) => field(label, control, { hint: t('conn.secret_note') });
/** Optional config keys are left out when empty, so the server applies its defaults. */
const optional = (key: string, value: unknown): Record<string, unknown> => (value === '' || value === undefined || (Array.isArray(value) && value.length === 0) ? {} : { [key]: value });

function redditForm(): KindForm {
  const query = input({ maxlength: 512, required: true });
  const subs = input({ placeholder: 'france, technology' });
  const clientId = input({ autocomplete: 'off' });
  const secret = secretInput();
  const base = input({ type: 'url', placeholder: 'https://www.reddit.com' });
  return {
    first: query,
    element: stack(field(t('conn.query'), query, { hint: t('conn.query_hint') }), field(t('conn.subreddits'), subs),
      field(t('conn.client_id'), clientId), secretField(t('conn.client_secret'), secret), field(t('conn.base_url'), base)),
    url: () => val(base) || undefined,
    config: () => ({ query: val(query), ...optional('subreddits', list(subs.value, /^\/?r\//)), ...(val(clientId) ? { client_id: val(clientId), client_secret: secret.value } : {}) }),
  };
}

function hackerNewsForm(): KindForm {
  const query = input({ maxlength: 500, required: true });
  const tags = select(['both', 'story', 'comment'].map((v) => ({ value: v, label: t(`conn.tags_${v}` as 'conn.tags_both') })));
  const base = input({ type: 'url', placeholder: 'https://hn.algolia.com/api/v1' });
  return {
    first: query,
    element: stack(field(t('conn.query'), query, { hint: t('conn.query_hint') }), field(t('conn.tags'), tags), field(t('conn.base_url'), base)),
    url: () => val(base) || undefined,
    config: () => ({ query: val(query), tags: tags.value }),
  };
}

function jsonForm(): KindForm {
  const url = input({ type: 'url', required: true, placeholder: 'https://api.example.com/posts' });
  const ptr = (placeholder: string) => input({ placeholder, class: 'input mono' });
  const p = { items: ptr('/data/items'), id: ptr('/id'), text: ptr('/text'), author: ptr('/author/name'), url: ptr('/url'), date: ptr('/created_at') };
  p.items.value = '/items'; p.id.value = '/id'; p.text.value = '/text';
  const headerName = input({ placeholder: 'Authorization', autocomplete: 'off' });
  const headerValue = secretInput();
  return {
    first: url,
    element: stack(field(t('conn.json_url'), url),
      field(t('conn.ptr_items'), p.items), field(t('conn.ptr_id'), p.id), field(t('conn.ptr_text'), p.text),
      field(t('conn.ptr_author'), p.author), field(t('conn.ptr_url'), p.url), field(t('conn.ptr_date'), p.date),
      field(t('conn.header_name'), headerName), secretField(t('conn.header_value'), headerValue)),
    url: () => val(url) || undefined,
    config: () => ({
      mapping: Object.fromEntries(Object.entries(p).map(([k, i]) => [k, i.value.trim()]).filter(([, v]) => v !== '')),
      ...(val(headerName) ? { headers: { [val(headerName)]: headerValue.value } } : {}),
    }),
  };
}

/** The Bluesky firehose through a Jetstream instance; an account (handle + app password) turns on backfill. */
function blueskyForm(): KindForm {
  const endpoint = input({ type: 'url', placeholder: 'wss://jetstream2.us-east.bsky.network/subscribe' });
  const identifier = input({ autocomplete: 'off', placeholder: 'acme.bsky.social' });
  const appPassword = secretInput();
  return {
    first: endpoint,
    element: stack(field(t('conn.jetstream_url'), endpoint, { hint: t('conn.jetstream_hint') }),
      field(t('conn.bsky_identifier'), identifier, { hint: t('conn.bsky_backfill_hint') }), secretField(t('conn.bsky_app_password'), appPassword)),
    url: () => val(endpoint) || undefined,
    config: () => (val(identifier) ? { backfill: true, identifier: val(identifier), ...optional('app_password', appPassword.value) } : {}),
  };
}

/** Hashtag and/or public timelines of one Mastodon instance, streamed live. */
function mastodonForm(): KindForm {
  const instance = input({ type: 'url', required: true, placeholder: 'https://mastodon.social' });
  const hashtags = input({ placeholder: 'acme, grève' });
  const timeline = select(['none', 'public', 'local'].map((v) => ({ value: v, label: t(`conn.timeline_${v}` as 'conn.timeline_none') })));
  const token = secretInput();
  return {
    first: instance,
    element: stack(field(t('conn.instance'), instance), field(t('conn.hashtags'), hashtags, { hint: t('conn.hashtags_hint') }),
      field(t('conn.timeline'), timeline), secretField(t('conn.access_token'), token)),
    url: () => val(instance) || undefined,
    config: () => ({ hashtags: list(hashtags.value, /^#/), ...(timeline.value !== 'none' ? { timeline: timeline.value } : {}), ...optional('access_token', token.value) }),
  };
}

const FORMS: Record<Kind, () => KindForm> = { reddit: redditForm, hackernews: hackerNewsForm, json: jsonForm, bluesky: blueskyForm, mastodon: mastodonForm };

export function addConnector(onAdded: () => void, previewView: (p: FeedPreview) => HTMLElement): void {
  const kind = select((Object.keys(FORMS) as Kind[]).map((k) => ({ value: k, label: t(`source_kind.${k}`) })));
  const name = input({ maxlength: 200, required: true });
  const host = h('div');
  const preview = h('div', { class: 'preview-host', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('conn.preview_hint')));
  let form = FORMS.reddit();
  const show = () => {
    form = FORMS[kind.value as Kind]();
    mount(host, form.element);
    mount(preview, h('p', { class: 'muted' }, t('conn.preview_hint')));
  };
  kind.addEventListener('change', show);
  const body = () => ({ kind: kind.value, ...(form.url() ? { url: form.url() } : {}), config: form.config() });
  const previewBtn = button(t('sources.preview'), () => void busy(previewBtn, async () => {
    mount(preview, h('p', { class: 'muted' }, t('conn.previewing')));
    try {
      mount(preview, previewView(await api.post<FeedPreview>('/api/v1/sources/preview', body())));
    } catch (err) {
      mount(preview, h('div', { class: 'notice notice-error', role: 'alert' }, errorMessage(err)));
    }
  }), 'secondary');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('sources.add'));
  const formEl = h('form', { class: 'stack', novalidate: 'novalidate' },
    field(t('conn.kind'), kind), host, h('div', null, previewBtn), preview, field(t('sources.name'), name),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
  formEl.addEventListener('submit', (e) => {
    e.preventDefault();
    setFieldError(name, null);
    if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
    void busy(submit, async () => {
      try {
        await api.post<Source>('/api/v1/sources', { ...body(), name: name.value.trim() });
        toast(t('sources.added_toast', { name: name.value.trim() }), 'success');
        dialog.close();
        onAdded();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  show();
  const dialog = openDialog(t('sources.add_connector'), formEl, { wide: true });
  form.first.focus();
}

/** RSS presets: searches the rss kind already reads. */
export const PRESETS: Record<string, (term: string) => string> = {
  gnews_fr: (q) => `https://news.google.com/rss/search?q=${encodeURIComponent(q)}&hl=fr&gl=FR&ceid=FR:fr`,
  gnews_en: (q) => `https://news.google.com/rss/search?q=${encodeURIComponent(q)}&hl=en-US&gl=US&ceid=US:en`,
  reddit_rss: (q) => `https://www.reddit.com/search.rss?q=${encodeURIComponent(q)}&sort=new`,
  youtube: (id) => `https://www.youtube.com/feeds/videos.xml?channel_id=${encodeURIComponent(id)}`,
};
