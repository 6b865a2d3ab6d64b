import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CONTRACT_LIMITS, type ContractViolation } from '../../../schemas/contract.ts';
import { clipText } from '../../state/cap-snapshot.ts';
import type { SchemaDialect } from '../openapi/plan-contract.ts';

/**
 * OpenAPI 3.0 and Swagger 2.0 schemas are JSON Schema draft 4 with additions (`nullable`, which
 * the plan has already rewritten) and omissions; OpenAPI 3.1 schemas are JSON Schema 2020-12.
 * Keywords a validator does not know (`discriminator`, `xml`, `example`…) and formats it does
 * not know are ignored, not errors: we judge the answer, not the spec.
 */
const OPTIONS = { allErrors: true, strict: false, logger: false, validateFormats: true } as const;

const validators = new Map<'draft-04' | '2020-12', Ajv>();

function validatorFor(dialect: SchemaDialect): Ajv {
	const draft = dialect === 'openapi-3.1' ? '2020-12' : 'draft-04';
	let ajv = validators.get(draft);
	if (!ajv) {
		ajv = draft === '2020-12' ? new Ajv2020(OPTIONS) : (new AjvDraft04(OPTIONS) as unknown as Ajv);
		addFormats(ajv as never);
		validators.set(draft, ajv);
	}
	return ajv;
}

/** Where the error is, as a JSON pointer, the missing or unexpected property included. */
function pathOf(error: ErrorObject): string {
	const params = error.params as { missingProperty?: string; additionalProperty?: string };
	const property = params.missingProperty ?? params.additionalProperty;
	return property === undefined ? error.instancePath : `${error.instancePath}/${property}`;
}

/** Errors that only restate others ("must match a schema in anyOf", the null branch of a nullable). */
function isEcho(error: ErrorObject): boolean {
	if (error.keyword === 'anyOf' || error.keyword === 'oneOf') return true;
	return error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null';
}

export type AnswerVerdict =
	| { conforms: boolean; violations: ContractViolation[]; violationCount: number }
	| { unusable: string };

/** The answer against its declared schema: conforms, or the first violations (path + message). */
export function validateAnswer(
	schemaText: string,
	dialect: SchemaDialect,
	answer: unknown,
): AnswerVerdict {
	const ajv = validatorFor(dialect);
	const schema = JSON.parse(schemaText) as object;
	let valid: boolean;
	let errors: ErrorObject[];
	try {
		const validate = ajv.compile(schema);
		valid = validate(answer) as boolean;
		errors = validate.errors ?? [];
	} catch (error) {
		return {
			unusable: `the response schema cannot be used: ${error instanceof Error ? error.message : String(error)}`,
		};
	} finally {
		// The validator caches every schema it compiles; one per record would grow all night.
		ajv.removeSchema(schema);
	}
	if (valid) return { conforms: true, violations: [], violationCount: 0 };
	const meaningful = errors.filter((e) => !isEcho(e));
	const seen = new Set<string>();
	const violations: ContractViolation[] = [];
	const listed = meaningful.length > 0 ? meaningful : errors;
	for (const error of listed) {
		const path = clipText(pathOf(error), CONTRACT_LIMITS.pathChars);
		const message = clipText(error.message ?? 'is invalid', CONTRACT_LIMITS.messageChars);
		const key = `${path} ${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		if (violations.length < CONTRACT_LIMITS.violations) violations.push({ path, message });
	}
	return { conforms: false, violations, violationCount: seen.size };
}
