// The comms team's ambassador programme: publish the charter (a new version asks every ambassador to
// accept again), write training modules, and see who accepted and trained, per ambassador and group.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { timeEl } from '../../format.js';
import { renderMarkdown } from '../../markdown.js';
import { toast } from '../../components/toast.js';
import { badge, busy, card, empty, errorMessage, errorState, field, input, loading, select, setFieldError, textarea } from '../../components/ui.js';
import type { CharterState, Items, Me, ProgrammeReport, TrainingModule } from '../../types.js';

/** "? question" then "* right" / "- wrong" lines; null when a block is malformed. */
export function parseQuestions(source: string): { question: string; choices: string[]; answer: number }[] | null {
  const out: { question: string; choices: string[]; answer: number }[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('?')) out.push({ question: line.slice(1).trim(), choices: [], answer: -1 });
    else if ((line.startsWith('*') || line.startsWith('-')) && out.length > 0) {
      const q = out[out.length - 1]!;
      if (line.startsWith('*')) q.answer = q.answer === -1 ? q.choices.length : -2;
      q.choices.push(line.slice(1).trim());
    } else return null;
  }
  return out.every((q) => q.question && q.choices.length >= 2 && q.answer >= 0) ? out : null;
}

function charterCard(canEdit: boolean, onPublished: () => void): HTMLElement {
  const current = h('div', { class: 'charter-current' }, loading());
  const bodyFr = textarea({ rows: 6, maxlength: 50000 });
  const bodyEn = textarea({ rows: 6, maxlength: 50000 });
  const cardFr = textarea({ rows: 3, maxlength: 5000 });
  const cardEn = textarea({ rows: 3, maxlength: 5000 });
  void api.get<CharterState>('/api/v1/charter').then(({ charter }) => {
    if (!charter) return mount(current, h('p', { class: 'meta-text' }, t('programme.no_charter')));
    [bodyFr.value, bodyEn.value, cardFr.value, cardEn.value] = [charter.body_fr, charter.body_en, charter.card_fr, charter.card_en];
    mount(current, h('p', { class: 'meta-text' }, t('programme.current', { version: charter.version, when: '' }), timeEl(charter.published_at)),
      h('details', { class: 'disclosure' }, h('summary', null, t('charter.view')), renderMarkdown(charter.body_en)));
  }).catch((err) => mount(current, errorState(err)));
  if (!canEdit) return card(t('programme.charter'), current, null, 'card-programme-charter');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('programme.publish'));
  const form = h('form', { class: 'stack', novalidate: 'novalidate' },
    field(t('programme.body_fr'), bodyFr), field(t('programme.body_en'), bodyEn),
    field(t('programme.card_fr'), cardFr), field(t('programme.card_en'), cardEn),
    h('p', { class: 'field-hint' }, t('programme.publish_hint')), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const c of [bodyFr, bodyEn]) setFieldError(c, c.value.trim() ? null : t('common.required'));
    if (!bodyFr.value.trim() || !bodyEn.value.trim()) return;
    void busy(submit, async () => {
      try {
        const published = await api.post<{ version: number }>('/api/v1/charter', { body_fr: bodyFr.value, body_en: bodyEn.value, card_fr: cardFr.value, card_en: cardEn.value });
        toast(t('programme.published_toast', { version: published.version }), 'success');
        onPublished();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  return card(t('programme.charter'), [current, form], null, 'card-programme-charter');
}

function modulesCard(canEdit: boolean): HTMLElement {
  const list = h('div', { class: 'module-admin-list' }, loading());
  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<TrainingModule>>('/api/v1/training/modules');
      mount(list, items.length === 0 ? empty(t('training.none')) : h('ul', { class: 'module-list' }, items.map((m) => h('li', { class: 'module-item' },
        h('span', { class: 'module-title' }, m.title), ' ', badge(m.lang.toUpperCase(), 'neutral'), ' ',
        h('span', { class: 'meta-text' }, t('programme.question_count', { count: m.questions.length })),
        m.published ? null : [' ', badge(t('programme.unpublished'), 'neutral')]))));
    } catch (err) {
      mount(list, errorState(err, () => void load()));
    }
  }
  void load();
  if (!canEdit) return card(t('programme.modules'), list, null, 'card-programme-modules');
  const title = input({ maxlength: 200 });
  const lang = select([{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]);
  const body = textarea({ rows: 5, maxlength: 50000 });
  const questions = textarea({ rows: 5, placeholder: '? …\n* …\n- …' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('programme.module_create'));
  const form = h('form', { class: 'stack', novalidate: 'novalidate' },
    field(t('programme.module_title'), title), field(t('programme.module_lang'), lang), field(t('programme.module_body'), body),
    field(t('programme.module_questions'), questions, { hint: t('programme.module_questions_hint') }), submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const parsed = parseQuestions(questions.value);
    setFieldError(title, title.value.trim() ? null : t('common.required'));
    setFieldError(body, body.value.trim() ? null : t('common.required'));
    setFieldError(questions, parsed ? null : t('programme.questions_invalid'));
    if (!title.value.trim() || !body.value.trim() || !parsed) return;
    void busy(submit, async () => {
      try {
        await api.post('/api/v1/training/modules', { title: title.value, lang: lang.value, body: body.value, questions: parsed });
        toast(t('programme.module_created', { title: title.value.trim() }), 'success');
        form.reset();
        await load();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  return card(t('programme.modules'), [list, h('details', { class: 'disclosure' }, h('summary', null, t('programme.new_module')), form)], null, 'card-programme-modules');
}

function reportCard(): { element: HTMLElement; load(): Promise<void> } {
  const body = h('div', { class: 'programme-report' }, loading());
  async function load(): Promise<void> {
    try {
      const r = await api.get<ProgrammeReport>('/api/v1/programme/report');
      const charterCell = (a: ProgrammeReport['ambassadors'][number]) => a.accepted_current ? badge(t('programme.accepted_v', { version: a.accepted_version ?? 0 }), 'success')
        : a.accepted_version ? badge(t('programme.outdated', { version: a.accepted_version }), 'warning') : badge(t('programme.not_accepted'), 'neutral');
      mount(body, r.ambassadors.length === 0 ? empty(t('programme.no_ambassadors')) : [
        h('table', { class: 'table programme-people' },
          h('thead', null, h('tr', null, ['col_name', 'col_groups', 'col_charter', 'col_training'].map((c) => h('th', { scope: 'col' }, t(`programme.${c}` as 'programme.col_name'))))),
          h('tbody', null, r.ambassadors.map((a) => h('tr', null,
            h('td', null, a.name), h('td', null, a.groups.map((g) => g.name).join(', ')), h('td', null, r.charter_version === null ? '—' : charterCell(a)),
            h('td', null, `${a.modules_completed} / ${r.modules_total}`))))),
        r.groups.length === 0 ? null : h('table', { class: 'table programme-groups' },
          h('caption', null, t('programme.by_group')),
          h('thead', null, h('tr', null, ['col_group', 'col_members', 'col_accepted', 'col_trained'].map((c) => h('th', { scope: 'col' }, t(`programme.${c}` as 'programme.col_group'))))),
          h('tbody', null, r.groups.map((g) => h('tr', null, h('td', null, g.name), h('td', null, String(g.members)),
            h('td', null, `${g.accepted_current} / ${g.members}`), h('td', null, `${g.completed_all} / ${g.members}`))))),
      ]);
    } catch (err) {
      mount(body, errorState(err, () => void load()));
    }
  }
  void load();
  return { element: card(t('programme.report'), body, null, 'card-programme-report'), load };
}

export function programmeTab(me: Me): HTMLElement {
  const canEdit = me.role === 'comms' || me.role === 'admin';
  const report = reportCard();
  return h('div', { class: 'programme' }, charterCard(canEdit, () => void report.load()), modulesCard(canEdit), canEdit ? report.element : null);
}
