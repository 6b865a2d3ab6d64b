import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { certificateExpiry } from '../../src/lib/verify/guarded-connector.ts';
import { daysLeft } from '../../src/lib/verify/peek-certificate.ts';
import { runVerify, type VerifyResult } from '../../src/lib/verify/run-verify.ts';
import type { Check, Snapshot } from '../../src/schemas/snapshot.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import {
	type HostileServer,
	startCertificateSwitchingServer,
	startRawHttpServer,
} from '../helpers/hostile-servers.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

/** Answers that break HTTP, each as the raw bytes a hostile server writes. */
const BROKEN_ANSWERS: Record<string, string> = {
	// Promises 100 bytes, sends 5, closes.
	'/content-length-short': 'HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort',
	'/content-length-conflict': 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 5\r\n\r\nok',
	'/header-overflow': `HTTP/1.1 200 OK\r\nx-padding: ${'a'.repeat(70_000)}\r\ncontent-length: 2\r\n\r\nok`,
	'/too-many-encodings':
		'HTTP/1.1 200 OK\r\ncontent-encoding: gzip, gzip, gzip, gzip, gzip, gzip\r\ncontent-length: 2\r\n\r\nok',
	'/status-000': 'HTTP/1.1 000 Nothing\r\ncontent-length: 2\r\n\r\nok',
	'/status-099': 'HTTP/1.1 099 Too low\r\ncontent-length: 2\r\n\r\nok',
	'/status-600': 'HTTP/1.1 600 Too high\r\ncontent-length: 2\r\n\r\nok',
	'/status-999': 'HTTP/1.1 999 Way off\r\ncontent-length: 2\r\n\r\nok',
};

let internet: FakeInternet;
const hostile: HostileServer[] = [];
let dataDir: string;
let cleanup: () => Promise<void>;
let result: VerifyResult | Error;
const snapshots = new Map<string, Snapshot>();

beforeAll(async () => {
	internet = await startFakeInternet();
	const raw = await startRawHttpServer(BROKEN_ANSWERS);
	const switching = await startCertificateSwitchingServer();
	const malformed = await startCertificateSwitchingServer({ always: true });
	hostile.push(raw, switching, malformed);
	const made = await scenarioDataDir([
		{ id: 'fr-a-healthy', baseUrl: `${internet.http}/healthy` },
		{ id: 'fr-certificate-switch', baseUrl: `${switching.url}/` },
		{ id: 'fr-certificate-malformed', baseUrl: `${malformed.url}/` },
		...Object.keys(BROKEN_ANSWERS).map((path) => ({
			id: `fr-broken${path.replaceAll('/', '-')}`,
			baseUrl: `${raw.url}${path}`,
		})),
		{ id: 'fr-z-healthy', baseUrl: `${internet.http}/healthy` },
	]);
	dataDir = made.dir;
	cleanup = made.cleanup;
	result = await runVerify({
		dataDir: made.dir,
		allowAddresses: ['127.0.0.1'],
		ca: [internet.ca],
		limits: FAST_LIMITS,
	}).catch((error: Error) => error);
	for (const [id, s] of (await readSnapshots(made.dir)).snapshots) snapshots.set(id, s);
}, 120_000);

afterAll(async () => {
	await Promise.all(hostile.map((server) => server.close()));
	await internet?.close();
	await cleanup?.();
});

function baseCheck(id: string): Check {
	const check = snapshots.get(id)?.checks.find((c) => c.target === 'base');
	if (!check) throw new Error(`no base check for ${id}`);
	return check;
}

describe('a server that shows the peek a certificate with a malformed expiry date', () => {
	it('does not crash the run: every record of the shard gets its snapshot', () => {
		expect(result).not.toBeInstanceOf(Error);
		expect((result as VerifyResult).status).toBe('completed');
		expect(snapshots.size).toBe(4 + Object.keys(BROKEN_ANSWERS).length);
		expect(snapshots.get('fr-a-healthy')?.outcome).toBe('up');
		expect(snapshots.get('fr-z-healthy')?.outcome).toBe('up');
	});

	it('marks the record down for its TLS failure, with the days left unknown', () => {
		expect(snapshots.get('fr-certificate-switch')).toMatchObject({
			outcome: 'down',
			reason: 'The base URL failed: the TLS certificate or handshake is not valid.',
		});
		expect(baseCheck('fr-certificate-switch')).toMatchObject({ error: 'tls', tlsDaysLeft: null });
	});

	it('blames the server, not the register, when every client sees the malformed date', () => {
		expect(snapshots.get('fr-certificate-malformed')?.outcome).toBe('down');
		expect(baseCheck('fr-certificate-malformed')).toMatchObject({
			error: 'tls',
			tlsDaysLeft: null,
		});
	});
});

describe('certificate dates', () => {
	const now = new Date('2026-11-26T00:00:00Z');

	it('reads the date OpenSSL prints, and nothing else', () => {
		expect(certificateExpiry('Dec 26 00:00:00 2026 GMT')?.toISOString()).toBe(
			'2026-12-26T00:00:00.000Z',
		);
		expect(certificateExpiry('Bad time value')).toBeNull();
		expect(certificateExpiry('')).toBeNull();
		expect(certificateExpiry(undefined)).toBeNull();
	});

	it('counts the days left, or says they are unknown', () => {
		expect(daysLeft(new Date('2026-12-26T00:00:00Z'), now)).toBe(30);
		expect(daysLeft(new Date('2026-11-24T12:00:00Z'), now)).toBe(-1);
		expect(daysLeft(new Date('Bad time value'), now)).toBeNull();
		expect(daysLeft(null, now)).toBeNull();
	});
});

describe('a server that breaks HTTP', () => {
	it.each(Object.keys(BROKEN_ANSWERS))(
		'is down with a protocol error, not an inconclusive check, for %s',
		(path) => {
			const id = `fr-broken${path.replaceAll('/', '-')}`;
			expect(snapshots.get(id), id).toMatchObject({
				outcome: 'down',
				reason: expect.stringMatching(/^The base URL failed: the server broke HTTP/),
			});
			expect(baseCheck(id), id).toMatchObject({ error: 'protocol', status: null });
		},
	);
});

describe('the pull request check against the same server', () => {
	const run = promisify(execFile);
	const root = join(import.meta.dirname, '..', '..');

	it('verifies the entry and reports it, as the entry-check workflow does', async () => {
		const out = await mkdtemp(join(tmpdir(), 'c0mm0-entry-check-'));
		try {
			const ids = 'fr-certificate-switch';
			const common = ['--data-dir', dataDir, '--allow-private'];
			// The workflow's two steps: npm run verify -- --only … --out …, then entry-report.
			await run(process.execPath, ['scripts/verify.ts', ...common, '--only', ids, '--out', out], {
				cwd: root,
				env: { ...process.env, CI: '1' },
			});
			const report = await run(
				process.execPath,
				['scripts/entry-report.ts', ...common, '--ids', ids, '--verify-out', out],
				{ cwd: root },
			);
			expect(report.stdout).toContain(
				'| Outcome | **down** — The base URL failed: the TLS certificate or handshake is not valid. |',
			);
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	}, 60_000);
});
