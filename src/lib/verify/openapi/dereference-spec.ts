import $RefParser, {
	InvalidPointerError,
	type JSONParserError,
	JSONParserErrorGroup,
	MissingPointerError,
	ResolverError,
} from '@apidevtools/json-schema-ref-parser';
import { loadedDocumentsOptions, withoutHash } from './loaded-documents-options.ts';
import { shortError } from './parse-spec-text.ts';
import { documentOf, isDataKey, type SpecDocument } from './spec-documents.ts';

/**
 * Replaces the `$ref`s of a loaded spec by what they point to, in place, across its documents,
 * with json-schema-ref-parser (swagger-parser's own resolver, `circular: true`: a reference
 * cycle becomes an object cycle) in its `continueOnError` mode, so that one reference it cannot
 * resolve does not cost the rest: such a `$ref` is left as it is and listed with the reason.
 * That is what lets a spec with one dangling reference, or one remote document that failed,
 * still be described. The library reads only the documents already loaded (spec-documents.ts,
 * through the guarded client): it never fetches nor reads a file itself.
 *
 * Around the library, a pre-pass over the documents does what it does not: pointers are read
 * leniently (`#definitions/Geometry`, missing the `/`, as `#/definitions/Geometry`, as the
 * author meant), a document read after a redirect resolves its relative references against
 * where it was read, and a discriminator's mapping is followed (see `prepare`).
 */

export interface DereferencedSpec {
	document: unknown;
	/** Distinct unresolved references, `ref (reason)`, in the order met. */
	unresolved: string[];
}

/** What the documents were loaded as: by address, and the reason each failed one failed. */
export interface SpecDocuments {
	documents: Map<string, Pick<SpecDocument, 'url' | 'base' | 'document'>>;
	failures: Map<string, string>;
}

export interface DereferenceOptions {
	/** Put the subtypes a discriminator's mapping names in place (default true). */
	mappings?: boolean;
}

type Json = Record<string, unknown>;

const MAX_DEPTH = 2_000;

/** Where a `$ref` stood before the library replaced it (by `null` when it could not). */
interface RefSite {
	/** The document it stands in. */
	doc: string;
	container: Json | unknown[];
	key: string | number;
	node: Json;
	/** The reference as the spec wrote it. */
	ref: string;
	/** A discriminator mapping's entry: best effort, never listed, restored as text. */
	mapping?: string;
}

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null;
}

function escapeToken(token: string | number): string {
	return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `#frag` without its leading `/` is read as `#/frag`; a base other than its address, applied. */
function normalisedRef(ref: string, doc: Pick<SpecDocument, 'url' | 'base'>): string {
	const hash = ref.indexOf('#');
	let address = hash === -1 ? ref : ref.slice(0, hash);
	let fragment = hash === -1 ? '' : ref.slice(hash + 1);
	if (fragment !== '' && !fragment.startsWith('/')) fragment = `/${fragment}`;
	if (address !== '' && doc.base !== doc.url) {
		const target = documentOf(address, doc.base);
		if ('url' in target) address = target.url;
	}
	return hash === -1 && fragment === '' ? address : `${address}#${fragment}`;
}

/**
 * Walks a document once (each object once, however shared), notes where each `$ref` stands,
 * keyed by the JSON pointer the library reports errors with, and normalises it; a mapping's
 * entries become references the library follows like any other.
 */
function prepare(
	doc: Pick<SpecDocument, 'url' | 'base' | 'document'>,
	sites: Map<string, RefSite[]>,
	originals: WeakMap<object, string>,
	mappings: boolean,
) {
	const seen = new Set<object>();
	const stack: [unknown, string, string | undefined][] = [[doc.document, '', undefined]];
	const note = (container: Json | unknown[], key: string | number, pointer: string) => {
		const node = (container as Json)[key as string] as Json & { $ref: string };
		// One reference object may stand in several places (a YAML alias): normalised once.
		let ref = originals.get(node);
		if (ref === undefined) {
			ref = node.$ref;
			originals.set(node, ref);
			node.$ref = normalisedRef(ref, doc);
		}
		const site: RefSite = { doc: doc.url, container, key, node, ref };
		const atPointer = sites.get(pointer);
		if (atPointer) atPointer.push(site);
		else sites.set(pointer, [site]);
		return site;
	};
	while (stack.length > 0) {
		const [node, pointer, parentKey] = stack.pop() as [unknown, string, string | undefined];
		if (!isRecord(node) || seen.has(node)) continue;
		seen.add(node);
		const entries: [string | number, unknown][] = Array.isArray(node)
			? node.map((v, i) => [i, v])
			: Object.entries(node);
		for (const [key, value] of entries) {
			const at = `${pointer}/${escapeToken(key)}`;
			if (typeof key === 'string' && isDataKey(key, parentKey)) continue;
			if (key === 'mapping' && parentKey === 'discriminator' && isRecord(value)) {
				if (!mappings || Array.isArray(value)) continue;
				for (const [name, target] of Object.entries(value)) {
					if (typeof target !== 'string') continue;
					// OpenAPI 3 lets a mapping name a schema by its bare name.
					const ref = /[#/.]/.test(target) ? target : `#/components/schemas/${target}`;
					value[name] = { $ref: ref };
					note(value, name, `${at}/${escapeToken(name)}`).mapping = target;
				}
				continue;
			}
			if (isRecord(value) && !Array.isArray(value) && typeof value.$ref === 'string') {
				note(node, key, at);
			}
			if (isRecord(value)) stack.push([value, at, typeof key === 'string' ? key : parentKey]);
		}
	}
}

/** A data path (`example`, `x-…`) in the pointer the library reports: not ours to resolve. */
function inData(path: readonly (string | number)[]): boolean {
	return path.some(
		(key, i) => typeof key === 'string' && isDataKey(key, path[i - 1] as string | undefined),
	);
}

function unescapeToken(token: string): string {
	return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * The library's test for a path not to dereference, called for every key: only the last key
 * and its parent are read (the walk does not go below a path it was told to leave).
 */
function excludedPath(path: string): boolean {
	const last = path.lastIndexOf('/');
	const key = unescapeToken(path.slice(last + 1));
	if (key !== 'example' && key !== 'examples' && !key.startsWith('x-')) return false;
	const before = path.lastIndexOf('/', last - 1);
	return isDataKey(key, before === -1 ? undefined : unescapeToken(path.slice(before + 1, last)));
}

/**
 * A reference with its own `description` or `summary` beside `$ref` (OpenAPI 3.1, and common in
 * older specs) describes that place: the library merges them in, except where it reuses the
 * target of a reference cycle as it is; there the place gets a copy with its own text on top.
 */
function keepSiblings(site: RefSite) {
	if (site.mapping !== undefined) return;
	const value = (site.container as Json)[site.key as string];
	if (!isRecord(value) || Array.isArray(value)) return;
	const { $ref: _ref, ...siblings } = site.node;
	const scalars = Object.keys(siblings).filter((k) => !isRecord(siblings[k]));
	if (scalars.length === 0 || scalars.some((k) => value[k] === siblings[k])) return;
	(site.container as Json)[site.key as string] = { ...value, ...siblings };
}

function reasonOf(error: JSONParserError): string {
	if (error instanceof MissingPointerError) {
		return `nothing at ${error.targetRef} in ${error.source}`;
	}
	if (error instanceof InvalidPointerError) return 'not a valid pointer';
	return shortError(error.message);
}

export async function dereferenceSpec(
	rootUrl: string,
	loaded: SpecDocuments,
	options: DereferenceOptions = {},
): Promise<DereferencedSpec> {
	const root = loaded.documents.get(rootUrl);
	if (!root) return { document: undefined, unresolved: [] };
	/** By the JSON pointer of where they stand, in whichever document. */
	const sites = new Map<string, RefSite[]>();
	const originals = new WeakMap<object, string>();
	for (const doc of loaded.documents.values()) {
		prepare(doc, sites, originals, options.mappings ?? true);
	}
	const circular: string[] = [];
	let document: unknown = root.document;
	let errors: JSONParserError[] = [];
	let failure: string | undefined;
	try {
		document = await new $RefParser().dereference(
			rootUrl,
			root.document as never,
			{
				continueOnError: true,
				...loadedDocumentsOptions(
					(url) => {
						if (loaded.documents.has(url)) return url;
						const target = documentOf(url, rootUrl);
						const reason =
							'error' in target
								? target.error
								: (loaded.failures.get(url) ?? 'document not loaded');
						throw new ResolverError(new Error(reason), url);
					},
					(_url, file) => loaded.documents.get(withoutHash(file.url))?.document,
				),
				dereference: {
					circular: true,
					// Levels of the library's recursive walk (two per nested schema): its default, 500,
					// stops at real specs nested some 250 schemas deep; past this one it stops with an
					// error rather than overflow the stack, and what it resolved by then is kept.
					maxDepth: MAX_DEPTH,
					// What the spec gives as data (an example, a vendor extension) is not resolved.
					excludedPathMatcher: excludedPath,
					onCircular: (path: string) => circular.push(path),
				},
			} as never,
		);
	} catch (error) {
		if (error instanceof JSONParserErrorGroup) {
			document = error.files.schema ?? root.document;
			errors = error.errors as JSONParserError[];
		} else {
			// A spec nested deeper than the library recurses: what it resolved so far stays.
			failure = `# (not all references could be resolved: ${shortError(error)})`;
		}
	}

	const unresolved = new Set<string>();
	/** The library put `null` where it could not resolve a reference, or left it. */
	const isLeft = (site: RefSite) => {
		const current = (site.container as Json)[site.key as string];
		return current === null || current === site.node;
	};
	const restore = (site: RefSite) => {
		const left = isLeft(site);
		if (left) (site.container as Json)[site.key as string] = site.mapping ?? site.node;
		if (site.mapping === undefined) site.node.$ref = site.ref;
		return left && site.mapping === undefined;
	};
	for (const error of errors) {
		const path = (error.path ?? []) as (string | number)[];
		if (inData(path)) continue;
		const pointer = path
			.map(escapeToken)
			.map((t) => `/${t}`)
			.join('');
		// The library names the document a reference stands in, or the one it points to.
		const source = withoutHash(error.source ?? '');
		const candidates = sites.get(pointer) ?? [];
		const site = candidates.find((s) => s.doc === source && isLeft(s)) ?? candidates.find(isLeft);
		if (!site) {
			unresolved.add(`${error.source ?? ''}#${pointer} (${reasonOf(error)})`);
			continue;
		}
		if (restore(site)) unresolved.add(`${site.ref} (${reasonOf(error)})`);
	}
	// A chain of references that comes back on itself is left as a reference by the library.
	for (const path of circular) {
		const hash = path.indexOf('#');
		const doc = path.slice(0, hash);
		const site = sites.get(path.slice(hash + 1))?.find((s) => s.doc === doc);
		if (hash === -1 || !site || site.mapping !== undefined) continue;
		const current = (site.container as Json)[site.key as string];
		if (isRecord(current) && typeof current.$ref === 'string') {
			unresolved.add(`${site.ref} (a chain of references that does not end)`);
		}
	}
	for (const atPointer of sites.values()) {
		for (const site of atPointer) {
			// Anything else the library left unreplaced (a chain ending at a dangling one) goes back.
			if (!restore(site)) keepSiblings(site);
		}
	}
	if (failure) unresolved.add(failure);
	return { document, unresolved: [...unresolved] };
}
