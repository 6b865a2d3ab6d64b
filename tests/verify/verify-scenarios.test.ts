import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistoryDay } from '../../src/lib/state/history-store.ts';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { runVerify, type VerifyResult } from '../../src/lib/verify/run-verify.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

let internet: FakeInternet;
let dataDir: string;
let cleanup: () => Promise<void>;
let result: VerifyResult;
const snapshots = new Map<string, Snapshot>();

beforeAll(async () => {
	internet = await startFakeInternet();
	const h = internet.http;
	const made = await scenarioDataDir([
		{ id: 'fr-healthy', baseUrl: `${h}/healthy` },
		{ id: 'fr-healthy-https', baseUrl: `${internet.https}/healthy` },
		{ id: 'fr-key-required', baseUrl: `${h}/key-required`, access: 'key' },
		{ id: 'fr-key-on-open-api', baseUrl: `${h}/key-required`, access: 'open' },
		{ id: 'fr-error-500', baseUrl: `${h}/error-500` },
		{ id: 'fr-maintenance', baseUrl: `${h}/maintenance` },
		{ id: 'fr-flaky', baseUrl: `${h}/flaky` },
		{ id: 'fr-hang', baseUrl: `${h}/hang` },
		{ id: 'fr-slow', baseUrl: `${h}/slow` },
		{ id: 'fr-reset', baseUrl: `${h}/reset` },
		{ id: 'fr-redirect-loop', baseUrl: `${h}/redirect-loop` },
		{ id: 'fr-redirect-chain-ok', baseUrl: `${h}/redirect-chain/3` },
		{ id: 'fr-redirect-chain-long', baseUrl: `${h}/redirect-chain/7` },
		{ id: 'fr-redirect-private', baseUrl: `${h}/redirect-private` },
		{ id: 'fr-redirect-file', baseUrl: `${h}/redirect-file` },
		{ id: 'fr-endless', baseUrl: `${h}/endless` },
		{ id: 'fr-gzip-bomb', baseUrl: `${h}/gzip-bomb` },
		{ id: 'fr-waf', baseUrl: `${h}/waf` },
		{ id: 'fr-rate-limited', baseUrl: `${h}/rate-limited` },
		{ id: 'fr-expired-cert', baseUrl: `${internet.expiredHttps}/healthy` },
		{ id: 'fr-docs-missing', baseUrl: `${h}/healthy`, docs: `${h}/not-found` },
		{ id: 'fr-no-head', kind: 'dataset', distributions: [`${h}/no-head`] },
		{ id: 'fr-swagger2', baseUrl: `${h}/healthy`, spec: `${h}/specs/swagger2.json` },
		{ id: 'fr-oas31-cycles', baseUrl: `${h}/healthy`, spec: `${h}/specs/oas31.yaml` },
		{ id: 'fr-invalid-spec', baseUrl: `${h}/healthy`, spec: `${h}/specs/invalid.json` },
		{ id: 'fr-file-ref-spec', baseUrl: `${h}/healthy`, spec: `${h}/specs/file-ref.json` },
		{ id: 'fr-gzip-bomb-spec', baseUrl: `${h}/healthy`, spec: `${h}/gzip-bomb` },
		{ id: 'fr-endless-spec', baseUrl: `${h}/healthy`, spec: `${h}/endless` },
	]);
	dataDir = made.dir;
	cleanup = made.cleanup;
	result = await runVerify({
		dataDir,
		allowAddresses: ['127.0.0.1'],
		ca: [internet.ca],
		limits: FAST_LIMITS,
		now: () => new Date(),
	});
	for (const [id, s] of (await readSnapshots(dataDir)).snapshots) snapshots.set(id, s);
}, 120_000);

afterAll(async () => {
	await internet?.close();
	await cleanup?.();
});

function snapshot(id: string): Snapshot {
	const found = snapshots.get(id);
	if (!found) throw new Error(`no snapshot for ${id}`);
	return found;
}

function baseCheck(id: string) {
	const check = snapshot(id).checks.find((c) => c.target === 'base');
	if (!check) throw new Error(`no base check for ${id}`);
	return check;
}

describe('verify against the fake internet', () => {
	it('completes the run', () => {
		expect(result.status).toBe('completed');
		expect(result.problems).toEqual([]);
		expect(snapshots.size).toBe(28);
	});

	it('writes every snapshot to disk, summarised in the result, leaving no staging behind', async () => {
		if (result.status !== 'completed') throw new Error('run did not complete');
		for (const record of result.records) {
			const text = await readFile(join(dataDir, 'snapshots', `${record.id}.json`), 'utf8');
			expect(JSON.parse(text)).toMatchObject({
				id: record.id,
				outcome: record.outcome,
				reason: record.reason,
			});
			expect(text.endsWith('}\n')).toBe(true);
		}
		expect((await readdir(join(dataDir, 'snapshots'))).filter((f) => !f.endsWith('.json'))).toEqual(
			[],
		);
	});

	it('marks a healthy API up', () => {
		expect(snapshot('fr-healthy')).toMatchObject({
			outcome: 'up',
			reason: 'The base URL answered 200.',
		});
		expect(baseCheck('fr-healthy')).toMatchObject({
			status: 200,
			error: null,
			method: 'GET',
			tlsDaysLeft: null,
		});
		expect(snapshot('fr-healthy').lastUpAt).toBe(snapshot('fr-healthy').checkedAt);
	});

	it('records the days a valid certificate has left', () => {
		expect(snapshot('fr-healthy-https').outcome).toBe('up');
		expect(baseCheck('fr-healthy-https').tlsDaysLeft).toBe(30);
	});

	it('counts 401 from a key-required API as reachable', () => {
		expect(snapshot('fr-key-required').outcome).toBe('up');
		expect(baseCheck('fr-key-required')).toMatchObject({
			status: 401,
			note: 'answered 401: credentials required, as the entry declares',
		});
	});

	it('degrades an API declared open that asks for credentials', () => {
		expect(snapshot('fr-key-on-open-api').outcome).toBe('degraded');
	});

	it('marks a 500 down', () => {
		expect(snapshot('fr-error-500')).toMatchObject({
			outcome: 'down',
			reason: 'The base URL answered 500: server error.',
		});
	});

	it('retries a 503 honouring Retry-After, then marks it down', () => {
		expect(snapshot('fr-maintenance').outcome).toBe('down');
		expect(baseCheck('fr-maintenance').status).toBe(503);
		// first pass: 1 try + 2 retries; re-check pass: 3 more
		expect(internet.hits.get('/maintenance')).toBe(6);
		expect(baseCheck('fr-maintenance').ms).toBeGreaterThanOrEqual(2_000);
	});

	it('succeeds on a retry after a transient 503, counting the wait as slowness', () => {
		expect(baseCheck('fr-flaky')).toMatchObject({ status: 200, outcome: 'degraded' });
		expect(internet.hits.get('/flaky')).toBe(2);
	});

	it('gives up on a hanging server after its timeout', () => {
		expect(snapshot('fr-hang').outcome).toBe('down');
		const check = baseCheck('fr-hang');
		expect(check.error).toBe('timeout');
		expect(check.ms).toBeGreaterThanOrEqual(900);
		expect(check.ms).toBeLessThan(4_000);
	});

	it('marks a slow answer degraded', () => {
		expect(snapshot('fr-slow').outcome).toBe('degraded');
		expect(baseCheck('fr-slow').note).toMatch(/^answered 200, but slowly \(\d+ ms\)$/);
	});

	it('marks a reset connection down', () => {
		expect(snapshot('fr-reset').outcome).toBe('down');
		expect(baseCheck('fr-reset').error).toBe('reset');
	});

	it('stops a redirect loop', () => {
		expect(snapshot('fr-redirect-loop').outcome).toBe('down');
		expect(baseCheck('fr-redirect-loop').error).toBe('too-many-redirects');
	});

	it('follows up to 5 redirects and records where they end', () => {
		expect(snapshot('fr-redirect-chain-ok').outcome).toBe('up');
		expect(baseCheck('fr-redirect-chain-ok')).toMatchObject({
			redirects: 3,
			finalUrl: `${internet.http}/redirect-chain/0`,
		});
		expect(baseCheck('fr-redirect-chain-long').error).toBe('too-many-redirects');
	});

	it('refuses to follow a redirect to a blocked address', () => {
		expect(snapshot('fr-redirect-private').outcome).toBe('inconclusive');
		expect(baseCheck('fr-redirect-private').error).toBe('blocked-address');
	});

	it('refuses to follow a redirect to a file: URL', () => {
		expect(snapshot('fr-redirect-file').outcome).toBe('down');
		expect(baseCheck('fr-redirect-file').error).toMatch(/bad-redirect|unknown/);
	});

	it('cuts off an endless body instead of reading forever', () => {
		expect(snapshot('fr-endless').outcome).toBe('up');
		expect(baseCheck('fr-endless').ms).toBeLessThan(2_000);
	});

	it('cuts off a gzip bomb on a probe', () => {
		expect(snapshot('fr-gzip-bomb').outcome).toBe('up');
	});

	it('treats a WAF challenge as inconclusive, not down', () => {
		expect(snapshot('fr-waf')).toMatchObject({
			outcome: 'inconclusive',
			reason: 'The base URL answered 403 with a bot-protection challenge.',
		});
	});

	it('treats rate limiting as inconclusive', () => {
		expect(snapshot('fr-rate-limited').outcome).toBe('inconclusive');
		expect(baseCheck('fr-rate-limited').status).toBe(429);
	});

	it('marks an expired certificate down with tls, and says how long ago it expired', () => {
		expect(snapshot('fr-expired-cert').outcome).toBe('down');
		const check = baseCheck('fr-expired-cert');
		expect(check.error).toBe('tls');
		expect(check.tlsDaysLeft).toBe(-1);
		expect(snapshot('fr-expired-cert').reason).toBe(
			'The base URL failed: the TLS certificate or handshake is not valid.',
		);
	});

	it('degrades a record whose docs page is gone', () => {
		expect(snapshot('fr-docs-missing')).toMatchObject({
			outcome: 'degraded',
			reason: 'The base URL answered 200, but the documentation answered 404: not found.',
		});
	});

	it('falls back from HEAD to GET where HEAD is mishandled', () => {
		const check = snapshot('fr-no-head').checks[0];
		expect(check).toMatchObject({
			target: 'distribution',
			method: 'GET',
			status: 200,
			outcome: 'up',
		});
	});

	it('captures a Swagger 2.0 spec', () => {
		const spec = snapshot('fr-swagger2').spec;
		expect(spec).toMatchObject({
			version: '2.0',
			valid: true,
			errors: [],
			operations: 1,
			fetchError: null,
			title: 'Test registry',
		});
		expect(spec?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(spec?.parameters.map((p) => `${p.in}:${p.name}:${p.type}`)).toEqual([
			'path:siret:string',
			'query:fields:array<string>',
		]);
		expect(spec?.fields.map((f) => f.name)).toEqual([
			'siret',
			'name',
			'address',
			'address.city',
			'address.postcode',
		]);
		expect(spec?.fields[0]).toMatchObject({
			type: 'string',
			description: 'Establishment number',
			operation: 'getCompany',
		});
	});

	it('captures an OpenAPI 3.1 YAML spec with $ref cycles and an external $ref', () => {
		const spec = snapshot('fr-oas31-cycles').spec;
		expect(spec).toMatchObject({ version: '3.1.0', valid: true });
		expect(spec?.parameters.map((p) => p.name)).toEqual(['depth', 'lang']);
		expect(spec?.fields.map((f) => f.name)).toEqual(
			expect.arrayContaining(['id', 'label', 'parent', 'children']),
		);
	});

	it('records an invalid spec as invalid, with its errors, without failing the run', () => {
		const spec = snapshot('fr-invalid-spec').spec;
		expect(spec?.valid).toBe(false);
		expect(spec?.errors.length).toBeGreaterThan(0);
		expect(snapshot('fr-invalid-spec').outcome).toBe('up');
	});

	it('never reads a local file through a $ref', async () => {
		const spec = snapshot('fr-file-ref-spec').spec;
		expect(spec?.valid).toBe(false);
		expect(spec?.errors.join(' ')).toMatch(/file:\/\/\/etc\/passwd/);
		const passwd = await readFile('/etc/passwd', 'utf8').catch(() => 'root:x:0:0');
		const text = await readFile(join(dataDir, 'snapshots', 'fr-file-ref-spec.json'), 'utf8');
		expect(text).not.toContain(passwd.split('\n')[0]);
		expect(text).not.toContain('root:x:');
	});

	it('cuts off a spec that is a gzip bomb, or endless, as too large', () => {
		for (const id of ['fr-gzip-bomb-spec', 'fr-endless-spec']) {
			const check = snapshot(id).checks.find((c) => c.target === 'spec');
			expect(check, id).toMatchObject({ error: 'too-large', outcome: 'degraded' });
			expect(snapshot(id).spec, id).toBeNull();
		}
	});

	it('writes the night to the history file, with every outcome as a first change', async () => {
		const date = (snapshots.get('fr-healthy') as Snapshot).checkedAt.slice(0, 10);
		const { day } = await readHistoryDay(dataDir, date);
		expect(day?.outcomes['fr-healthy']).toBe('U');
		expect(day?.outcomes['fr-error-500']).toBe('X');
		expect(day?.outcomes['fr-waf']).toBe('I');
		expect(day?.outcomes['fr-slow']).toBe('D');
		expect(day?.changes.filter((c) => c.type === 'outcome')).toHaveLength(28);
		expect(day?.runs).toHaveLength(1);
		expect(day?.runs[0]?.records).toBe(28);
	});
});
