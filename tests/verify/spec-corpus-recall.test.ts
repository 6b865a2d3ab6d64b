import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_DEFAULTS } from '../../src/lib/verify/constants.ts';
import captureSpecInWorker, {
	type SpecTaskResult,
} from '../../src/lib/verify/openapi/spec-worker.ts';
import { serveStatic } from '../helpers/static-server.ts';

/**
 * Field capture measured on real specs (../shared/corpus/openapi beside the repository, never
 * copied into it), served on loopback and captured by the worker as the nightly run does, then
 * compared with an independent reading: swagger-parser's own dereference of the files on disk,
 * and the top-level result fields and parameters listed from it here.
 */
const CORPUS = join(import.meta.dirname, '../../../shared/corpus/openapi');
const present = existsSync(CORPUS);

/** Multi-file specs: the entry document of each folder. */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
	'rvig__brp-personen-multifile': 'openapi.yaml',
	'ign__apicarto-cadastre-swagger2-multifile': 'cadastre.yml',
};

async function corpusFiles(): Promise<string[]> {
	if (!present) return [];
	const files: string[] = [];
	for (const entry of await readdir(CORPUS, { withFileTypes: true })) {
		if (entry.isDirectory()) {
			const main = ENTRY_POINTS[entry.name];
			if (main) files.push(`${entry.name}/${main}`);
		} else if (/\.(json|ya?ml)$/.test(entry.name)) {
			files.push(entry.name);
		}
	}
	return files.sort();
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Property names of an object schema, through allOf / oneOf / anyOf, arrays unwrapped. */
function topLevelNames(schema: unknown, into: Set<string>): void {
	const seen = new Set<unknown>();
	let current = schema;
	while (isRecord(current) && isRecord(current.items) && !isRecord(current.properties)) {
		if (seen.has(current)) return;
		seen.add(current);
		current = current.items;
	}
	const visit = (node: unknown) => {
		if (!isRecord(node) || seen.has(node)) return;
		seen.add(node);
		if (isRecord(node.properties)) for (const name of Object.keys(node.properties)) into.add(name);
		for (const key of ['allOf', 'oneOf', 'anyOf']) {
			const list = node[key];
			if (Array.isArray(list)) for (const member of list) visit(member);
		}
	};
	visit(current);
}

/** Parameters (`in:name`) and top-level result fields of a dereferenced document. */
function referenceOf(document: unknown): { parameters: Set<string>; fields: Set<string> } {
	const parameters = new Set<string>();
	const fields = new Set<string>();
	const groups = isRecord(document) ? [document.paths, document.webhooks] : [];
	for (const group of groups) {
		if (!isRecord(group)) continue;
		for (const item of Object.values(group)) {
			if (!isRecord(item)) continue;
			for (const method of METHODS) {
				const operation = item[method];
				if (!isRecord(operation)) continue;
				for (const list of [item.parameters, operation.parameters]) {
					if (!Array.isArray(list)) continue;
					for (const p of list) {
						if (isRecord(p) && typeof p.name === 'string' && typeof p.in === 'string')
							parameters.add(`${p.in}:${p.name}`);
					}
				}
				const responses = isRecord(operation.responses) ? operation.responses : {};
				for (const [code, response] of Object.entries(responses)) {
					if (!/^2/.test(code) || !isRecord(response)) continue;
					if (isRecord(response.schema)) topLevelNames(response.schema, fields);
					if (isRecord(response.content)) {
						for (const media of Object.values(response.content)) {
							if (isRecord(media)) topLevelNames(media.schema, fields);
						}
					}
				}
			}
		}
	}
	return { parameters, fields };
}

/** swagger-parser's dereference, or (for the set whose pointers it refuses) its plain parse. */
async function independentReading(path: string): Promise<{ document: unknown; how: string }> {
	try {
		const document = await SwaggerParser.dereference(path, {
			dereference: { circular: true },
			resolve: { http: false },
		});
		return { document, how: 'dereference' };
	} catch {
		return { document: await SwaggerParser.parse(path), how: 'parse only' };
	}
}

function recall(expected: Set<string>, captured: Set<string>): number {
	if (expected.size === 0) return 1;
	let found = 0;
	for (const name of expected) if (captured.has(name)) found++;
	return found / expected.size;
}

interface Row {
	file: string;
	how: string;
	parameters: string;
	fields: string;
}

const files = await corpusFiles();
const rows: Row[] = [];
let server: { url: string; close: () => Promise<void> } | undefined;

describe.skipIf(!present)('schema capture on the real specs of the corpus', () => {
	beforeAll(async () => {
		server = await serveStatic(CORPUS);
	});

	afterAll(async () => {
		await server?.close();
		// The per-file figures, for the record of what the capture achieves.
		console.log(
			rows
				.map(
					(r) =>
						`${r.file.padEnd(58)} ${r.how.padEnd(12)} params ${r.parameters.padEnd(14)} fields ${r.fields}`,
				)
				.join('\n'),
		);
	});

	it.each(files)(
		'captures every parameter and top-level result field of %s (the issue asks 98 and 95 percent; all are captured, and a loss fails)',
		async (file) => {
			const url = `${server?.url}/${file}`;
			const result: SpecTaskResult = await captureSpecInWorker({
				url,
				text: await readFile(join(CORPUS, file), 'utf8'),
				gate: { allowPrivate: false, allowAddresses: ['127.0.0.1'] },
				limits: VERIFY_DEFAULTS,
			});
			const { document, how } = await independentReading(join(CORPUS, file));
			const expected = referenceOf(document);
			const schema = result.schema;
			const capturedParameters = new Set([
				...(schema?.parameters ?? []).map((p) => `${p.in}:${p.name}`),
				...(schema?.names?.parameters ?? []),
			]);
			const capturedFields = new Set([
				...(schema?.fields ?? []).map((f) => f.name),
				...(schema?.names?.fields ?? []),
			]);
			const parameterRecall = recall(expected.parameters, capturedParameters);
			const fieldRecall = recall(expected.fields, capturedFields);
			const found = (e: Set<string>, c: Set<string>) =>
				`${[...e].filter((n) => c.has(n)).length}/${e.size}`;
			rows.push({
				file,
				how,
				parameters: found(expected.parameters, capturedParameters),
				fields: found(expected.fields, capturedFields),
			});
			expect(result.readable).toBe(true);
			expect(parameterRecall).toBe(1);
			expect(fieldRecall).toBe(1);
			// A multi-file set gives a capture, never zero fields.
			if (file.includes('multifile/')) expect(capturedFields.size).toBeGreaterThan(0);
		},
		60_000,
	);

	it('reads the multi-file personen spec as the same fields as its bundled equivalent', async () => {
		const read = async (file: string) =>
			captureSpecInWorker({
				url: `${server?.url}/${file}`,
				text: await readFile(join(CORPUS, file), 'utf8'),
				gate: { allowPrivate: false, allowAddresses: ['127.0.0.1'] },
				limits: VERIFY_DEFAULTS,
			});
		const multi = await read('rvig__brp-personen-multifile/openapi.yaml');
		const bundled = await read('rvig__brp-personen-resolved.json');
		expect(multi.documents).toBeGreaterThan(1);
		expect(multi.unresolved).toEqual([]);
		expect(new Set(multi.schema?.names.fields)).toEqual(new Set(bundled.schema?.names.fields));
	}, 60_000);
});
