import { describe, expect, it } from 'vitest';
import { isPublicAddress, judgeHostName } from '../../src/lib/net/address-policy.ts';

describe('isPublicAddress', () => {
	it.each([
		'8.8.8.8',
		'1.1.1.1',
		'193.51.24.1',
		'2001:4860:4860::8888',
		'2a00:1450:4007:80f::200e',
		'::ffff:8.8.8.8',
	])('accepts the public address %s', (address) => {
		expect(isPublicAddress(address)).toBe(true);
	});

	it.each([
		['IPv4 loopback', '127.0.0.1'],
		['IPv4 loopback, far end', '127.255.255.254'],
		['RFC 1918 10/8', '10.0.0.1'],
		['RFC 1918 172.16/12', '172.31.255.255'],
		['RFC 1918 192.168/16', '192.168.1.1'],
		['cloud metadata', '169.254.169.254'],
		['link-local', '169.254.0.1'],
		['carrier-grade NAT', '100.64.0.1'],
		['unspecified', '0.0.0.0'],
		['"this network"', '0.1.2.3'],
		['multicast', '224.0.0.251'],
		['broadcast', '255.255.255.255'],
		['documentation TEST-NET-1', '192.0.2.10'],
		['benchmarking', '198.18.0.1'],
		['reserved class E', '240.0.0.1'],
		['IPv6 loopback', '::1'],
		['IPv6 unspecified', '::'],
		['IPv6 link-local', 'fe80::1'],
		['IPv6 unique-local', 'fd12:3456:789a::1'],
		['IPv6 unique-local fc00', 'fc00::1'],
		['IPv6 multicast', 'ff02::1'],
		['IPv6 site-local (deprecated)', 'fec0::1'],
		['IPv4-mapped loopback', '::ffff:127.0.0.1'],
		['IPv4-mapped metadata', '::ffff:169.254.169.254'],
		['IPv4-mapped private, hex form', '::ffff:a00:1'],
		['IPv4-compatible loopback', '::127.0.0.1'],
		['NAT64 of loopback', '64:ff9b::7f00:1'],
		['6to4 of loopback', '2002:7f00:1::1'],
		['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
		['IPv6 documentation', '2001:db8::1'],
		['bracketed IPv6 loopback', '[::1]'],
		['not an address', 'example.org'],
	])('refuses %s (%s)', (_name, address) => {
		expect(isPublicAddress(address)).toBe(false);
	});
});

describe('judgeHostName', () => {
	it('accepts a public domain name', () => {
		expect(judgeHostName('api.gouv.fr')).toEqual({ ok: true });
	});

	it.each([
		['localhost', 'private-name'],
		['LOCALHOST.', 'private-name'],
		['api.localhost', 'private-name'],
		['printer.local', 'private-name'],
		['metadata.google.internal', 'private-name'],
		['router.home.arpa', 'private-name'],
		['fileserver', 'single-label'],
		['127.0.0.1', 'blocked-address'],
		['[::1]', 'blocked-address'],
		['8.8.8.8', 'ip-literal'],
		['[2001:4860:4860::8888]', 'ip-literal'],
	])('refuses %s (%s)', (host, reason) => {
		const verdict = judgeHostName(host);
		expect(verdict.ok).toBe(false);
		if (!verdict.ok) expect(verdict.reason).toBe(reason);
	});
});
