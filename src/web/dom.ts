// A tiny DOM builder. Data only ever becomes text nodes or vetted attributes: there is no innerHTML
// anywhere in the app, so markup inside a mention or a signal is shown as the characters it is.
export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (event: Event) => void;
export interface Attrs {
  class?: string | false | null | undefined;
  dataset?: Record<string, string>;
  [name: string]: unknown;
}

const BOOLEAN_PROPS = new Set(['disabled', 'checked', 'hidden', 'required', 'selected', 'multiple', 'readOnly', 'autofocus', 'open']);
const VALUE_PROPS = new Set(['value', 'htmlFor', 'type', 'name', 'id', 'placeholder', 'title', 'rows', 'min', 'max', 'step', 'tabIndex']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) applyAttrs(el, attrs);
  append(el, children);
  return el;
}

function applyAttrs(el: HTMLElement, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false && !BOOLEAN_PROPS.has(name)) continue;
    if (name === 'class') el.className = String(value);
    else if (name === 'dataset') Object.assign(el.dataset, value as Record<string, string>);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value as Handler);
    else if (name === 'style') throw new Error('inline styles are not allowed (CSP); use a class');
    else if (name === 'href' || name === 'src') el.setAttribute(name, safeUrl(String(value)) ?? '#');
    else if (BOOLEAN_PROPS.has(name) || VALUE_PROPS.has(name)) (el as unknown as Record<string, unknown>)[name] = value;
    else el.setAttribute(name, String(value));
  }
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Only http(s) links, same-origin paths and in-page anchors survive: a `javascript:` or `data:` URL from a
 * mention would otherwise run on click.
 */
export function safeUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//'))) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** An external link that opens in a new tab without giving it a handle on this window. */
export function externalLink(url: string | null | undefined, label: Child): HTMLElement {
  const href = safeUrl(url);
  if (!href || href.startsWith('#') || href.startsWith('/')) return h('span', null, label);
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'ext-link' }, label);
}

let idCounter = 0;
export function uid(prefix = 'f'): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
