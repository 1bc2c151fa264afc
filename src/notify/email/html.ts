/**
 * Tiny HTML builder for emails. Every value goes through `escapeHtml`; the only raw HTML is the markup
 * written in these files. Inline styles because most mail clients drop <style> blocks.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Escaped text with its line breaks kept. */
export function escapeMultiline(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

/** `url` must already be an http(s) URL (see safeHttpUrl); it is escaped for the attribute anyway. */
export function link(url: string, label: string, style = 'color:#1d4ed8;'): string {
  return `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;
}

export function button(url: string, label: string, color: string): string {
  const style = `display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:4px;` +
    `background:${color};color:#ffffff;text-decoration:none;font-weight:bold;`;
  return link(url, label, style);
}

/** The page around a message: a coloured band, a title, the content, a footer. */
export function page(options: { lang: string; title: string; color: string; band: string; content: string; footer: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#111827;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;padding:16px 0;"><tr><td align="center">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px;">',
    `<tr><td style="background:${options.color};color:#ffffff;padding:10px 20px;font-size:13px;font-weight:bold;letter-spacing:0.5px;border-radius:6px 6px 0 0;">${escapeHtml(options.band)}</td></tr>`,
    `<tr><td style="padding:20px;font-size:15px;line-height:1.5;">`,
    `<h1 style="margin:0 0 12px 0;font-size:20px;line-height:1.3;">${escapeHtml(options.title)}</h1>`,
    options.content,
    '</td></tr>',
    `<tr><td style="padding:12px 20px;font-size:12px;color:#6b7280;border-top:1px solid #e5e7eb;">${escapeHtml(options.footer)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}

export function factsTable(facts: { label: string; value: string }[]): string {
  const rows = facts.map((fact) =>
    `<tr><td style="padding:4px 12px 4px 0;color:#6b7280;white-space:nowrap;vertical-align:top;">${escapeHtml(fact.label)}</td>` +
    `<td style="padding:4px 0;">${escapeHtml(fact.value)}</td></tr>`);
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;font-size:14px;">${rows.join('')}</table>`;
}

export function heading(text: string): string {
  return `<h2 style="margin:16px 0 8px 0;font-size:16px;">${escapeHtml(text)}</h2>`;
}

export function paragraph(text: string, style = ''): string {
  return `<p style="margin:0 0 12px 0;${style}">${escapeMultiline(text)}</p>`;
}
