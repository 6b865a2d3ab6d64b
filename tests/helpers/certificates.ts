import { generate } from 'selfsigned';

export interface TestCertificates {
	/** PEM of the test CA, to be trusted by the verifier under test. */
	ca: string;
	valid: { key: string; cert: string };
	expired: { key: string; cert: string };
}

const DAY = 86_400_000;
const LOOPBACK_NAMES = [
	{ type: 2 as const, value: 'localhost' },
	{ type: 7 as const, ip: '127.0.0.1' },
];

/** A throw-away CA and two server certificates for 127.0.0.1: one valid 30 days, one expired yesterday. */
export async function makeTestCertificates(): Promise<TestCertificates> {
	const now = Date.now();
	const ca = await generate([{ name: 'commonName', value: 'c0mm0 test CA' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate: new Date(now - 2 * DAY),
		notAfterDate: new Date(now + 365 * DAY),
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{
				name: 'keyUsage',
				keyCertSign: true,
				cRLSign: true,
				digitalSignature: true,
				critical: true,
			},
		],
	});
	const leaf = (notBeforeDate: Date, notAfterDate: Date) =>
		generate([{ name: 'commonName', value: '127.0.0.1' }], {
			keyType: 'ec',
			algorithm: 'sha256',
			notBeforeDate,
			notAfterDate,
			ca: { key: ca.private, cert: ca.cert },
			extensions: [
				{ name: 'basicConstraints', cA: false },
				{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
				{ name: 'extKeyUsage', serverAuth: true },
				{ name: 'subjectAltName', altNames: LOOPBACK_NAMES },
			],
		});
	const valid = await leaf(new Date(now - DAY), new Date(now + 30 * DAY + DAY / 2));
	const expired = await leaf(new Date(now - 60 * DAY), new Date(now - DAY - DAY / 2));
	return {
		ca: ca.cert,
		valid: { key: valid.private, cert: valid.cert },
		expired: { key: expired.private, cert: expired.cert },
	};
}

/** A certificate for 127.0.0.1 signed by nobody but itself, valid 30 days. */
export async function makeSelfSignedCertificate(): Promise<{ key: string; cert: string }> {
	const now = Date.now();
	const made = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate: new Date(now - DAY),
		notAfterDate: new Date(now + 30 * DAY),
		extensions: [{ name: 'subjectAltName', altNames: LOOPBACK_NAMES }],
	});
	return { key: made.private, cert: made.cert };
}

/** DER tag and length of a UTCTime (YYMMDDHHMMSSZ), as selfsigned writes validity dates. */
const UTC_TIME_HEAD = [0x17, 0x0d];

/**
 * The same certificate with its notAfter rewritten to a date that does not exist (month 13,
 * hour 99). The signature no longer matches, which does not matter: a client that does not
 * verify (the verifier's certificate peek) still reads it, and OpenSSL then reports the date as
 * "Bad time value" — the hostile certificate the adversarial review used.
 */
export function withMalformedNotAfter(pem: string): string {
	const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
	const times: number[] = [];
	for (let i = 0; i + 15 <= der.length; i++) {
		if (der[i] === UTC_TIME_HEAD[0] && der[i + 1] === UTC_TIME_HEAD[1] && der[i + 14] === 0x5a) {
			times.push(i);
		}
	}
	// Validity is SEQUENCE { notBefore, notAfter }: the second UTCTime is notAfter.
	const notAfter = times[1];
	if (notAfter === undefined) throw new Error('no notAfter UTCTime found in the certificate');
	Buffer.from('991399999999Z', 'ascii').copy(der, notAfter + 2);
	const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
	return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
