// Modal dialogs on the native <dialog> element: focus is trapped and Escape closes it for free.
import { h, type Child } from '../dom.js';
import { t } from '../i18n.js';

export interface DialogHandle { close(): void; element: HTMLDialogElement }

export function openDialog(title: Child, body: Child, options: { wide?: boolean; onClose?: () => void } = {}): DialogHandle {
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const dialog = h('dialog', { class: `dialog ${options.wide ? 'dialog-wide' : ''}`.trim(), 'aria-labelledby': titleId },
    h('header', { class: 'dialog-header' },
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      h('button', { type: 'button', class: 'btn-icon', 'aria-label': t('common.close'), onclick: () => dialog.close() }, '×')),
    h('div', { class: 'dialog-body' }, body));
  dialog.addEventListener('close', () => {
    dialog.remove();
    options.onClose?.();
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  return { close: () => dialog.close(), element: dialog };
}

/** Asks a yes/no question; resolves true on confirmation. */
export function confirmDialog(title: string, message: string, confirmLabel: string, danger = false): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const finish = (value: boolean) => { answered = true; resolve(value); handle.close(); };
    const handle = openDialog(title, [
      h('p', null, message),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => finish(false) }, t('common.cancel')),
        h('button', { type: 'button', class: `btn ${danger ? 'btn-danger' : 'btn-primary'}`, onclick: () => finish(true) }, confirmLabel)),
    ], { onClose: () => { if (!answered) resolve(false); } });
  });
}
