import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The one place that decides which hosts and addresses the register may contact. Catalog entries
 * come from strangers' pull requests, so every URL is treated as an attempt to reach something
 * private (SSRF) until shown otherwise.
 */

/** Host names that name the local machine or a private network, never a public service. */
const PRIVATE_NAME_SUFFIXES = [
	'localhost',
	'local',
	'internal',
	'intranet',
	'lan',
	'home',
	'corp',
	'home.arpa',
	'localdomain',
	'test',
	'invalid',
	'example',
] as const;

export type HostVerdict =
	| { ok: true }
	| {
			ok: false;
			reason: 'ip-literal' | 'private-name' | 'single-label' | 'blocked-address';
			detail: string;
	  };

function stripBrackets(host: string): string {
	return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Whether an IP address is a public unicast address. Everything else — private, loopback,
 * link-local (169.254.169.254, the cloud metadata service, included), unique-local, multicast,
 * carrier-grade NAT, reserved and documentation ranges, and IPv6 forms that embed an IPv4
 * address in a way we cannot vouch for — is refused. An IPv4-mapped IPv6 address is judged by
 * the IPv4 address it maps to.
 */
export function isPublicAddress(address: string): boolean {
	const text = stripBrackets(address);
	if (!ipaddr.isValid(text)) return false;
	let parsed = ipaddr.parse(text);
	if (parsed.kind() === 'ipv6') {
		const v6 = parsed as ipaddr.IPv6;
		if (v6.isIPv4MappedAddress()) {
			parsed = v6.toIPv4Address();
		} else {
			// ::/80 prefix: unspecified, loopback, and the deprecated IPv4-compatible form.
			if (v6.parts.slice(0, 5).every((part) => part === 0)) return false;
		}
	}
	return parsed.range() === 'unicast';
}

const RANGE_NAMES: Record<string, string> = {
	linkLocal: 'link-local',
	uniqueLocal: 'unique-local',
	carrierGradeNat: 'carrier-grade NAT',
	unspecified: 'unspecified',
	ipv4Mapped: 'IPv4-mapped',
	deprecatedSiteLocal: 'site-local',
};

/** Which kind of address it is, for messages: "loopback", "private", "link-local"… */
export function addressRange(address: string): string {
	const text = stripBrackets(address);
	if (!ipaddr.isValid(text)) return 'not an IP address';
	const range = ipaddr.process(text).range();
	return RANGE_NAMES[range] ?? range;
}

/**
 * Judges a URL's host name before any lookup: raw IP addresses and private-looking names are
 * refused. Names that pass still have every resolved address checked at connect time.
 */
export function judgeHostName(hostname: string): HostVerdict {
	const host = stripBrackets(hostname.toLowerCase()).replace(/\.$/, '');
	// node:net's check first: ipaddr.isValid is slow on the (usual) case of a domain name.
	if (isIP(host) !== 0) {
		return isPublicAddress(host)
			? { ok: false, reason: 'ip-literal', detail: host }
			: { ok: false, reason: 'blocked-address', detail: `${host}, ${addressRange(host)}` };
	}
	for (const suffix of PRIVATE_NAME_SUFFIXES) {
		if (host === suffix || host.endsWith(`.${suffix}`)) {
			return { ok: false, reason: 'private-name', detail: host };
		}
	}
	if (!host.includes('.')) return { ok: false, reason: 'single-label', detail: host };
	return { ok: true };
}

/** Which addresses a run may connect to. */
export interface AddressGateOptions {
	/** Connect anywhere, loopback and private networks included (tests, loopback benchmarks). */
	allowPrivate?: boolean;
	/** Non-public addresses allowed anyway, e.g. the loopback address a test server listens on. */
	allowAddresses?: readonly string[];
}

/** A predicate saying whether the verifier may open a connection to an IP address. */
export function addressGate(options: AddressGateOptions = {}): (address: string) => boolean {
	if (options.allowPrivate) return () => true;
	const allowed = new Set(
		(options.allowAddresses ?? []).map((a) => ipaddr.process(stripBrackets(a)).toString()),
	);
	return (address) => {
		const text = stripBrackets(address);
		if (isPublicAddress(text)) return true;
		return ipaddr.isValid(text) && allowed.has(ipaddr.process(text).toString());
	};
}
