import type { SpecParser } from '../../../schemas/snapshot.ts';
import { readSpecText, shortError } from './parse-spec-text.ts';

/**
 * Loads the documents a multi-file spec is made of: the spec, then every document its `$ref`s
 * name, relative or absolute, and theirs in turn — read through the caller's fetch (the
 * verifier's guarded client, so the same address rules hold), http and https only, never
 * `file:`. Bounded in documents, in bytes altogether, in requests at once and per host. A
 * document that cannot be loaded is noted with the reason, and the others are still read: the
 * capture describes what resolved (see dereference-spec.ts).
 */

/** Caps of one spec's documents, the spec itself included. */
const SPEC_DOCUMENT_LIMITS = {
	/** Government specs split per schema reach ~100 files; 1,000 leaves room without being open-ended. */
	documents: 1_000,
	/** Requests in flight for one spec at once, and to one host at once. */
	concurrency: 8,
	perHost: 4,
} as const;

export interface SpecDocument {
	/** The address it was asked for, without fragment: what `$ref`s resolve to. */
	url: string;
	/** Where it was read from after redirects: the base its own relative `$ref`s resolve against. */
	base: string;
	document: unknown;
	text: string;
	parser: SpecParser;
}

export interface LoadedDocuments {
	/** By `url`, the spec first. */
	documents: Map<string, SpecDocument>;
	/** Documents named by a `$ref` that could not be loaded, with the reason. */
	failures: Map<string, string>;
	/** Bytes of all documents read. */
	bytes: number;
}

/**
 * Reads one external document (at most `maxBytes`), giving up when `signal` aborts; throws an
 * Error saying why it could not.
 */
export type FetchDocument = (
	url: string,
	maxBytes: number,
	signal: AbortSignal,
) => Promise<{ body: Buffer; finalUrl: string }>;

export interface LoadOptions {
	fetchDocument: FetchDocument;
	/** Bytes of all documents together, the spec's own included. */
	totalBytes: number;
	documents?: number;
	concurrency?: number;
	perHost?: number;
	/**
	 * Time for all the documents: what is not read by then is noted and left out, so that a slow
	 * host makes a partial capture instead of taking the whole spec past its deadline.
	 */
	timeBudgetMs?: number;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null;
}

/**
 * Keys whose values are data, not description (`example`, vendor extensions): a `$ref` in them is
 * not followed. Under `properties` the same keys are property names and are followed.
 */
export function isDataKey(key: string, parentKey: string | undefined): boolean {
	if (parentKey === 'properties' || parentKey === 'patternProperties') return false;
	return key === 'example' || key === 'examples' || key.startsWith('x-');
}

/** The `$ref` strings of a document (each object visited once, however it is shared). */
function refsOf(document: unknown): string[] {
	const refs = new Set<string>();
	const seen = new Set<object>();
	const stack: [unknown, string | undefined][] = [[document, undefined]];
	while (stack.length > 0) {
		const [node, parentKey] = stack.pop() as [unknown, string | undefined];
		if (!isRecord(node) || seen.has(node)) continue;
		seen.add(node);
		// Pushed last to first, so that references come out in the order the document gives them.
		if (Array.isArray(node)) {
			for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], parentKey]);
			continue;
		}
		if (typeof node.$ref === 'string') refs.add(node.$ref);
		const entries = Object.entries(node);
		for (let i = entries.length - 1; i >= 0; i--) {
			const [key, value] = entries[i] as [string, unknown];
			if (isRecord(value) && !isDataKey(key, parentKey)) stack.push([value, key]);
		}
	}
	return [...refs];
}

/** The absolute address of the document a `$ref` names (no fragment), or why there is none. */
export function documentOf(ref: string, base: string): { url: string } | { error: string } {
	let target: URL;
	try {
		target = new URL(ref, base);
	} catch {
		return { error: 'not a valid address' };
	}
	target.hash = '';
	if (target.protocol !== 'http:' && target.protocol !== 'https:') {
		return { error: `${target.protocol} documents are never read, only http and https` };
	}
	return { url: target.href };
}

export function loadSpecDocuments(
	root: SpecDocument,
	options: LoadOptions,
): Promise<LoadedDocuments> {
	const maxDocuments = options.documents ?? SPEC_DOCUMENT_LIMITS.documents;
	const concurrency = options.concurrency ?? SPEC_DOCUMENT_LIMITS.concurrency;
	const perHost = options.perHost ?? SPEC_DOCUMENT_LIMITS.perHost;
	const documents = new Map<string, SpecDocument>([[root.url, root]]);
	const failures = new Map<string, string>();
	/** Every document address met so far, loaded or not: each is fetched once. */
	const known = new Set<string>([root.url]);
	const pending: string[] = [];
	const activeByHost = new Map<string, number>();
	let active = 0;
	let bytes = Buffer.byteLength(root.text);
	const controller = new AbortController();
	let timedOut = false;
	const lateReason = () =>
		`not read: the spec's documents took longer than ${(options.timeBudgetMs ?? 0) / 1000} s`;

	const discover = (from: SpecDocument) => {
		for (const ref of refsOf(from.document)) {
			if (ref.startsWith('#')) continue;
			const target = documentOf(ref, from.base);
			if ('error' in target) continue; // Reported with the reference itself when it is dereferenced.
			if (known.has(target.url)) continue;
			known.add(target.url);
			if (known.size > maxDocuments) {
				failures.set(
					target.url,
					`not read: the spec references more than ${maxDocuments} documents`,
				);
			} else {
				pending.push(target.url);
			}
		}
	};

	const load = async (url: string): Promise<void> => {
		const remaining = options.totalBytes - bytes;
		if (remaining <= 0) {
			failures.set(
				url,
				`not read: the spec's documents together exceed ${options.totalBytes} bytes`,
			);
			return;
		}
		try {
			const { body, finalUrl } = await options.fetchDocument(url, remaining, controller.signal);
			bytes += body.length;
			if (bytes > options.totalBytes) {
				failures.set(
					url,
					`not read: the spec's documents together exceed ${options.totalBytes} bytes`,
				);
				return;
			}
			const text = body.toString('utf8');
			const read = readSpecText(text);
			const loaded: SpecDocument = { url, base: finalUrl, text, ...read };
			documents.set(url, loaded);
			discover(loaded);
		} catch (error) {
			failures.set(url, timedOut ? lateReason() : shortError(error));
		}
	};

	discover(root);
	return new Promise((resolve) => {
		const timer =
			options.timeBudgetMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						controller.abort();
					}, options.timeBudgetMs);
		const pump = () => {
			if (timedOut) for (const url of pending.splice(0)) failures.set(url, lateReason());
			for (let i = 0; i < pending.length && active < concurrency; ) {
				const url = pending[i] as string;
				const host = new URL(url).host;
				const onHost = activeByHost.get(host) ?? 0;
				if (onHost >= perHost) {
					i++;
					continue;
				}
				pending.splice(i, 1);
				active++;
				activeByHost.set(host, onHost + 1);
				void load(url).finally(() => {
					active--;
					activeByHost.set(host, (activeByHost.get(host) ?? 1) - 1);
					pump();
				});
			}
			if (active === 0 && pending.length === 0) {
				clearTimeout(timer);
				resolve({ documents, failures, bytes });
			}
		};
		pump();
	});
}
