// SSRF guard for outgoing requests to user-supplied URLs (feeds now, webhooks later).
// Two layers: the URL is checked before the request (scheme, literal IP addresses), and the DNS lookup
// used by the socket refuses disallowed addresses at connect time, so a name that resolves to a public
// address when checked and to 10.0.0.1 a second later (DNS rebinding) still cannot reach the inside.
import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { bareAddress, cidrContains, cidrList, formatIp, isIpLiteral, parseCidr, parseIp } from './ip.js';
import type { Cidr } from './ip.js';

export interface AddressPolicy {
  /** Allow loopback, RFC 1918, CGNAT, ULA and similar private ranges (not link-local/metadata). */
  allowPrivate: boolean;
  /** Hostnames (`feeds.intranet`, `*.intranet`), IPs or CIDRs (`127.0.0.1`, `10.1.0.0/16`) always allowed. */
  allowHosts: string[];
}

export const DEFAULT_ADDRESS_POLICY: AddressPolicy = Object.freeze({ allowPrivate: false, allowHosts: [] });

export type UnsafeUrlReason = 'invalid_url' | 'scheme' | 'address';

export class UnsafeUrlError extends Error {
  override readonly name = 'UnsafeUrlError';
  readonly code = 'unsafe_url';
  readonly reason: UnsafeUrlReason;
  readonly address?: string;

  constructor(reason: UnsafeUrlReason, message: string, address?: string) {
    super(message);
    this.reason = reason;
    if (address !== undefined) this.address = address;
  }
}

/** The host name did not resolve; not a safety verdict, so callers can report it as a network failure. */
export class HostResolutionError extends Error {
  override readonly name = 'HostResolutionError';
  readonly code = 'dns';
  constructor(readonly hostname: string, cause: unknown) {
    super(`could not resolve host ${hostname}`, { cause });
  }
}

// Never reachable unless listed in allowHosts: "this network", link-local (cloud metadata lives at
// 169.254.169.254 and fd00:ec2::254, the latter is ULA), multicast, reserved and broadcast.
const SPECIAL_V4 = cidrList(['0.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '240.0.0.0/4']);
const SPECIAL_V6 = cidrList(['::/128', 'fe80::/10', 'ff00::/8']);
// Reachable when allowPrivate is set: loopback, RFC 1918, CGNAT, IETF/test/benchmark ranges.
const PRIVATE_V4 = cidrList([
  '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24',
]);
const PRIVATE_V6 = cidrList([
  '::/96', '64:ff9b:1::/48', '100::/64', '2001::/32', '2001:db8::/32', '2001:10::/28', '2001:20::/28',
  '3fff::/20', '5f00::/16', 'fc00::/7', 'fec0::/10',
]);
// IPv6 forms that carry an IPv4 address, judged by that address: mapped, translated, NAT64; 6to4.
const EMBEDS_V4_AT_END = cidrList(['::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96']);
const SIX_TO_FOUR = cidrList(['2002::/16']);

export type AddressClass = 'public' | 'private' | 'special';

function embeddedIpv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  if (EMBEDS_V4_AT_END.some((cidr) => cidrContains(cidr, bytes))) return bytes.slice(12, 16);
  if (SIX_TO_FOUR.some((cidr) => cidrContains(cidr, bytes))) return bytes.slice(2, 6);
  return null;
}

function classifyBytes(bytes: Uint8Array): AddressClass {
  const v4 = bytes.length === 4 ? bytes : embeddedIpv4(bytes);
  if (v4) {
    if (SPECIAL_V4.some((cidr) => cidrContains(cidr, v4))) return 'special';
    return PRIVATE_V4.some((cidr) => cidrContains(cidr, v4)) ? 'private' : 'public';
  }
  if (SPECIAL_V6.some((cidr) => cidrContains(cidr, bytes))) return 'special';
  return PRIVATE_V6.some((cidr) => cidrContains(cidr, bytes)) ? 'private' : 'public';
}

/** Anything that is not a valid IP address is treated as special (fail closed). */
export function classifyAddress(ip: string): AddressClass {
  const bytes = parseIp(ip);
  return bytes ? classifyBytes(bytes) : 'special';
}

/** True for every address a feed or webhook URL must not reach by default. */
export function isPrivateAddress(ip: string): boolean {
  return classifyAddress(ip) !== 'public';
}

interface CompiledPolicy {
  allowPrivate: boolean;
  ranges: Cidr[];
  hostnames: Set<string>;
  suffixes: string[];
}

const compiledPolicies = new WeakMap<AddressPolicy, CompiledPolicy>();

function normaliseHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

function compilePolicy(policy: AddressPolicy): CompiledPolicy {
  const cached = compiledPolicies.get(policy);
  if (cached) return cached;
  const compiled: CompiledPolicy = { allowPrivate: policy.allowPrivate, ranges: [], hostnames: new Set(), suffixes: [] };
  for (const raw of policy.allowHosts) {
    const entry = raw.trim();
    if (entry === '') continue;
    const cidr = parseCidr(entry);
    if (cidr) compiled.ranges.push(cidr);
    else if (entry.startsWith('*.') || entry.startsWith('.')) compiled.suffixes.push(normaliseHostname(entry.slice(entry.indexOf('.'))));
    else compiled.hostnames.add(normaliseHostname(entry));
  }
  compiledPolicies.set(policy, compiled);
  return compiled;
}

export function isHostnameAllowedByPolicy(hostname: string, policy: AddressPolicy): boolean {
  const compiled = compilePolicy(policy);
  const name = normaliseHostname(bareAddress(hostname));
  return compiled.hostnames.has(name) || compiled.suffixes.some((suffix) => name.endsWith(suffix));
}

export function isAddressAllowed(ip: string, policy: AddressPolicy): boolean {
  const bytes = parseIp(ip);
  if (!bytes) return false;
  const compiled = compilePolicy(policy);
  const v4 = embeddedIpv4(bytes);
  if (compiled.ranges.some((cidr) => cidrContains(cidr, bytes) || (v4 !== null && cidrContains(cidr, v4)))) return true;
  const kind = classifyBytes(bytes);
  return kind === 'public' || (kind === 'private' && compiled.allowPrivate);
}

function refusedAddress(hostname: string, ip: string): UnsafeUrlError {
  const bytes = parseIp(ip);
  const shown = bytes ? formatIp(bytes.length === 16 ? (embeddedIpv4(bytes) ?? bytes) : bytes) : ip;
  const kind = classifyAddress(ip) === 'special' ? 'a link-local, multicast or reserved address' : 'a private or loopback address';
  const subject = isIpLiteral(hostname) ? `${shown} is ${kind}` : `${hostname} resolves to ${shown}, ${kind}`;
  return new UnsafeUrlError('address', `${subject}, which is not allowed (list it in the allowed hosts to permit it)`, ip);
}

/**
 * Checks what can be checked without DNS: a valid http(s) URL whose host, when it is a literal IP,
 * is allowed. Returns the parsed URL.
 */
export function parseGuardedUrl(url: string, policy: AddressPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError('invalid_url', `invalid URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UnsafeUrlError('scheme', `only http and https URLs are allowed, not ${parsed.protocol.replace(/:$/, '')}`);
  }
  if (parsed.hostname === '') throw new UnsafeUrlError('invalid_url', `invalid URL (no host): ${url.slice(0, 200)}`);
  const host = bareAddress(parsed.hostname);
  if (isIpLiteral(host) && !isAddressAllowed(host, policy)) throw refusedAddress(host, host);
  return parsed;
}

type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/** Resolves a host name and keeps the allowed addresses; refuses when none is left. */
function resolveAllowed(hostname: string, options: LookupOptions, policy: AddressPolicy, resolver: Resolver): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    resolver(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return reject(new HostResolutionError(hostname, err));
      if (isHostnameAllowedByPolicy(hostname, policy)) return resolve(addresses);
      const allowed = addresses.filter((entry) => isAddressAllowed(entry.address, policy));
      if (allowed.length > 0) return resolve(allowed);
      const first = addresses[0];
      reject(first ? refusedAddress(hostname, first.address) : new HostResolutionError(hostname, new Error('no address')));
    });
  });
}

/** Resolves the URL's host and throws UnsafeUrlError when it may not be reached under the policy. */
export async function assertPublicUrl(url: string, policy: AddressPolicy, resolver: Resolver = systemResolver): Promise<void> {
  const parsed = parseGuardedUrl(url, policy);
  const host = bareAddress(parsed.hostname);
  if (isIpLiteral(host) || isHostnameAllowedByPolicy(host, policy)) return;
  await resolveAllowed(host, {}, policy, resolver);
}

/**
 * A `lookup` for http.request / net.connect / undici's connect options: only allowed addresses are
 * handed to the socket. (Literal IP hosts skip lookup entirely; parseGuardedUrl covers them.)
 */
export function createGuardedLookup(policy: AddressPolicy, resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, options, policy, resolver).then(
      (addresses) => {
        if (options.all) return callback(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, ''),
    );
  };
}

/**
 * Checks a URL under the policy and returns the address to connect to, so that the connection uses the
 * very address that was checked (no second DNS answer in between).
 */
export async function resolvePinnedAddress(url: string, policy: AddressPolicy, resolver: Resolver = systemResolver): Promise<{ address: string; family: 4 | 6 }> {
  const parsed = parseGuardedUrl(url, policy);
  const host = bareAddress(parsed.hostname);
  if (isIpLiteral(host)) return { address: host, family: host.includes(':') ? 6 : 4 };
  const [first] = await resolveAllowed(host, {}, policy, resolver);
  return { address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
