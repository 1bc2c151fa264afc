// IP address parsing and CIDR matching, written out so that the rules are explicit and testable
// (node's BlockList does not say how it treats IPv4-mapped or NAT64 addresses).
import { isIPv4, isIPv6 } from 'node:net';

export interface Cidr {
  bytes: Uint8Array;
  prefix: number;
}

/** Removes URL brackets and an IPv6 zone id: `[fe80::1%eth0]` → `fe80::1`. */
export function bareAddress(ip: string): string {
  const unbracketed = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const zone = unbracketed.indexOf('%');
  return zone >= 0 ? unbracketed.slice(0, zone) : unbracketed;
}

export function isIpLiteral(value: string): boolean {
  const bare = bareAddress(value);
  return isIPv4(bare) || isIPv6(bare);
}

function ipv4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map((part) => Number(part)));
}

function ipv6Bytes(ip: string): Uint8Array {
  let text = ip.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) becomes two hex groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(tail);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** 4 bytes for IPv4, 16 for IPv6, null when the text is not an IP address. */
export function parseIp(ip: string): Uint8Array | null {
  const bare = bareAddress(ip);
  if (isIPv4(bare)) return ipv4Bytes(bare);
  if (isIPv6(bare)) return ipv6Bytes(bare);
  return null;
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a /32 or /128). Null when invalid. */
export function parseCidr(text: string): Cidr | null {
  const [address = '', prefixText] = text.trim().split('/');
  const bytes = parseIp(address);
  if (!bytes) return null;
  const maxPrefix = bytes.length * 8;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) return null;
  return { bytes, prefix };
}

export function cidrContains(cidr: Cidr, address: Uint8Array): boolean {
  if (cidr.bytes.length !== address.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((cidr.bytes[i] ?? 0) & mask) !== ((address[i] ?? 0) & mask)) return false;
  }
  return true;
}

export function cidrList(texts: readonly string[]): Cidr[] {
  return texts.map((text) => {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(`invalid CIDR ${text}`);
    return cidr;
  });
}

export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}
