// The alert's own evidence in its detail: what it was measured against (the model's expectation, or a
// rule's threshold, never mixed up), the terms that rose, the reports and mentions behind it (texts only
// as text) and the chart of its window.
import { externalLink, h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { number, timeEl } from '../../format.js';
import { badge } from '../../components/ui.js';
import type { Evidence, EvidenceMention, EvidenceReference } from '../../types.js';
import { windowChart } from './window-chart.js';

function stat(label: string, value: string, name: string): HTMLElement {
  return h('div', { class: 'stat', dataset: { stat: name } }, h('span', { class: 'stat-value' }, value), h('span', { class: 'stat-label' }, label));
}

/** Observed, then "Expected (model)" with the factor, or "Threshold" without one. */
export function referenceStats(r: EvidenceReference): HTMLElement[] {
  const digits = r.measure === 'risk_mass' ? 2 : 1;
  const measure = t(`evidence.measure.${r.measure}` as Key);
  const sentence = r.kind === 'threshold'
    ? t('evidence.reference_threshold', { observed: number(r.observed, digits), measure, value: number(r.value, digits) })
    : t('evidence.reference_expected', { observed: number(r.observed, digits), measure, value: number(r.value, digits), factor: number(r.factor ?? 0, 1) });
  return [
    h('div', { class: 'stat-row' },
      stat(t('detail.observed'), number(r.observed, digits), 'observed'),
      r.kind === 'threshold' ? stat(t('evidence.threshold'), number(r.value, digits), 'threshold') : stat(t('evidence.expected'), number(r.value, digits), 'expected'),
      r.kind === 'expected' && r.factor !== null ? stat(t('evidence.factor'), `×${number(r.factor, 1)}`, 'factor') : null),
    h('p', { class: 'evidence-reference', dataset: { reference: r.kind } }, sentence),
  ];
}

export function risingTerms(e: Evidence): HTMLElement | null {
  if (e.rising_terms.length === 0) return null;
  return h('div', { class: 'chips', 'aria-label': t('evidence.rising_terms'), dataset: { testid: 'rising-terms' } },
    h('span', { class: 'chips-label' }, t('evidence.rising_terms')),
    e.rising_terms.map((term) => h('span', { class: 'chip' }, `${term.term} · ${number(term.count)}`,
      h('span', { class: 'muted' }, ` (${term.usual === null || term.usual === 0 ? t('evidence.term_new') : t('evidence.term_usual', { usual: number(term.usual, 1) })})`))));
}

function mentionItem(m: EvidenceMention): HTMLElement {
  const report = m.report ? h('span', { class: 'evidence-report' }, t('evidence.report', { severity: t(`severity.${m.report.severity}` as Key) }), m.report.channel ? ` · ${m.report.channel}` : '') : null;
  if (!m.available) return h('li', { class: 'mention', dataset: { mentionId: String(m.id) } }, report, h('p', { class: 'muted' }, t('evidence.gone')));
  return h('li', { class: 'mention', dataset: { mentionId: String(m.id), report: m.report?.severity ?? '' } },
    report ? h('p', null, badge(t('evidence.report', { severity: t(`severity.${m.report!.severity}` as Key) }), `sev-${m.report!.severity}`), m.report!.channel ? h('span', { class: 'muted' }, ` · ${m.report!.channel}`) : null) : null,
    h('p', { class: 'mention-text' }, m.text ?? ''),
    h('div', { class: 'mention-meta' },
      m.label ? badge(t(`label.${m.label}` as Key), `label-${m.label}`) : null,
      m.author ? h('span', null, m.author) : null,
      m.source_kind ? h('span', null, t(`source_kind.${m.source_kind}` as Key)) : null,
      m.published_at ? timeEl(m.published_at) : null,
      m.url ? externalLink(m.url, t('common.open_link')) : null));
}

export function evidenceMentions(e: Evidence): HTMLElement {
  const reports = e.mentions.some((m) => m.report !== null);
  return h('section', { class: 'detail-section', dataset: { testid: 'evidence-mentions' } },
    h('h3', null, reports ? t('evidence.reports') : t('evidence.mentions')),
    e.mentions.length === 0 ? h('p', { class: 'muted' }, t('detail.no_samples')) : h('ul', { class: 'mention-list' }, e.mentions.map(mentionItem)));
}

export function evidenceChart(e: Evidence): HTMLElement {
  return h('section', { class: 'detail-section' }, h('h3', null, t('evidence.chart')), windowChart(e.series, e.window));
}
