import { z } from 'zod';

/** What a contract check may hold in a snapshot; every string is cut to its cap ('…'). */
export const CONTRACT_LIMITS = {
	/** Characters of the operation label, the URL called and the content type. */
	textChars: 300,
	/** Violations kept: the first ones say what matters. */
	violations: 10,
	/** Characters of a violation's path and of its message. */
	pathChars: 200,
	messageChars: 300,
	/** Characters of the note and of a skip reason. */
	noteChars: 300,
} as const;

export const ContractViolationSchema = z.object({
	/** Where in the answer, as a JSON pointer ('/items/0/id'; '' is the whole answer). */
	path: z.string(),
	/** What is wrong there: 'must have required property "id"'. */
	message: z.string(),
});
export type ContractViolation = z.output<typeof ContractViolationSchema>;

/**
 * One real request per night to a safe operation of an open API (a GET whose required
 * parameters all have example, default or enum values in its spec), its answer checked against
 * the response schema the spec declares for that status and media type.
 */
export const ContractCheckSchema = z.object({
	/** Method and path template from the spec: 'GET /v2/items/{id}'; null when skipped before choosing. */
	operation: z.string().nullable(),
	/** The URL called; null when no call was made. */
	url: z.string().nullable(),
	/** HTTP status of the answer, null when none came. */
	status: z.number().int().nullable(),
	/** Milliseconds until the answer (or the failure). */
	ms: z.number().int().nonnegative().nullable(),
	/** Media type of the answer, without parameters. */
	contentType: z.string().nullable(),
	/** Bytes of the answer read (decompressed, up to the cap). */
	bytes: z.number().int().nonnegative().nullable(),
	/**
	 * Why no answer came, one of a check's error codes ('timeout', 'refused'…). A plain string
	 * here because snapshot.ts, which defines the codes, imports this file.
	 */
	error: z.string().nullable(),
	/** The call failed — a 5xx, no answer, or something not JSON where JSON is declared: the record is degraded. */
	failed: z.boolean(),
	/** The answer matches its declared schema; null when it could not be judged (skipped, failed, no schema declared). */
	conforms: z.boolean().nullable(),
	/** The first ways in which the answer differs from its schema (at most CONTRACT_LIMITS.violations). */
	violations: z.array(ContractViolationSchema),
	/** How many differences were found in all, listed or not. */
	violationCount: z.number().int().nonnegative(),
	/** Why no call was made: 'the API is not declared open', 'no safe operation'…; null when one was. */
	skipped: z.string().nullable(),
	/** What happened, in a few words, for the record page and the outcome's reason. */
	note: z.string(),
});
export type ContractCheck = z.output<typeof ContractCheckSchema>;
