// A small Markdown subset for the charter and training modules: headings, paragraphs, bullet and numbered
// lists, **bold**, *italic*, `code` and [links](https://…). Parsed into blocks (pure, unit-tested), then
// built with h(): every character of the source ends up as text, never as markup, so a charter cannot
// inject HTML or script under the strict CSP; links go through safeUrl and open without an opener.
import { externalLink, h, safeUrl, type Child } from './dom.js';

export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'link'; text: string; href: string };
export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'em', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'code', text: m[3] });
    else {
      const href = safeUrl(m[5]);
      out.push(href && /^https?:/.test(href) ? { kind: 'link', text: m[4]!, href } : { kind: 'text', text: m[0] });
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** Blocks of the source; headings start at level 2 (the page has its own h1). */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1]!.length + 1) as 2 | 3 | 4, inlines: parseInline(heading[2]!) });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]!));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function inlineNodes(inlines: Inline[]): Child[] {
  return inlines.map((i) => {
    switch (i.kind) {
      case 'strong': return h('strong', null, i.text);
      case 'em': return h('em', null, i.text);
      case 'code': return h('code', null, i.text);
      case 'link': return externalLink(i.href, i.text);
      default: return i.text;
    }
  });
}

export function renderMarkdown(source: string, extraClass = ''): HTMLElement {
  return h('div', { class: `markdown ${extraClass}`.trim() }, parseMarkdown(source).map((b) => {
    if (b.kind === 'heading') return h(`h${b.level}`, null, inlineNodes(b.inlines));
    if (b.kind === 'paragraph') return h('p', null, inlineNodes(b.inlines));
    return h(b.ordered ? 'ol' : 'ul', null, b.items.map((item) => h('li', null, inlineNodes(item))));
  }));
}
