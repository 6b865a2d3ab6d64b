import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshots } from '../../src/lib/state/snapshot-store.ts';
import { USER_AGENT } from '../../src/lib/verify/constants.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import { type ContractServer, startContractServer } from '../helpers/contract-server.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

let server: ContractServer;
let cleanup: () => Promise<void>;
let dataDir: string;
const snapshots = new Map<string, Snapshot>();

async function verifyNight() {
	const result = await runVerify({
		dataDir,
		allowAddresses: ['127.0.0.1'],
		limits: FAST_LIMITS,
		now: () => new Date(),
	});
	expect(result.status).toBe('completed');
	snapshots.clear();
	for (const [id, s] of (await readSnapshots(dataDir)).snapshots) snapshots.set(id, s);
}

beforeAll(async () => {
	server = await startContractServer();
	const o = server.origin;
	const api = (name: string, extra: Record<string, string> = {}) => ({
		id: `fr-c-${name}`,
		baseUrl: `${o}/${name}/base`,
		spec: `${o}/specs/${name}.${name === 'example' ? 'yaml' : 'json'}`,
		...extra,
	});
	const made = await scenarioDataDir([
		api('conforms'),
		api('violates'),
		api('example'),
		api('no-safe'),
		api('private-server'),
		api('error-500'),
		api('hang'),
		api('html'),
		api('key', { access: 'key' }),
		{ id: 'fr-c-no-spec', baseUrl: `${o}/no-spec/base` },
	]);
	dataDir = made.dir;
	cleanup = made.cleanup;
	await verifyNight();
}, 120_000);

afterAll(async () => {
	await server?.close();
	await cleanup?.();
});

function contractOf(name: string) {
	const snapshot = snapshots.get(`fr-c-${name}`);
	if (!snapshot?.contract) throw new Error(`no contract check for ${name}`);
	return { snapshot, contract: snapshot.contract };
}

describe('the contract check: one real request per open API, judged against its spec', () => {
	it('records an answer that matches its schema as conforming, the record staying up', () => {
		const { snapshot, contract } = contractOf('conforms');
		expect(contract).toMatchObject({
			operation: 'GET /items',
			url: `${server.origin}/conforms/api/items`,
			status: 200,
			contentType: 'application/json',
			error: null,
			failed: false,
			conforms: true,
			violations: [],
			violationCount: 0,
			skipped: null,
		});
		expect(contract.ms).toBeGreaterThanOrEqual(0);
		expect(contract.bytes).toBeGreaterThan(10);
		expect(snapshot.outcome).toBe('up');
	});

	it('lists the violations of an answer missing a required field and with a wrong type, without degrading the record', () => {
		const { snapshot, contract } = contractOf('violates');
		expect(contract.url).toBe(`${server.origin}/violates/v1/things`);
		expect(contract.conforms).toBe(false);
		expect(contract.failed).toBe(false);
		expect(contract.violations).toEqual(
			expect.arrayContaining([
				{ path: '/name', message: "must have required property 'name'" },
				{ path: '/id', message: 'must be string' },
			]),
		);
		expect(contract.violationCount).toBe(2);
		expect(snapshot.outcome).toBe('up');
	});

	it('calls an operation whose required parameters have an example and an enum, with those values', () => {
		const { contract } = contractOf('example');
		expect(contract.operation).toBe('GET /v2/lookup/{code}');
		expect(contract.url).toBe(`${server.origin}/example/v2/lookup/FR-75?lang=fr`);
		expect(contract.conforms).toBe(true);
	});

	it('skips an API with no safe operation, saying why, and calls nothing', () => {
		const { contract } = contractOf('no-safe');
		expect(contract.skipped).toMatch(/no safe operation/);
		expect(contract.url).toBeNull();
		expect(server.seen.some((r) => r.url.startsWith('/records'))).toBe(false);
	});

	it('refuses a server on a private address the run does not allow', () => {
		const { snapshot, contract } = contractOf('private-server');
		expect(contract.skipped).toMatch(/10\.20\.30\.40.*refused/);
		expect(contract.status).toBeNull();
		expect(snapshot.outcome).toBe('up');
	});

	it('degrades a record whose real request answers 500, though its base answers', () => {
		const { snapshot, contract } = contractOf('error-500');
		expect(contract).toMatchObject({ status: 500, failed: true, conforms: null });
		expect(snapshot.outcome).toBe('degraded');
		expect(snapshot.reason).toMatch(/real request to GET \/items answered 500/);
	});

	it('degrades a record whose real request times out', () => {
		const { snapshot, contract } = contractOf('hang');
		expect(contract).toMatchObject({ status: null, error: 'timeout', failed: true });
		expect(snapshot.outcome).toBe('degraded');
	});

	it('degrades a record whose real request answers HTML where JSON is declared', () => {
		const { snapshot, contract } = contractOf('html');
		expect(contract).toMatchObject({ status: 200, contentType: 'text/html', failed: true });
		expect(contract.note).toMatch(/HTML page where the spec declares application\/json/);
		expect(snapshot.outcome).toBe('degraded');
	});

	it('never calls an API that needs credentials, nor one without a spec', () => {
		expect(contractOf('key').contract.skipped).toMatch(/declared key/);
		expect(contractOf('no-spec').contract.skipped).toMatch(/no spec/);
		expect(server.seen.some((r) => r.url === '/key/items')).toBe(false);
	});

	it('sends only GET requests, without credentials, as the verifier', () => {
		const calls = server.seen.filter(
			(r) => !r.url.startsWith('/specs/') && !/\/base\?/.test(r.url),
		);
		expect(calls.length).toBeGreaterThanOrEqual(6);
		for (const call of calls) {
			expect(call.method).toBe('GET');
			expect(call.headers.authorization).toBeUndefined();
			expect(call.headers.cookie).toBeUndefined();
			expect(call.headers['x-key']).toBeUndefined();
			expect(call.headers['user-agent']).toBe(USER_AGENT);
		}
		expect(server.seen.some((r) => r.url === '/conforms/api/admin')).toBe(false);
		expect(server.seen.some((r) => r.url.startsWith('/conforms/api/items/'))).toBe(false);
	});

	it('calls again on a night the spec has not changed', async () => {
		const before = server.seen.filter((r) => r.url === '/conforms/api/items').length;
		const capturedAt = contractOf('conforms').snapshot.spec?.capturedAt;
		await verifyNight();
		// The unchanged spec's capture is kept as it was; only the operation is chosen again.
		expect(contractOf('conforms').snapshot.spec?.capturedAt).toBe(capturedAt);
		expect(server.seen.filter((r) => r.url === '/conforms/api/items').length).toBe(before + 1);
		expect(contractOf('conforms').contract.conforms).toBe(true);
	}, 60_000);
});
