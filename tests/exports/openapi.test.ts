import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeFactsOf } from '../../src/lib/badges/badge-facts.ts';
import { shieldsEndpoint } from '../../src/lib/badges/shields-endpoint.ts';
import { openApiDocument } from '../../src/lib/exports/openapi.ts';
import { recordsListChunks } from '../../src/lib/exports/records-list.ts';
import type { Register, RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { registerFromDisk } from '../../src/lib/register/register-from-disk.ts';
import { urlContract } from '../../src/lib/register/urls.ts';
import { recordDocument } from '../../src/lib/site/record-json.ts';
import { runVerify } from '../../src/lib/verify/run-verify.ts';
import { type ContractServer, startContractServer } from '../helpers/contract-server.ts';
import { type FakeInternet, startFakeInternet } from '../helpers/fake-internet.ts';
import { FAST_LIMITS, scenarioDataDir } from '../helpers/verify-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SITE = 'https://example.org/register/';
const DOCUMENT = openApiDocument(urlContract(SITE), 'fr-api-captchetat');
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Rewrites every file under `dir`, replacing {{HTTP}} with the fake internet's origin. */
async function fillPlaceholders(dir: string, origin: string): Promise<void> {
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = join(entry.parentPath, entry.name);
		await writeFile(file, (await readFile(file, 'utf8')).replaceAll('{{HTTP}}', origin));
	}
}

async function verified(dataDir: string, only?: string[]): Promise<Register> {
	const run = await runVerify({
		dataDir,
		allowAddresses: ['127.0.0.1'],
		limits: FAST_LIMITS,
		...(only ? { only } : {}),
	});
	if (run.status !== 'completed') throw new Error(`the fixture verify run failed: ${run.reason}`);
	return registerFromDisk(dataDir, { allowPrivate: true });
}

/** A validator of one component schema, the whole description loaded so `$ref`s resolve. */
function validatorOf(component: string): ValidateFunction {
	const ajv = new Ajv2020({ allErrors: true, strict: true });
	addFormats(ajv);
	// The description's other members are not JSON Schema keywords: declared so strict mode
	// still catches a misspelt keyword inside the schemas.
	for (const keyword of ['openapi', 'info', 'servers', 'tags', 'paths', 'components'])
		ajv.addKeyword(keyword);
	ajv.addSchema(json(DOCUMENT), 'openapi.json');
	const validate = ajv.getSchema(`openapi.json#/components/schemas/${component}`);
	if (!validate) throw new Error(`no component ${component}`);
	return validate;
}

describe('the OpenAPI description', () => {
	it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
		await expect(SwaggerParser.validate(json(DOCUMENT) as never)).resolves.toBeTruthy();
	});

	it('describes every file of the JSON API, the badges, the feed and the exports, under the site’s base path', () => {
		expect(DOCUMENT.servers).toEqual([
			{ url: 'https://example.org/register', description: 'The register' },
		]);
		const paths = DOCUMENT.paths as Record<
			string,
			{ get: { responses: Record<string, { content?: object }> } }
		>;
		const types = Object.fromEntries(
			Object.entries(paths).map(([path, item]) => [
				path,
				Object.keys(item.get.responses['200']?.content ?? {})[0],
			]),
		);
		expect(types).toEqual({
			'/api/v1/records.json': 'application/json',
			'/api/v1/records/{id}.json': 'application/json',
			'/badges/{id}.json': 'application/json',
			'/badges/{id}.svg': 'image/svg+xml',
			'/badges/{id}-score.svg': 'image/svg+xml',
			'/badges/{id}-uptime.svg': 'image/svg+xml',
			'/changes.xml': 'application/xml',
			'/downloads/register.csv': 'text/csv',
			'/downloads/register.ndjson': 'application/x-ndjson',
			'/downloads/register.parquet': 'application/vnd.apache.parquet',
			'/downloads/fields.csv': 'text/csv',
			'/dcat/catalog.ttl': 'text/turtle',
			'/dcat/catalog.jsonld': 'application/ld+json',
			'/llms.txt': 'text/plain',
			'/api/v1/openapi.json': 'application/json',
		});
	});

	it('compiles every component schema as JSON Schema 2020-12 (Ajv, strict)', () => {
		const names = Object.keys((DOCUMENT.components as { schemas: object }).schemas);
		expect(names).toEqual(
			expect.arrayContaining([
				'Record',
				'RecordsList',
				'BadgeEndpoint',
				'DownloadRow',
				'DownloadField',
			]),
		);
		for (const name of names) expect(() => validatorOf(name)).not.toThrow();
	});
});

describe('real record files, checked against the description', () => {
	let internet: FakeInternet;
	let contracts: ContractServer;
	const work: string[] = [];
	const cleanups: (() => Promise<void>)[] = [];
	const registers: Register[] = [];

	beforeAll(async () => {
		internet = await startFakeInternet();
		contracts = await startContractServer();
		// The end-to-end fixture register, verified for real against the loopback "fake internet"
		// as the e2e setup does: APIs with captured specs, a dataset whose file was read, records
		// never verified, imported ones.
		const dir = await mkdtemp(join(tmpdir(), 'c0mm0-openapi-'));
		work.push(dir);
		await cp(join(ROOT, 'tests', 'fixtures', 'site-catalog'), join(dir, 'data'), {
			recursive: true,
		});
		await fillPlaceholders(join(dir, 'data'), internet.http);
		registers.push(
			await verified(join(dir, 'data'), [
				'fr-e2e-registry-api',
				'fr-e2e-outage-api',
				'de-e2e-plain-api',
				'de-e2e-weather-dataset',
			]),
		);
		// Open APIs whose real answer the contract check judged: one conforming, one not.
		const o = contracts.origin;
		const scenario = await scenarioDataDir(
			['conforms', 'violates'].map((name) => ({
				id: `fr-c-${name}`,
				baseUrl: `${o}/${name}/base`,
				spec: `${o}/specs/${name}.json`,
			})),
		);
		cleanups.push(scenario.cleanup);
		registers.push(await verified(scenario.dir));
		// The shipped catalog, as it is today.
		registers.push(await registerFromDisk(join(ROOT, 'data')));
	}, 120_000);

	afterAll(async () => {
		await internet?.close();
		await contracts?.close();
		for (const cleanup of cleanups) await cleanup();
		for (const dir of work) await rm(dir, { recursive: true, force: true });
	});

	/** Every fixture record and one shipped record in 25, as their files hold them. */
	const sample = () => {
		const [fixture, scenario, shipped] = registers as [Register, Register, Register];
		return [
			...fixture.records,
			...scenario.records,
			...shipped.records.filter((_, i) => i % 25 === 0),
		];
	};

	it('validates record documents of every kind and state against the Record schema', () => {
		const validate = validatorOf('Record');
		const documents = sample().map((r) => json(recordDocument(r)));
		for (const document of documents)
			expect(validate(document), `${document.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
		// The sample holds what the description must cover.
		const states = new Set(documents.map((d) => d.verification.state));
		expect(states).toEqual(new Set(['up', 'degraded', 'down', 'not-yet-verified']));
		expect(
			documents.some((d) => d.entry.kind === 'dataset' && d.verification.files.length > 0),
		).toBe(true);
		expect(documents.some((d) => d.schema !== null && d.schema.parameters.length > 0)).toBe(true);
		const judged = documents.map((d) => d.verification.contract?.conforms);
		expect(judged).toContain(true);
		expect(judged).toContain(false);
		expect(documents.some((d) => d.imported && d.listedBy.length > 0)).toBe(true);
		expect(documents.some((d) => 'imported' in d.publisher)).toBe(true);
		expect(documents.filter((d) => d.id.startsWith('fr-') === false).length).toBeGreaterThan(10);
	});

	it('validates the records list and each record’s badge endpoint', async () => {
		const validateList = validatorOf('RecordsList');
		const validateBadge = validatorOf('BadgeEndpoint');
		for (const register of registers) {
			const list = JSON.parse([...recordsListChunks(register)].join(''));
			expect(validateList(list), JSON.stringify(validateList.errors)).toBe(true);
			for (const record of register.records.slice(0, 200)) {
				const badge = json(shieldsEndpoint(badgeFactsOf(record)));
				expect(validateBadge(badge), JSON.stringify(validateBadge.errors)).toBe(true);
			}
		}
	});

	it('rejects a record with a field missing, a field of the wrong type or a field it does not describe', () => {
		const validate = validatorOf('Record');
		const checked = registers[0]?.byId.get('fr-e2e-registry-api') as RegisterRecord;
		const record = json(recordDocument(checked));
		expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
		const { verification: _, ...missing } = record;
		expect(validate(missing)).toBe(false);
		expect(validate({ ...record, score: { ...record.score, total: '70' } })).toBe(false);
		expect(validate({ ...record, links: { ...record.links, page: 42 } })).toBe(false);
		expect(validate({ ...record, undocumented: true })).toBe(false);
	});
});
