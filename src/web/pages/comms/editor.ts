// Writing a talking point: title and body, the optional translation, shareable wording, tags, incident
// and audience. Used for new drafts and for editing a draft (or starting a new version of a published one).
import { api } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { getLang, t } from '../../i18n.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { errorMessage, field, input, select, setFieldError, textarea } from '../../components/ui.js';
import type { Group, Incident, Items, Lang, TalkingPoint } from '../../types.js';

const NETWORKS = ['linkedin', 'x', 'facebook', 'instagram', 'other'];

const CHECK_DELAY_MS = 400;

interface DraftCheck { lang: Lang | 'other'; do_not_say_matches: { phrase: string; field: string }[] }

/**
 * The live check under the message: the language the text is written in (so the translation offered is the
 * other one) and any do-not-say wording, asked of the server a moment after typing stops. Approval checks
 * again on the stored point: this only warns early.
 */
function liveCheck(read: () => Record<string, unknown>, shareable: HTMLInputElement, onLang: (lang: Lang) => void) {
  const element = h('div', { class: 'live-check', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  function render(result: DraftCheck): void {
    const matches = result.do_not_say_matches;
    mount(element,
      h('p', { class: 'live-lang', dataset: { lang: result.lang } },
        result.lang === 'other' ? t('editor.lang_other') : t('editor.lang_detected', { lang: t(`lang_name.${result.lang}`) })),
      matches.length === 0
        ? h('p', { class: 'outgoing-clean live-dns-clean' }, '✓ ', t('editor.do_not_say_none'))
        : h('div', { class: 'notice notice-warning live-dns', role: 'note' },
          h('strong', null, t('editor.do_not_say_live')), ' ',
          matches.map((m) => h('span', { class: 'chip chip-warning', title: m.field }, `${m.phrase} · ${m.field}`)),
          shareable.checked ? h('p', { class: 'small' }, t('editor.do_not_say_blocks')) : null));
  }
  async function run(): Promise<void> {
    const mine = ++seq;
    try {
      const result = await api.post<DraftCheck>('/api/v1/talking-points/check', read());
      if (mine !== seq) return; // a newer check is on its way
      if (result.lang !== 'other') onLang(result.lang);
      render(result);
    } catch {
      // Advisory only: the server checks again when the point is approved.
    }
  }
  return {
    element,
    schedule(): void {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), CHECK_DELAY_MS);
    },
    now: () => void run(),
  };
}

/** `preset` pre-fills a new draft (e.g. from an incident page: its facts and the incident itself). */
export function openEditor(existing: TalkingPoint | null, onSaved: (point: TalkingPoint) => void, preset?: { title: string; body: string; incident_id: string }): void {
  // The translation is in the language the message is not written in: until the text says which, an
  // existing translation's language, else the other of the interface language.
  const existingVariant = (['fr', 'en'] as const).find((l) => existing?.variants?.[l]);
  let other: Lang = existingVariant ?? (getLang() === 'fr' ? 'en' : 'fr');
  const title = input({ maxlength: 300, required: true, value: existing?.title ?? preset?.title ?? '' });
  const body = textarea({ rows: 7, maxlength: 10000, required: true, value: existing?.body ?? preset?.body ?? '' });
  const trTitle = input({ maxlength: 300, value: existing?.variants?.[other]?.title ?? '' });
  const trBody = textarea({ rows: 5, maxlength: 10000, value: existing?.variants?.[other]?.body ?? '' });
  const shareable = h('input', { type: 'checkbox', id: uid('shareable'), checked: existing?.shareable ?? false });
  const firstPost = existing?.suggested_posts?.[0];
  const network = select(NETWORKS.map((n) => ({ value: n, label: t(`channel.${n}` as 'channel.x') })));
  network.value = firstPost?.network ?? 'linkedin';
  const postText = textarea({ rows: 3, maxlength: 3000, value: firstPost?.text ?? '' });
  const shareUrl = input({ type: 'url', maxlength: 2000, value: existing?.share_url ?? '', placeholder: 'https://' });
  const tags = input({ value: (existing?.tags ?? []).join(', '), placeholder: t('editor.tags_placeholder') });
  const incident = select([{ value: '', label: t('editor.no_incident') }]);
  const audienceAll = h('input', { type: 'radio', name: 'audience', id: uid('aud'), value: 'all', checked: !existing?.audience?.group_ids?.length });
  const audienceGroups = h('input', { type: 'radio', name: 'audience', id: uid('aud'), value: 'groups', checked: Boolean(existing?.audience?.group_ids?.length) });
  const groupsBox = h('div', { class: 'checkbox-list' });
  const shareBox = h('div', { class: 'stack share-fields', hidden: !shareable.checked },
    field(t('editor.network'), network),
    field(t('editor.post_text'), postText, { hint: t('editor.post_hint') }),
    field(t('editor.share_url'), shareUrl, { hint: t('editor.share_url_hint') }));
  shareable.addEventListener('change', () => { shareBox.hidden = !shareable.checked; });

  void api.get<Items<Incident>>('/api/v1/incidents').then(({ items }) => {
    for (const i of items.filter((x) => x.status === 'open' || x.id === existing?.incident_id)) incident.append(h('option', { value: i.id }, i.title));
    incident.value = existing?.incident_id ?? preset?.incident_id ?? '';
  }).catch(() => undefined);
  void api.get<Items<Group>>('/api/v1/groups').then(({ items }) => {
    const chosen = new Set(existing?.audience?.group_ids ?? []);
    for (const g of items) {
      const id = uid('grp');
      groupsBox.append(h('label', { class: 'choice', htmlFor: id }, h('input', { type: 'checkbox', id, value: g.id, checked: chosen.has(g.id) }), h('span', null, g.name)));
    }
  }).catch(() => undefined);

  const translationSummary = h('summary', null, t(`editor.translation_${other}`));
  const draftText = () => ({
    title: title.value, body: body.value,
    variants: trTitle.value.trim() || trBody.value.trim() ? { [other]: { title: trTitle.value, body: trBody.value } } : {},
    suggested_posts: shareable.checked && postText.value.trim() ? [{ network: network.value, text: postText.value }] : [],
  });
  const check = liveCheck(draftText, shareable, (lang) => {
    other = lang === 'fr' ? 'en' : 'fr';
    translationSummary.textContent = t(`editor.translation_${other}`);
  });
  for (const el of [title, body, trTitle, trBody, postText]) el.addEventListener('input', () => check.schedule());
  shareable.addEventListener('change', () => check.schedule());

  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, existing ? t('editor.save') : t('editor.create'));
  const form = h('form', { class: 'stack editor', novalidate: 'novalidate' },
    field(t('editor.title'), title),
    field(t('editor.body'), body, { hint: t('editor.body_hint') }),
    check.element,
    h('details', { class: 'disclosure translation', open: Boolean(trTitle.value || trBody.value) },
      translationSummary,
      h('div', { class: 'stack' }, field(t('editor.title'), trTitle), field(t('editor.body'), trBody))),
    h('div', { class: 'choice' }, shareable, h('label', { htmlFor: shareable.id }, t('editor.shareable'))),
    shareBox,
    field(t('editor.tags'), tags),
    field(t('editor.incident'), incident),
    h('fieldset', { class: 'choices' }, h('legend', null, t('editor.audience')),
      h('label', { class: 'choice', htmlFor: audienceAll.id }, audienceAll, h('span', null, t('editor.audience_all'))),
      h('label', { class: 'choice', htmlFor: audienceGroups.id }, audienceGroups, h('span', null, t('editor.audience_groups'))),
      groupsBox),
    h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setFieldError(title, null);
    setFieldError(body, null);
    if (!title.value.trim()) { setFieldError(title, t('common.required')); title.focus(); return; }
    if (!body.value.trim()) { setFieldError(body, t('common.required')); body.focus(); return; }
    const groupIds = [...groupsBox.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    const payload: Record<string, unknown> = {
      title: title.value.trim(), body: body.value.trim(), shareable: shareable.checked,
      suggested_posts: shareable.checked && postText.value.trim() ? [{ network: network.value, text: postText.value.trim() }] : [],
      share_url: shareable.checked && shareUrl.value.trim() ? shareUrl.value.trim() : null,
      tags: tags.value.split(',').map((s) => s.trim()).filter(Boolean),
      audience: audienceGroups.checked && groupIds.length > 0 ? { group_ids: groupIds } : { all: true },
      variants: trTitle.value.trim() && trBody.value.trim() ? { [other]: { title: trTitle.value.trim(), body: trBody.value.trim() } } : {},
    };
    if (incident.value) payload.incident_id = incident.value;
    else if (existing?.incident_id) payload.incident_id = null;
    submit.disabled = true;
    const call = existing
      ? api.patch<TalkingPoint>(`/api/v1/talking-points/${encodeURIComponent(existing.id)}`, payload)
      : api.post<TalkingPoint>('/api/v1/talking-points', payload);
    call.then((point) => {
      toast(existing && existing.status === 'published' ? t('editor.new_version_toast') : t('editor.saved_toast'), 'success');
      dialog.close();
      onSaved(point);
    }).catch((err) => {
      submit.disabled = false;
      toast(errorMessage(err), 'error');
    });
  });

  const heading = existing ? (existing.status === 'published' || existing.status === 'approved' ? t('editor.new_version_title') : t('editor.edit_title')) : t('editor.new_title');
  const dialog = openDialog(heading, form, { wide: true });
  title.focus();
  if (existing) check.now();
}
