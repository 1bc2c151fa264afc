// Atom text constructs of type="xhtml" carry inline XHTML. xml2js (under rss-parser) does not keep the
// order of mixed content, so "<p>We <b>heard</b> you.</p>" would come back as "We you. heard".
// Before parsing, such elements are rewritten as type="html" with their markup escaped, which every
// parser reads in order; the HTML is reduced to text later like any other.

const TEXT_CONSTRUCT_OPEN = /<(summary|content|title|subtitle|rights)(\s[^<>]*?)\btype\s*=\s*(["'])xhtml\3([^<>]*)>/g;

function escapeMarkup(xhtml: string): string {
  return xhtml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// RSS items that carry their text only as inline XHTML: <xhtml:body>, <xhtml:div>, or a <body>/<div> in the
// XHTML namespace. Same rewrite (markup escaped, element kept), so the text comes out whole and in order.
const XHTML_BODY_OPEN = /<(xhtml:body|xhtml:div|body|div)(\s[^<>]*)?>/g;

export function inlineXhtmlBodies(xml: string): string {
  if (!xml.includes('xhtml')) return xml;
  const parts: string[] = [];
  let position = 0;
  XHTML_BODY_OPEN.lastIndex = 0;
  for (let match = XHTML_BODY_OPEN.exec(xml); match; match = XHTML_BODY_OPEN.exec(xml)) {
    const [openTag, name = '', attributes = ''] = match;
    if (!name.startsWith('xhtml:') && !attributes.includes('http://www.w3.org/1999/xhtml')) continue;
    const innerStart = match.index + openTag.length;
    const close = xml.indexOf(`</${name}>`, innerStart);
    if (openTag.endsWith('/>') || close < 0) continue;
    parts.push(xml.slice(position, innerStart), escapeMarkup(xml.slice(innerStart, close)));
    position = close;
    XHTML_BODY_OPEN.lastIndex = close + name.length + 3;
  }
  parts.push(xml.slice(position));
  return parts.join('');
}

export function inlineXhtmlAsHtml(xml: string): string {
  if (!xml.includes('xhtml')) return xml;
  const parts: string[] = [];
  let position = 0;
  TEXT_CONSTRUCT_OPEN.lastIndex = 0;
  for (let match = TEXT_CONSTRUCT_OPEN.exec(xml); match; match = TEXT_CONSTRUCT_OPEN.exec(xml)) {
    const [openTag, name, before = '', , after = ''] = match;
    const innerStart = match.index + openTag.length;
    const close = xml.indexOf(`</${name}>`, innerStart);
    if (openTag.endsWith('/>') || close < 0) continue;
    parts.push(xml.slice(position, match.index), `<${name}${before}type="html"${after}>`, escapeMarkup(xml.slice(innerStart, close)));
    position = close;
    TEXT_CONSTRUCT_OPEN.lastIndex = close;
  }
  parts.push(xml.slice(position));
  return parts.join('');
}
