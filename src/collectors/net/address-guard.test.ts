import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import {
  assertPublicUrl,
  classifyAddress,
  createGuardedLookup,
  isAddressAllowed,
  isPrivateAddress,
  parseGuardedUrl,
  UnsafeUrlError,
} from './address-guard.js';
import type { AddressPolicy } from './address-guard.js';

const strict: AddressPolicy = { allowPrivate: false, allowHosts: [] };

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.255.0.9', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.1.1', true], ['100.64.0.1', true], ['169.254.169.254', true], ['0.0.0.0', true], ['224.0.0.1', true],
    ['255.255.255.255', true], ['198.18.0.1', true], ['192.0.2.10', true],
    ['::1', true], ['::', true], ['fe80::1', true], ['fe80::1%eth0', true], ['fd00:ec2::254', true], ['fc00::1', true],
    ['ff02::1', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['::ffff:10.0.0.1', true],
    ['::ffff:169.254.169.254', true], ['64:ff9b::a00:1', true], ['2002:0a00:0001::1', true], ['2001:db8::1', true],
    ['[::1]', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['93.184.216.34', false], ['172.32.0.1', false], ['100.128.0.1', false], ['11.0.0.1', false],
    ['2606:4700::1111', false], ['::ffff:8.8.8.8', false], ['64:ff9b::808:808', false], ['2002:0808:0808::1', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it('keeps link-local and metadata addresses out even when private ranges are allowed', () => {
    const lenient: AddressPolicy = { allowPrivate: true, allowHosts: [] };
    expect(classifyAddress('169.254.169.254')).toBe('special');
    expect(isAddressAllowed('169.254.169.254', lenient)).toBe(false);
    expect(isAddressAllowed('10.0.0.5', lenient)).toBe(true);
    expect(isAddressAllowed('::1', lenient)).toBe(true);
  });
});

describe('isAddressAllowed with allowHosts', () => {
  const policy: AddressPolicy = { allowPrivate: false, allowHosts: ['127.0.0.1', '10.20.0.0/16', '[::1]', 'feeds.intranet'] };
  it.each([
    ['127.0.0.1', true], ['::ffff:127.0.0.1', true], ['127.0.0.2', false], ['10.20.3.4', true], ['10.21.0.1', false],
    ['::1', true], ['8.8.8.8', true], ['169.254.169.254', false],
  ])('%s → %s', (ip, expected) => {
    expect(isAddressAllowed(ip, policy)).toBe(expected);
  });
});

describe('parseGuardedUrl', () => {
  it.each([
    ['http://10.0.0.1/feed', 'address'],
    ['http://169.254.169.254/latest/meta-data/', 'address'],
    ['http://[::1]:8080/', 'address'],
    ['http://2130706433/', 'address'], // 127.0.0.1 written as an integer
    ['http://0x7f.1/', 'address'],
    ['ftp://example.com/feed', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['not a url', 'invalid_url'],
  ])('refuses %s (%s)', (url, reason) => {
    let caught: unknown;
    try {
      parseGuardedUrl(url, strict);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UnsafeUrlError);
    expect((caught as UnsafeUrlError).reason).toBe(reason);
    expect((caught as UnsafeUrlError).code).toBe('unsafe_url');
    expect((caught as Error).message).not.toMatch(/\n/);
  });

  it('accepts public and explicitly allowed hosts', () => {
    expect(parseGuardedUrl('https://example.com/rss', strict).hostname).toBe('example.com');
    expect(parseGuardedUrl('http://127.0.0.1:3000/rss', { allowPrivate: false, allowHosts: ['127.0.0.1'] }).port).toBe('3000');
  });
});

function fakeResolver(table: Record<string, string[]>) {
  return (hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const addresses = table[hostname];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
}

describe('assertPublicUrl', () => {
  const resolver = fakeResolver({ 'public.test': ['93.184.216.34'], 'inside.test': ['10.0.0.7'], 'mixed.test': ['10.0.0.7', '93.184.216.34'] });

  it('refuses a name that resolves to a private address, naming it', async () => {
    await expect(assertPublicUrl('http://inside.test/feed', strict, resolver)).rejects.toThrow(/inside\.test resolves to 10\.0\.0\.7/);
  });
  it('accepts a public name and one with at least one public address', async () => {
    await expect(assertPublicUrl('http://public.test/feed', strict, resolver)).resolves.toBeUndefined();
    await expect(assertPublicUrl('http://mixed.test/feed', strict, resolver)).resolves.toBeUndefined();
  });
  it('accepts a private name that is explicitly allowed', async () => {
    await expect(assertPublicUrl('http://inside.test/', { allowPrivate: false, allowHosts: ['inside.test'] }, resolver)).resolves.toBeUndefined();
  });
  it('reports an unknown name as a resolution failure, not as unsafe', async () => {
    await expect(assertPublicUrl('http://nowhere.test/', strict, resolver)).rejects.toMatchObject({ code: 'dns' });
  });
  it('refuses localhost with the real resolver', async () => {
    await expect(assertPublicUrl('http://localhost:9/', strict)).rejects.toBeInstanceOf(UnsafeUrlError);
  });
});

describe('createGuardedLookup (connect time)', () => {
  const resolver = fakeResolver({ 'rebind.test': ['10.0.0.1'], 'mixed.test': ['10.0.0.7', '93.184.216.34'] });
  const lookup = createGuardedLookup(strict, resolver);

  function callLookup(hostname: string, all: boolean): Promise<{ err: Error | null; address: unknown; family?: number }> {
    return new Promise((resolve) => lookup(hostname, { all }, (err, address, family) => resolve({ err, address, family })));
  }

  it('refuses a name that resolves to a private address when the socket connects', async () => {
    const { err } = await callLookup('rebind.test', false);
    expect(err).toBeInstanceOf(UnsafeUrlError);
  });
  it('hands only the allowed addresses to the socket', async () => {
    expect(await callLookup('mixed.test', true)).toMatchObject({ err: null, address: [{ address: '93.184.216.34', family: 4 }] });
    expect(await callLookup('mixed.test', false)).toMatchObject({ err: null, address: '93.184.216.34', family: 4 });
  });
});
