// Transient confirmations and failures, announced to screen readers through a polite live region.
import { h } from '../dom.js';

let host: HTMLElement | null = null;

function container(): HTMLElement {
  if (host && document.body.contains(host)) return host;
  host = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  document.body.appendChild(host);
  return host;
}

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
