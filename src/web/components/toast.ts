// Transient confirmations and failures, announced to screen readers through a polite live region.
import { h } from '../dom.js';

let host: HTMLElement | null = null;

/**
 * An open modal <dialog> sits in the browser's top layer, above any z-index, and makes the rest of the page
 * inert: a toast outside it would be drawn under it and could not be closed. So the host lives in the
 * topmost open modal dialog while there is one (still fixed to the viewport), and in the body otherwise.
 */
function container(): HTMLElement {
  if (!host) host = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  const modals = [...document.querySelectorAll('dialog[open]')].filter((d) => d.matches(':modal'));
  const parent = modals.at(-1) ?? document.body;
  if (host.parentElement !== parent) parent.appendChild(host);
  return host;
}

/** A closing dialog is removed with its children: move the toasts out first (capture runs before its own handler). */
document.addEventListener('close', (event) => {
  if (host && event.target instanceof Node && event.target.contains(host)) container();
}, true);

export function toast(message: string, variant: 'success' | 'error' | 'info' | 'critical' = 'info', timeoutMs = 5000): void {
  const el = h('div', { class: `toast toast-${variant}` },
    h('span', { class: 'toast-text' }, message),
    h('button', { type: 'button', class: 'toast-close', 'aria-label': '×', onclick: () => el.remove() }, '×'));
  const host = container();
  host.appendChild(el);
  while (host.children.length > 3) host.firstElementChild?.remove(); // the latest three are enough
  setTimeout(() => el.classList.add('is-leaving'), Math.max(0, timeoutMs - 300));
  setTimeout(() => el.remove(), timeoutMs);
}

/** Announces a message to assistive technology without showing anything. */
export function announce(message: string): void {
  const region = document.getElementById('live-region');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers read repeated messages too.
  setTimeout(() => { region.textContent = message; }, 50);
}
