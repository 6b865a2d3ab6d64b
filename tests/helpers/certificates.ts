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
