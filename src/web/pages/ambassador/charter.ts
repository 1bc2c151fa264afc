// The charter gate (accept the current version before reporting or sharing) and the crisis "do / don't"
// card, one tap away while an incident is open. The server enforces the gate; this only explains it.
import { api } from '../../api.js';
import { h } from '../../dom.js';
import { getLang, t } from '../../i18n.js';
import { renderMarkdown } from '../../markdown.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { busy, card, errorMessage } from '../../components/ui.js';
import type { Charter, CharterState } from '../../types.js';

/** Null when the server cannot say (offline): the page then behaves as without a charter. */
export async function loadCharterState(): Promise<CharterState | null> {
  try {
    return await api.get<CharterState>('/api/v1/charter');
  } catch {
    return null;
  }
}

const bodyOf = (c: Charter) => (getLang() === 'fr' ? c.body_fr : c.body_en);
const cardOf = (c: Charter) => (getLang() === 'fr' ? c.card_fr : c.card_en).trim();

export function charterGate(state: CharterState & { charter: Charter }, onAccepted: () => void): HTMLElement {
  const { charter } = state;
  const accept = h('button', { type: 'button', class: 'btn btn-primary btn-block' }, t('charter.accept'));
  accept.addEventListener('click', () => void busy(accept, async () => {
    try {
      await api.post('/api/v1/charter/accept', { version: charter.version });
      toast(t('charter.accepted_toast'), 'success');
      onAccepted();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }));
  const lede = state.accepted_version ? t('charter.gate_new', { version: charter.version }) : t('charter.gate_lede', { version: charter.version });
  return card(t('charter.title'), [
    h('p', { class: 'charter-lede' }, lede),
    h('div', { class: 'charter-text', tabindex: '0', role: 'region', 'aria-label': t('charter.title') }, renderMarkdown(bodyOf(charter))),
    accept,
  ], null, 'card-charter');
}

/** The crisis card button, when an incident is open and the charter has a card in some language. */
export function crisisCardButton(state: CharterState | null): HTMLElement | null {
  const charter = state?.charter;
  if (!state?.incident_open || !charter) return null;
  const text = cardOf(charter) || charter.card_en.trim() || charter.card_fr.trim();
  if (!text) return null;
  return h('div', { class: 'crisis-strip', role: 'note' },
    h('span', { class: 'crisis-strip-text' }, t('crisis.banner')),
    h('button', { type: 'button', class: 'btn btn-danger btn-sm crisis-card-button', onclick: () => openDialog(t('crisis.card_title'), renderMarkdown(text, 'crisis-card')) }, t('crisis.card_button')));
}

/** A quiet link to re-read the accepted charter. */
export function charterLink(state: CharterState | null): HTMLElement | null {
  const charter = state?.charter;
  if (!charter || state.must_accept) return null;
  return h('button', { type: 'button', class: 'btn btn-ghost btn-sm charter-link', onclick: () => openDialog(t('charter.title'), renderMarkdown(bodyOf(charter)), { wide: true }) },
    t('charter.view'));
}
