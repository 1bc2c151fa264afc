// Training modules for ambassadors: read the module, answer its few questions, and learn which answers
// were wrong (the server grades; the right answers never reach the phone). A pass completes the module.
import { api } from '../../api.js';
import { h, mount, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { renderMarkdown } from '../../markdown.js';
import { toast } from '../../components/toast.js';
import { badge, busy, empty, errorMessage, errorState, loading } from '../../components/ui.js';
import type { Grade, Items, TrainingModule } from '../../types.js';

function quiz(module: TrainingModule, onDone: () => void): HTMLElement {
  const result = h('p', { class: 'quiz-result', role: 'status' });
  const fieldsets = module.questions.map((q, i) => {
    const name = uid(`q${i}`);
    const legendId = uid('legend');
    return h('fieldset', { class: 'quiz-question', 'aria-labelledby': legendId },
      h('legend', { id: legendId }, `${i + 1}. ${q.question}`),
      q.choices.map((choice, j) => {
        const id = uid('choice');
        return h('div', { class: 'choice' }, h('input', { type: 'radio', name, id, value: String(j) }), h('label', { htmlFor: id }, choice));
      }),
      h('p', { class: 'quiz-mark' }));
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, module.questions.length ? t('training.submit') : t('training.finish'));
  const form = h('form', { class: 'quiz', novalidate: 'novalidate' }, fieldsets, submit, result);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const answers = fieldsets.map((fs) => fs.querySelector<HTMLInputElement>('input:checked')?.value);
    if (answers.some((a) => a === undefined)) {
      result.textContent = t('training.pick');
      return;
    }
    void busy(submit, async () => {
      try {
        const grade = await api.post<Grade>(`/api/v1/training/modules/${encodeURIComponent(module.id)}/answers`, { answers: answers.map(Number) });
        grade.results.forEach((r, i) => {
          const mark = fieldsets[i]!.querySelector('.quiz-mark')!;
          mark.textContent = r.correct ? `✓ ${t('training.right')}` : `✗ ${t('training.wrong')}`;
          mark.className = `quiz-mark ${r.correct ? 'is-right' : 'is-wrong'}`;
        });
        result.textContent = grade.passed ? t('training.passed', { score: grade.score, total: grade.total }) : t('training.failed', { score: grade.score, total: grade.total });
        if (grade.passed) {
          toast(t('training.passed', { score: grade.score, total: grade.total }), 'success');
          onDone();
        }
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    });
  });
  return form;
}

export function createTraining(): { element: HTMLElement; reload(): Promise<void> } {
  const element = h('div', { class: 'training' }, loading());
  const progress = h('p', { class: 'training-progress meta-text' });

  async function reload(): Promise<void> {
    try {
      const { items } = await api.get<Items<TrainingModule>>('/api/v1/training/modules');
      if (items.length === 0) return mount(element, empty(t('training.none')));
      progress.textContent = t('training.progress', { done: items.filter((m) => m.completed_at).length, total: items.length });
      mount(element, progress, h('ul', { class: 'module-list' }, items.map((m) => h('li', { class: `module-item ${m.completed_at ? 'is-done' : ''}`, dataset: { moduleId: m.id } },
        h('details', null,
          h('summary', { class: 'module-summary' }, h('span', { class: 'module-title' }, m.title), ' ',
            m.completed_at ? badge(t('training.done'), 'success') : badge(t('training.todo'), 'neutral')),
          renderMarkdown(m.body),
          m.completed_at ? null : quiz(m, () => void reload()))))));
    } catch (err) {
      mount(element, errorState(err, () => void reload()));
    }
  }
  void reload();
  return { element, reload };
}
