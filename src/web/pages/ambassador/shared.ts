// What another app shared (title, text, url from the Web Share Target) turned into the signal form's
// fields. Apps disagree on where the link goes: X and TikTok put it inside `text`, browsers in `url`.
export interface SharedPrefill { text: string; url: string; channel: string; problems: ('text_too_long' | 'url_invalid')[] }

export const MAX_TEXT = 5000;
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/i;
const NETWORKS: [RegExp, string][] = [
  [/(^|\.)linkedin\.com$|(^|\.)lnkd\.in$/, 'linkedin'], [/(^|\.)(x|twitter)\.com$|(^|\.)t\.co$/, 'x'], [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)tiktok\.com$/, 'tiktok'], [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'], [/(^|\.)(facebook\.com|fb\.watch)$/, 'facebook'],
];

export function channelOf(url: string): string {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return NETWORKS.find(([re]) => re.test(host))?.[1] ?? '';
  } catch {
    return '';
  }
}

export function prefillFromShare(query: URLSearchParams): SharedPrefill | null {
  const title = query.get('title')?.trim() ?? '';
  let text = query.get('text')?.trim() ?? '';
  let url = query.get('url')?.trim() ?? '';
  if (!title && !text && !url) return null;
  const problems: SharedPrefill['problems'] = [];
  if (!url) {
    const found = URL_IN_TEXT.exec(text)?.[0];
    if (found) {
      url = found.replace(/[.,;:!?)]+$/, '');
      text = text.replace(found, '').trim();
    }
  }
  if (url && !/^https?:\/\/\S+$/i.test(url)) problems.push('url_invalid');
  let body = [title, text].filter((part, i, all) => part && all.indexOf(part) === i).join('\n');
  if (body.length > MAX_TEXT) {
    problems.push('text_too_long');
    body = body.slice(0, MAX_TEXT);
  }
  return { text: body, url, channel: url ? channelOf(url) : '', problems };
}
