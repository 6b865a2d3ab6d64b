/**
 * Chooses the one operation of a spec that the register may call for its
 * contract check, and everything needed to call it and judge the answer: the URL's parts and
 * the declared response schemas as JSON text (so that the worker hands back a small, cloneable,
 * cycle-free value). Runs in the spec worker on the document as parsed — its references to
 * itself resolved here, so an unchanged spec needs no fetching of its other documents on later
 * nights (a reference to another document stays a reference).
 */
import { dereferenceSpec } from './dereference-spec.ts';
import { withoutHash } from './loaded-documents-options.ts';
import { serializeResponseSchema } from './serialize-response-schema.ts';

export type SchemaDialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

export interface DeclaredResponse {
	/** '200', '2XX' or 'default', as the spec keys it. */
	status: string;
	/** 'application/json', 'application/*'…; lower case, without parameters. */
	mediaType: string;
	/** The schema as JSON text (cycles cut, OpenAPI 3.0 `nullable` rewritten); null when none is declared. */
	schema: string | null;
}

export interface ContractPlan {
	/** 'GET /v2/items/{id}': the spec's own path template. */
	operation: string;
	/** The server named by the spec, resolved against the spec's URL; null when it names none. */
	server: string | null;
	/** The path with its parameters filled in, and the required query parameters. */
	pathAndQuery: string;
	dialect: SchemaDialect;
	responses: DeclaredResponse[];
}

export type ContractPlanResult = { plan: ContractPlan } | { skipped: string };

/** Bytes of response-schema text one plan may carry back from the worker. */
const PLAN_SCHEMA_BYTES = 256 * 1024;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function dialectOf(document: Node): SchemaDialect | null {
	if (document.swagger === '2.0') return 'swagger-2.0';
	if (typeof document.openapi === 'string') {
		if (document.openapi.startsWith('3.0')) return 'openapi-3.0';
		if (document.openapi.startsWith('3.1')) return 'openapi-3.1';
	}
	return null;
}

type Scalar = string | number | boolean;

function scalarOf(value: unknown): string | undefined {
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}
	if (Array.isArray(value) && value.length > 0 && value.every((v) => scalarOf(v) !== undefined)) {
		return (value as Scalar[]).map(String).join(',');
	}
	return undefined;
}

/** The first value the spec gives for a parameter: example, examples, default, enum — in that order. */
function exampleValue(parameter: Node): string | undefined {
	const schema = isNode(parameter.schema) ? parameter.schema : {};
	const namedExamples = isNode(parameter.examples)
		? Object.values(parameter.examples).map((e) => (isNode(e) ? e.value : undefined))
		: [];
	const candidates: unknown[] = [
		parameter.example,
		parameter['x-example'],
		...namedExamples,
		schema.example,
		Array.isArray(schema.examples) ? schema.examples[0] : undefined,
		parameter.default,
		schema.default,
		Array.isArray(parameter.enum) ? parameter.enum[0] : undefined,
		Array.isArray(schema.enum) ? schema.enum[0] : undefined,
	];
	for (const candidate of candidates) {
		const value = scalarOf(candidate);
		if (value !== undefined) return value;
	}
	return undefined;
}

/** Path-level parameters, overridden by the operation's own of the same name and place. */
function parametersOf(pathItem: Node, operation: Node): Node[] | string {
	const byKey = new Map<string, Node>();
	for (const list of [pathItem.parameters, operation.parameters]) {
		if (!Array.isArray(list)) continue;
		for (const p of list) {
			// A reference left unresolved (another document, or dangling) may be a required parameter.
			if (isNode(p) && typeof p.$ref === 'string') return 'a parameter cannot be read';
			if (isNode(p) && typeof p.name === 'string' && typeof p.in === 'string') {
				byKey.set(`${p.in}:${p.name}`, p);
			}
		}
	}
	return [...byKey.values()];
}

/** The operation needs credentials: a security requirement with no anonymous (`{}`) alternative. */
function needsCredentials(document: Node, operation: Node): boolean {
	const security = operation.security ?? document.security;
	if (!Array.isArray(security) || security.length === 0) return false;
	return !security.some(
		(requirement) => isNode(requirement) && Object.keys(requirement).length === 0,
	);
}

interface Candidate {
	path: string;
	pathItem: Node;
	operation: Node;
	filled: { name: string; in: 'path' | 'query'; value: string }[];
}

/** Why a GET operation cannot be called safely, or the values to call it with. */
function fillParameters(path: string, parameters: Node[]): Candidate['filled'] | string {
	const filled: Candidate['filled'] = [];
	for (const p of parameters) {
		const place = p.in as string;
		const required = p.required === true || place === 'path';
		if (!required) continue;
		if (place !== 'path' && place !== 'query') return `needs a ${place} parameter`;
		const value = exampleValue(p);
		if (value === undefined) return `its parameter ${String(p.name)} has no example`;
		filled.push({ name: p.name as string, in: place, value });
	}
	const declared = new Set(filled.filter((f) => f.in === 'path').map((f) => f.name));
	for (const match of path.matchAll(/\{([^}]+)\}/g)) {
		if (!declared.has(match[1] as string)) return `its path parameter ${match[1]} is not declared`;
	}
	return filled;
}

function candidatesOf(document: Node): { candidates: Candidate[]; gets: number } {
	const candidates: Candidate[] = [];
	let gets = 0;
	const paths = isNode(document.paths) ? document.paths : {};
	for (const [path, pathItem] of Object.entries(paths)) {
		if (!path.startsWith('/') || !isNode(pathItem) || !isNode(pathItem.get)) continue;
		gets += 1;
		const operation = pathItem.get;
		if (needsCredentials(document, operation)) continue;
		const parameters = parametersOf(pathItem, operation);
		if (typeof parameters === 'string') continue;
		const filled = fillParameters(path, parameters);
		if (typeof filled === 'string') continue;
		candidates.push({ path, pathItem, operation, filled });
	}
	// A stable order, so the same operation is called night after night: current before
	// deprecated, fewest required parameters, then the path.
	candidates.sort(
		(a, b) =>
			Number(a.operation.deprecated === true) - Number(b.operation.deprecated === true) ||
			a.filled.length - b.filled.length ||
			(a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
	);
	return { candidates, gets };
}

function withVariables(server: Node): string | undefined {
	if (typeof server.url !== 'string') return undefined;
	const variables = isNode(server.variables) ? server.variables : {};
	const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
		const variable = variables[name];
		if (!isNode(variable)) return whole;
		return (
			scalarOf(variable.default) ??
			scalarOf(Array.isArray(variable.enum) ? variable.enum[0] : undefined) ??
			whole
		);
	});
	return url.includes('{') ? undefined : url;
}

function absoluteHttpUrl(url: string, base: string): string | undefined {
	try {
		const resolved = new URL(url, base);
		return resolved.protocol === 'http:' || resolved.protocol === 'https:'
			? resolved.href
			: undefined;
	} catch {
		return undefined;
	}
}

/** The server the spec names for an operation, resolved against the spec's URL; null when it names none. */
function serverOf(
	document: Node,
	pathItem: Node,
	operation: Node,
	specUrl: string,
): string | null | { refused: string } {
	if (document.swagger === '2.0') {
		if (typeof document.host !== 'string' && typeof document.basePath !== 'string') return null;
		const spec = new URL(specUrl);
		const schemes = Array.isArray(document.schemes) ? document.schemes.map(String) : [];
		const scheme = schemes.includes('https')
			? 'https'
			: schemes.includes('http')
				? 'http'
				: schemes.length > 0
					? undefined
					: spec.protocol.slice(0, -1);
		if (scheme === undefined) return { refused: 'the spec names no http or https scheme' };
		const host = typeof document.host === 'string' ? document.host : spec.host;
		const basePath = typeof document.basePath === 'string' ? document.basePath : '/';
		return (
			absoluteHttpUrl(
				`${scheme}://${host}${basePath.startsWith('/') ? '' : '/'}${basePath}`,
				specUrl,
			) ?? { refused: "the spec's host is not a URL" }
		);
	}
	const lists = [operation.servers, pathItem.servers, document.servers];
	const servers = lists.find((list) => Array.isArray(list) && list.length > 0) as
		| unknown[]
		| undefined;
	if (!servers) return null;
	for (const server of servers) {
		if (!isNode(server)) continue;
		const url = withVariables(server);
		const absolute = url === undefined ? undefined : absoluteHttpUrl(url, specUrl);
		if (absolute) return absolute;
	}
	return { refused: "none of the spec's servers is an http(s) URL" };
}

function mediaTypesOf(document: Node, operation: Node): string[] {
	const produces = Array.isArray(operation.produces)
		? operation.produces
		: Array.isArray(document.produces)
			? document.produces
			: ['application/json'];
	return produces.filter((m): m is string => typeof m === 'string');
}

function responsesOf(
	document: Node,
	operation: Node,
	dialect: SchemaDialect,
): DeclaredResponse[] | string {
	const responses = isNode(operation.responses) ? operation.responses : {};
	const declared: DeclaredResponse[] = [];
	let bytes = 0;
	for (const [status, response] of Object.entries(responses)) {
		if (!isNode(response)) continue;
		const perMedia: [string, unknown][] =
			dialect === 'swagger-2.0'
				? mediaTypesOf(document, operation).map((m) => [m, response.schema])
				: Object.entries(isNode(response.content) ? response.content : {}).map(([m, media]) => [
						m,
						isNode(media) ? media.schema : undefined,
					]);
		if (perMedia.length === 0) declared.push({ status, mediaType: '*/*', schema: null });
		for (const [mediaType, schema] of perMedia) {
			const text =
				schema === undefined
					? null
					: serializeResponseSchema(schema, dialect, PLAN_SCHEMA_BYTES - bytes);
			if (text === undefined)
				return `its response schema is larger than ${PLAN_SCHEMA_BYTES / 1024} KB`;
			bytes += text?.length ?? 0;
			declared.push({
				status,
				mediaType: mediaType.split(';')[0]?.trim().toLowerCase() ?? mediaType,
				schema: text,
			});
		}
	}
	return declared;
}

/**
 * The operation to call: a GET needing no credentials whose required parameters (path and query
 * only) all have a value in the spec; the same one every night.
 */
export async function planContract(
	document: unknown,
	specUrl: string,
): Promise<ContractPlanResult> {
	try {
		const url = withoutHash(specUrl);
		const resolved = await dereferenceSpec(
			url,
			{ documents: new Map([[url, { url, base: specUrl, document }]]), failures: new Map() },
			{ mappings: false },
		);
		return choosePlan(resolved.document, specUrl);
	} catch (error) {
		// Whatever an odd document makes this throw must not cost the record its spec capture.
		const message = error instanceof Error ? error.message : String(error);
		return { skipped: `the operation could not be chosen: ${message.slice(0, 200)}` };
	}
}

function choosePlan(document: unknown, specUrl: string): ContractPlanResult {
	if (!isNode(document)) return { skipped: 'the spec could not be read' };
	const dialect = dialectOf(document);
	if (!dialect) return { skipped: 'not an OpenAPI 3 or Swagger 2.0 document' };
	const { candidates, gets } = candidatesOf(document);
	const chosen = candidates[0];
	if (!chosen) {
		return {
			skipped:
				gets === 0
					? 'no safe operation: the spec has no GET operation'
					: `no safe operation: each of its ${gets} GET operation(s) needs credentials or a parameter without an example`,
		};
	}
	const server = serverOf(document, chosen.pathItem, chosen.operation, specUrl);
	const operation = `GET ${chosen.path}`;
	if (server !== null && typeof server === 'object')
		return { skipped: `${operation}: ${server.refused}` };
	const responses = responsesOf(document, chosen.operation, dialect);
	if (typeof responses === 'string') return { skipped: `${operation}: ${responses}` };
	let path = chosen.path;
	const query = new URLSearchParams();
	for (const p of chosen.filled) {
		if (p.in === 'path') path = path.replaceAll(`{${p.name}}`, encodeURIComponent(p.value));
		else query.append(p.name, p.value);
	}
	const search = query.toString();
	return {
		plan: {
			operation,
			server,
			pathAndQuery: search ? `${path}?${search}` : path,
			dialect,
			responses,
		},
	};
}
