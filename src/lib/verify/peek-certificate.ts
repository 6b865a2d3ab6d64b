import { connect as tlsConnect } from 'node:tls';
import { certificateExpiry, guardedLookup } from './guarded-connector.ts';

/**
 * Reads a server's certificate without trusting it, so that a record whose certificate is
 * expired or invalid can still show how many days it is past expiry. Uses the same address
 * policy as every other connection. Resolves to null when there is no certificate, or when its
 * expiry date cannot be read (the server chose what it shows the peek).
 */
export function peekCertificate(
	url: string,
	mayConnect: (address: string) => boolean,
	timeoutMs: number,
): Promise<Date | null> {
	return new Promise((resolve) => {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			resolve(null);
			return;
		}
		if (parsed.protocol !== 'https:') {
			resolve(null);
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
		const finish = (value: Date | null) => {
			socket.destroy();
			resolve(value);
		};
		socket.once('secureConnect', () => {
			finish(certificateExpiry(socket.getPeerCertificate()?.valid_to));
		});
		socket.once('timeout', () => finish(null));
		socket.once('error', () => finish(null));
	});
}

const DAY_MS = 86_400_000;

/**
 * Whole days from `now` until `validTo`, rounded towards zero; negative once expired. Null — the
 * days are unknown — when there is no date or it is not a valid one.
 */
export function daysLeft(validTo: Date | null | undefined, now: Date): number | null {
	const days = validTo ? Math.trunc((validTo.getTime() - now.getTime()) / DAY_MS) : Number.NaN;
	return Number.isSafeInteger(days) ? days : null;
}
