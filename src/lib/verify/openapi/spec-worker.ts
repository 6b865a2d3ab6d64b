/**
 * Runs in a worker thread (see capture-spec.ts): one spec at a time, under a heap limit and a
 * deadline enforced by the pool, so a pathological spec can neither stall nor crash the run.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { SNAPSHOT_LIMITS, type SpecParser } from '../../../schemas/snapshot.ts';
import { type AddressGateOptions, addressGate } from '../../net/address-policy.ts';
import type { VerifyLimits } from '../constants.ts';
import { FetchError } from '../errors.ts';
import { createHttpClient, type HttpClient } from '../http-client.ts';
import { dereferenceSpec } from './dereference-spec.ts';
import { type ExtractedSchema, extractSchema } from './extract-schema.ts';
import { loadedDocumentsOptions, withoutHash } from './loaded-documents-options.ts';
import { parseSpecText, type ReadSpec, readSpecText, shortError } from './parse-spec-text.ts';
import { type ContractPlanResult, planContract } from './plan-contract.ts';
import { type LoadedDocuments, loadSpecDocuments } from './spec-documents.ts';
import { validateDocument } from './validate-document.ts';

// The contract check's answer is validated, and workbooks read, in these workers too, under
// the same deadline and heap limit.
export { validateContractAnswer } from '../contract/validate-answer-task.ts';
export { readWorkbook } from '../files/read-xlsx-task.ts';

export interface SpecTask {
	url: string;
	text: string;
	gate: AddressGateOptions;
	ca?: string[];
	limits: VerifyLimits;
	/** Also choose the operation for the contract check (open APIs only). */
	planContract?: boolean;
	/** Only that: the spec is unchanged since its capture, which is kept. */
	planOnly?: boolean;
}

export interface SpecTaskResult {
	/** The document could be read (JSON or YAML) and is an object. */
	readable: boolean;
	valid: boolean;
	errors: string[];
	schema: ExtractedSchema | null;
	/** Which reader read the spec text. */
	parser?: SpecParser;
	/** Documents read: the spec and the external documents its `$ref`s named. */
	documents?: number;
	/** References left unresolved, with the reason (the first SNAPSHOT_LIMITS.unresolved). */
	unresolved?: string[];
	unresolvedTotal?: number;
	/** The operation the contract check calls, when the task asked for one. */
	contract?: ContractPlanResult;
}

const MAX_ERRORS = SNAPSHOT_LIMITS.errors;

let client: HttpClient | undefined;
let clientKey = '';

function httpClient(task: SpecTask): HttpClient {
	const key = JSON.stringify([task.gate, task.ca?.length ?? 0]);
	if (!client || key !== clientKey) {
		client = createHttpClient({
			limits: task.limits,
			mayConnect: addressGate(task.gate),
			...(task.ca ? { ca: task.ca } : {}),
		});
		clientKey = key;
	}
	return client;
}

/** One external document through the verifier's guarded client: same address rules, capped size. */
async function fetchDocument(task: SpecTask, url: string, maxBytes: number, signal: AbortSignal) {
	try {
		const result = await httpClient(task).fetch(url, {
			method: 'GET',
			maxBytes,
			signal,
			accept: 'application/json, application/yaml, text/yaml, */*',
		});
		if (result.status >= 400) throw new Error(`${url} answered ${result.status}`);
		if (result.truncated) throw new Error(`${url} is larger than ${maxBytes} bytes`);
		return { body: result.body, finalUrl: result.finalUrl };
	} catch (error) {
		if (error instanceof FetchError) throw new Error(`${url}: ${error.code} (${error.message})`);
		throw error;
	}
}

/**
 * swagger-parser options for its semantic checks: it reads only the documents already loaded,
 * each parsed afresh from its text with the same reader as the spec (it resolves in place).
 */
function parserOptions(task: SpecTask, loaded: LoadedDocuments) {
	return {
		...loadedDocumentsOptions(
			(url, file) => {
				const document = loaded.documents.get(url);
				if (document) return document.text;
				throw new Error(
					`${file.url}: ${loaded.failures.get(url) ?? 'not read (only http and https documents are read)'}`,
				);
			},
			(text: Buffer | string) => parseSpecText(text.toString()),
		),
		dereference: { circular: true as const },
		timeoutMs: task.limits.specTimeoutMs,
	};
}

function errorLines(error: unknown): string[] {
	const message = error instanceof Error ? error.message : String(error);
	const details = (error as { details?: { message?: string; instancePath?: string }[] })?.details;
	const lines = [shortError(message)];
	if (Array.isArray(details)) {
		for (const detail of details.slice(0, MAX_ERRORS - 1)) {
			lines.push(shortError(`${detail.instancePath ?? ''} ${detail.message ?? ''}`.trim()));
		}
	} else {
		for (const line of message.split('\n').slice(1)) {
			if (line.trim() && lines.length < MAX_ERRORS) lines.push(shortError(line));
		}
	}
	return lines;
}

export default async function captureSpecInWorker(task: SpecTask): Promise<SpecTaskResult> {
	let read: ReadSpec;
	try {
		read = readSpecText(task.text);
	} catch (error) {
		return {
			readable: false,
			valid: false,
			errors: [`not JSON or YAML: ${shortError(error)}`],
			schema: null,
		};
	}
	const { document, parser } = read;
	if (document === null || typeof document !== 'object' || Array.isArray(document)) {
		return {
			readable: false,
			valid: false,
			errors: ['the document is not an object'],
			schema: null,
			parser,
		};
	}
	if (task.planOnly) {
		return {
			readable: true,
			valid: true,
			errors: [],
			schema: null,
			contract: await planContract(document, task.url),
		};
	}
	// The plan from the document as parsed, as on the nights it is made alone (planOnly), and
	// on a copy: step 4 resolves the document in place (its mappings, its other documents).
	const contract = task.planContract
		? await planContract(structuredClone(document), task.url)
		: undefined;
	// 1. The document against the official JSON Schema of its version (compiled once per worker).
	const errors = validateDocument(document as Record<string, unknown>);
	// 2. The documents its external `$ref`s name, through the guarded client.
	const url = withoutHash(task.url);
	const loaded = await loadSpecDocuments(
		{ url, base: task.url, document, text: task.text, parser },
		{
			fetchDocument: (address, maxBytes, signal) => fetchDocument(task, address, maxBytes, signal),
			// The spec and its documents together: the worker's heap must hold them all, parsed.
			totalBytes: task.limits.specBodyBytes,
			// As many at once to a host as the verifier's probes; the client holds it to that too.
			perHost: task.limits.perHostConcurrency,
			// Half the spec's deadline for its documents, the rest to validate and describe them.
			timeBudgetMs: task.limits.specTimeoutMs / 2,
		},
	);
	// 3. swagger-parser's semantic checks (unique operationIds, path parameters declared…) on
	//    the documents loaded; a reference it cannot resolve is an error here, not the end.
	try {
		await new SwaggerParser().validate(
			url,
			structuredClone(document) as never,
			{
				...parserOptions(task, loaded),
				validate: { schema: false, spec: true },
			} as never,
		);
	} catch (error) {
		errors.push(...errorLines(error));
	}
	// 4. Everything that resolves, resolved; what does not is listed, and the rest described.
	const dereferenced = await dereferenceSpec(url, loaded);
	return {
		readable: true,
		valid: errors.length === 0 && dereferenced.unresolved.length === 0,
		// Schema errors quote the document's own keys and values: each cut to one short line.
		errors: [...new Set(errors.map((e) => shortError(e)))].slice(0, MAX_ERRORS),
		schema: extractSchema(dereferenced.document),
		parser,
		documents: loaded.documents.size,
		unresolved: dereferenced.unresolved
			.slice(0, SNAPSHOT_LIMITS.unresolved)
			.map((ref) => shortError(ref)),
		unresolvedTotal: dereferenced.unresolved.length,
		...(contract ? { contract } : {}),
	};
}
