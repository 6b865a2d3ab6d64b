import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import { addressRange } from '../net/address-policy.ts';

/** Raised when a host resolves to (or is) an address the register must never contact. */
export class BlockedAddressError extends Error {
	readonly code = 'EBLOCKEDADDRESS';
	constructor(host: string, address: string) {
		super(
			`${host} resolves to ${address} (${addressRange(address)}), which the verifier never contacts`,
		);
		this.name = 'BlockedAddressError';
	}
}

export interface CertificateInfo {
	/** Null when the certificate's notAfter cannot be read as a date. */
	validTo: Date | null;
	issuer: string;
}

/**
 * A certificate's `valid_to` as a date, or null when it is missing or not a date. OpenSSL prints
 * a malformed notAfter as "Bad time value", which `new Date` turns into an Invalid Date whose
 * arithmetic is NaN — a server chooses what its certificate says, so this is checked, not assumed.
 */
export function certificateExpiry(validTo: string | undefined): Date | null {
	if (!validTo) return null;
	const date = new Date(validTo);
	return Number.isNaN(date.getTime()) ? null : date;
}

export interface GuardedConnectorOptions {
	connectTimeoutMs: number;
	/** Whether an address may be connected to (see addressGate in the address policy). */
	mayConnect: (address: string) => boolean;
	/** Extra trusted CA certificates (PEM), for tests that serve HTTPS with their own CA. */
	ca?: string[];
	/** Called with the certificate of every TLS connection made. */
	onCertificate?: (origin: string, certificate: CertificateInfo) => void;
}

type LookupCallback = (
	error: NodeJS.ErrnoException | null,
	address: string | LookupAddress[],
	family?: number,
) => void;

function stripBrackets(host: string): string {
	return host.startsWith('[') ? host.slice(1, -1) : host;
}

/**
 * A DNS lookup that refuses to hand back private, loopback, link-local or otherwise non-public
 * addresses. Because the socket connects to exactly what this returns, a redirect to a private
 * host or a DNS answer that changes between checks (rebinding) cannot reach anything private.
 */
export function guardedLookup(mayConnect: (address: string) => boolean) {
	return (
		hostname: string,
		options: LookupAllOptions | number | undefined,
		callback: LookupCallback,
	) => {
		const all = typeof options === 'object' && options?.all === true;
		dnsLookup(
			hostname,
			{ ...(typeof options === 'object' ? options : {}), all: true },
			(error, addresses) => {
				if (error) return callback(error, all ? [] : '');
				const blocked = addresses.find((a) => !mayConnect(a.address));
				if (blocked)
					return callback(new BlockedAddressError(hostname, blocked.address), all ? [] : '');
				if (all) return callback(null, addresses);
				const first = addresses[0];
				if (!first)
					return callback(
						Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
						'',
					);
				return callback(null, first.address, first.family);
			},
		);
	};
}

/**
 * undici's connector with the address policy applied at connect time: literal IP hosts are
 * judged directly, names through {@link guardedLookup}. It also reads each TLS peer certificate
 * so the verifier can record how many days it has left.
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
	const connect = buildConnector({
		timeout: options.connectTimeoutMs,
		lookup: guardedLookup(options.mayConnect),
		allowH2: false,
		...(options.ca ? { ca: options.ca } : {}),
	} as buildConnector.BuildOptions);
	return (connectOptions, callback) => {
		const host = stripBrackets(connectOptions.hostname);
		if (isIP(host) !== 0 && !options.mayConnect(host)) {
			callback(new BlockedAddressError(host, host), null);
			return;
		}
		connect(connectOptions, (...args: buildConnector.CallbackArgs) => {
			const [error, socket] = args;
			if (!error && socket && 'getPeerCertificate' in socket && options.onCertificate) {
				const certificate = (socket as TLSSocket).getPeerCertificate();
				if (certificate?.valid_to) {
					const port = connectOptions.port || '443';
					options.onCertificate(`${connectOptions.protocol}//${host}:${port}`, {
						validTo: certificateExpiry(certificate.valid_to),
						issuer: String(certificate.issuer?.O ?? certificate.issuer?.CN ?? ''),
					});
				}
			}
			callback(...args);
		});
	};
}
