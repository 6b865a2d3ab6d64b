import { connect as tlsConnect } from 'node:tls';
import { guardedLookup } from './guarded-connector.ts';

/**
 * Reads a server's certificate without trusting it, so that a record whose certificate is
 * expired or invalid can still show how many days it is past expiry. Uses the same address
 * policy as every other connection.
 */
export function peekCertificate(
	url: string,
	mayConnect: (address: string) => boolean,
	timeoutMs: number,
): Promise<Date | undefined> {
	return new Promise((resolve) => {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			resolve(undefined);
			return;
		}
		if (parsed.protocol !== 'https:') {
			resolve(undefined);
			return;
		}
		const host = parsed.hostname.replace(/^\[|\]$/g, '');
		const socket = tlsConnect({
			host,
			port: Number(parsed.port || 443),
			servername: /^[\d.:]+$/.test(host) ? undefined : host,
			rejectUnauthorized: false,
			lookup: guardedLookup(mayConnect) as never,
			timeout: timeoutMs,
		});
		const finish = (value: Date | undefined) => {
			socket.destroy();
			resolve(value);
		};
		socket.once('secureConnect', () => {
			const validTo = socket.getPeerCertificate()?.valid_to;
			finish(validTo ? new Date(validTo) : undefined);
		});
		socket.once('timeout', () => finish(undefined));
		socket.once('error', () => finish(undefined));
	});
}

const DAY_MS = 86_400_000;

/** Whole days from `now` until `validTo`, rounded towards zero; negative once expired. */
export function daysLeft(validTo: Date, now: Date): number {
	return Math.trunc((validTo.getTime() - now.getTime()) / DAY_MS);
}
