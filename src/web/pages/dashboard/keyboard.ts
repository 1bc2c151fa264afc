// Keyboard triage on the alert list: j/k move the current alert, a acknowledges, r resolves, s snoozes,
// Enter opens it, ? shows the list of shortcuts. Keys typed into a field, a select or an open dialog are the
// user's text, never a command; nor is any key pressed with Ctrl, Alt or Meta (the browser's shortcuts).
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { openDialog } from '../../components/dialog.js';

export type Command = 'next' | 'previous' | 'ack' | 'resolve' | 'snooze' | 'open' | 'help';

const KEYS: Record<string, Command> = { j: 'next', k: 'previous', a: 'ack', r: 'resolve', s: 'snooze', Enter: 'open', '?': 'help' };
export const SHORTCUTS: [string, Key][] = [['j', 'keys.next'], ['k', 'keys.previous'], ['a', 'keys.ack'], ['r', 'keys.resolve'], ['s', 'keys.snooze'], ['Enter', 'keys.open'], ['?', 'keys.help']];
const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** True when the key goes to something the user is typing in. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

/** The command for a key press, or null when the key is not ours to take. */
export function commandOf(event: KeyboardEvent): Command | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || isTyping(event.target)) return null;
  if (document.querySelector('dialog[open]')) return null;
  const command = KEYS[event.key] ?? null;
  // Enter on a button or a link already does what it says.
  if (command === 'open' && event.target instanceof HTMLElement && event.target.closest('button, a, input')) return null;
  return command;
}

/** Listens on the document until the returned function is called. */
export function installShortcuts(run: (command: Command) => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    const command = commandOf(event);
    if (!command) return;
    event.preventDefault();
    run(command);
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

export function openShortcutHelp(): void {
  openDialog(t('keys.title'), h('dl', { class: 'shortcut-list' },
    SHORTCUTS.map(([key, label]) => [h('dt', null, h('kbd', null, key)), h('dd', null, t(label))])));
}
