// Labels for values that come from data: known codes are translated, anything else is shown as is.
import { t, type Key } from './i18n.js';

export function channelLabel(channel: string | null | undefined): string | null {
  if (!channel) return null;
  const key = `channel.${channel}` as Key;
  return t(key) === key ? channel : t(key);
}
