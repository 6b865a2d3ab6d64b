/**
 * Runs in a worker thread (see capture-spec.ts): one spec at a time, under a heap limit and a
 * deadline enforced by the pool, so a pathological spec can neither stall nor crash the run.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { SNAPSHOT_LIMITS } from '../../../schemas/snapshot.ts';
import { type AddressGateOptions, addressGate } from '../../net/address-policy.ts';
import type { VerifyLimits } from '../constants.ts';
import { FetchError } from '../errors.ts';
import { createHttpClient, type HttpClient } from '../http-client.ts';
import { type ExtractedSchema, extractSchema } from './extract-schema.ts';
import { parseSpecText, shortError } from './parse-spec-text.ts';
import { type ContractPlanResult, planContract } from './plan-contract.ts';
import { validateDocument } from './validate-document.ts';

// The contract check's answer is validated in these workers too, under the same deadline.
export { validateContractAnswer } from '../contract/validate-answer-task.ts';

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
	/** The operation the contract check calls, when the task asked for one. */
	contract?: ContractPlanResult;
}

/** Most external documents one spec may pull in through `$ref`. */
const MAX_EXTERNAL_DOCUMENTS = 50;
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

/**
 * swagger-parser options: no file resolver (a `$ref` to file:///etc/passwd resolves to nothing),
 * no built-in http resolver; external documents come only through our guarded client, capped
 * in count and size. YAML is read with the same reader as the spec itself.
 */
function parserOptions(task: SpecTask) {
	let fetched = 0;
	return {
		resolve: {
			file: false,
			http: false,
			external: true,
			guarded: {
				order: 1,
				canRead: /^https?:\/\//i,
				async read(file: { url: string }) {
					fetched += 1;
					if (fetched > MAX_EXTERNAL_DOCUMENTS) {
						throw new Error(`more than ${MAX_EXTERNAL_DOCUMENTS} external documents referenced`);
					}
					try {
						const result = await httpClient(task).fetch(file.url, {
							method: 'GET',
							maxBytes: task.limits.specBodyBytes,
							accept: 'application/json, application/yaml, text/yaml, */*',
						});
						if (result.status >= 400) throw new Error(`${file.url} answered ${result.status}`);
						if (result.truncated)
							throw new Error(`${file.url} is larger than ${task.limits.specBodyBytes} bytes`);
						return result.body;
					} catch (error) {
						if (error instanceof FetchError)
							throw new Error(`${file.url}: ${error.code} (${error.message})`);
						throw error;
					}
				},
			},
		},
		parse: {
			json: false,
			yaml: false,
			text: false,
			binary: false,
			spec: {
				order: 1,
				allowEmpty: false,
				canParse: true,
				parse: (file: { data: Buffer | string }) => parseSpecText(file.data.toString()),
			},
		},
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
	let document: unknown;
	try {
		document = parseSpecText(task.text);
	} catch (error) {
		return {
			readable: false,
			valid: false,
			errors: [`not JSON or YAML: ${shortError(error)}`],
			schema: null,
		};
	}
	if (document === null || typeof document !== 'object' || Array.isArray(document)) {
		return {
			readable: false,
			valid: false,
			errors: ['the document is not an object'],
			schema: null,
		};
	}
	if (task.planOnly) {
		return {
			readable: true,
			valid: true,
			errors: [],
			schema: null,
			contract: planContract(document, task.url),
		};
	}
	// 1. The document against the official JSON Schema of its version (compiled once per worker).
	const errors = validateDocument(document as Record<string, unknown>);
	// 2. References resolved (guarded http only, cycles kept as object cycles) and swagger-parser's
	//    semantic checks (unique operationIds, path parameters declared…).
	const options = parserOptions(task);
	let dereferenced: unknown;
	try {
		dereferenced = await new SwaggerParser().validate(
			task.url,
			structuredClone(document) as never,
			{
				...options,
				validate: { schema: false, spec: true },
			} as never,
		);
	} catch (error) {
		errors.push(...errorLines(error));
		try {
			dereferenced = await new SwaggerParser().dereference(
				task.url,
				structuredClone(document) as never,
				options as never,
			);
		} catch {
			// Unresolvable references: describe what can be read without following them.
			dereferenced = document;
		}
	}
	return {
		readable: true,
		valid: errors.length === 0,
		// Schema errors quote the document's own keys and values: each cut to one short line.
		errors: [...new Set(errors.map((e) => shortError(e)))].slice(0, MAX_ERRORS),
		schema: extractSchema(dereferenced),
		...(task.planContract ? { contract: planContract(document, task.url) } : {}),
	};
}
