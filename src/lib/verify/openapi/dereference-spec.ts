import {
	documentOf,
	isDataKey,
	type LoadedDocuments,
	type SpecDocument,
} from './spec-documents.ts';

/**
 * Replaces the `$ref`s of a loaded spec by what they point to, in place, across its documents —
 * the way swagger-parser's `dereference({ circular: true })` does (a reference cycle becomes an
 * object cycle) — but without giving up on the first reference it cannot resolve: such a `$ref`
 * is left as it is and listed with the reason, and everything else is resolved. That is what
 * lets a spec with one dangling reference, or one remote document that failed, still be
 * described. Pointers are read leniently (`#definitions/Geometry`, missing the `/`, is read as
 * `#/definitions/Geometry`, as the spec's author meant).
 */

export interface DereferencedSpec {
	document: unknown;
	/** Distinct unresolved references, `ref (reason)`, in the order met. */
	unresolved: string[];
}

type Json = Record<string, unknown>;

const PROPERTY_MAPS = new Set(['properties', 'patternProperties']);

/** Hops of a `$ref` that points at another `$ref`: a longer chain is a loop. */
const MAX_CHAIN = 32;

function isRecord(value: unknown): value is Json {
	return typeof value === 'object' && value !== null;
}

function isRef(value: unknown): value is Json & { $ref: string } {
	return isRecord(value) && !Array.isArray(value) && typeof value.$ref === 'string';
}

function pointerTokens(fragment: string): string[] {
	const path = fragment.startsWith('/') ? fragment.slice(1) : fragment;
	if (path === '') return [];
	return path.split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function dereferenceSpec(rootUrl: string, loaded: LoadedDocuments): DereferencedSpec {
	const root = loaded.documents.get(rootUrl);
	if (!root) return { document: undefined, unresolved: [] };
	const unresolved = new Set<string>();
	const cache = new Map<string, { value: unknown; doc: SpecDocument }>();
	const seen = new Set<object>();
	const queue: [unknown, SpecDocument, string | undefined][] = [[root.document, root, undefined]];

	/** While resolving a discriminator mapping: what cannot be found is not listed. */
	let quiet = false;
	const fail = (ref: string, reason: string) => {
		if (!quiet) unresolved.add(`${ref} (${reason})`);
		return undefined;
	};

	/** What `ref`, written in `from`, points to; undefined (and listed) when it cannot be found. */
	const resolve = (
		ref: string,
		from: SpecDocument,
		hops: number,
	): { value: unknown; doc: SpecDocument } | undefined => {
		const hash = ref.indexOf('#');
		const address = hash === -1 ? ref : ref.slice(0, hash);
		let fragment = hash === -1 ? '' : ref.slice(hash + 1);
		try {
			fragment = decodeURIComponent(fragment);
		} catch {
			return fail(ref, 'not a valid pointer');
		}
		let doc = from;
		if (address !== '') {
			const target = documentOf(address, from.base);
			if ('error' in target) return fail(ref, target.error);
			const found = loaded.documents.get(target.url);
			if (!found) return fail(ref, loaded.failures.get(target.url) ?? 'document not loaded');
			doc = found;
		}
		const key = `${doc.url}#${fragment}`;
		const cached = cache.get(key);
		if (cached) return cached;
		let current: unknown = doc.document;
		let currentDoc = doc;
		for (const token of pointerTokens(fragment)) {
			// A pointer may run through a referenced object: `#/components/schemas/A/properties/b`.
			if (isRef(current) && !Object.hasOwn(current, token)) {
				if (hops >= MAX_CHAIN) return fail(ref, 'a chain of references that does not end');
				const through = resolve(current.$ref, currentDoc, hops + 1);
				if (!through) return undefined;
				current = through.value;
				currentDoc = through.doc;
			}
			if (!isRecord(current) || !Object.hasOwn(current, token)) {
				return fail(ref, `nothing at #${fragment} in ${doc.url}`);
			}
			current = (current as Json)[token];
		}
		if (isRef(current)) {
			if (hops >= MAX_CHAIN) return fail(ref, 'a chain of references that does not end');
			const next = resolve(current.$ref, currentDoc, hops + 1);
			if (!next) return undefined;
			current = next.value;
			currentDoc = next.doc;
		}
		const result = { value: current, doc: currentDoc };
		cache.set(key, result);
		queue.push([current, currentDoc, undefined]);
		return result;
	};

	/** The value to put where `value` (a `$ref` object) stands. */
	const replacement = (value: Json & { $ref: string }, doc: SpecDocument): unknown => {
		const target = resolve(value.$ref, doc, 0);
		if (!target) return value;
		const { $ref: _ref, ...siblings } = value;
		// OpenAPI 3.1 lets a reference carry its own description or summary beside `$ref`.
		if (
			Object.keys(siblings).length > 0 &&
			isRecord(target.value) &&
			!Array.isArray(target.value)
		) {
			const merged = { ...(target.value as Json), ...siblings };
			queue.push([merged, target.doc, undefined]);
			return merged;
		}
		return target.value;
	};

	/**
	 * A discriminator's mapping names its subtypes by reference (or, in OpenAPI 3, by bare schema
	 * name): those found among the documents loaded are put in place too, so that the fields
	 * only subtypes declare are described. Best effort: a mapping is not a `$ref`, tools do not
	 * follow it (swagger-parser leaves it as text), so one that leads nowhere is neither fetched
	 * nor listed as unresolved. This copy is only read to describe the spec.
	 */
	const resolveMapping = (mapping: Json, doc: SpecDocument) => {
		quiet = true;
		for (const [name, target] of Object.entries(mapping)) {
			if (typeof target !== 'string') continue;
			const ref = /[#/.]/.test(target) ? target : `#/components/schemas/${target}`;
			const resolved = resolve(ref, doc, 0);
			if (resolved) mapping[name] = resolved.value;
		}
		quiet = false;
	};

	let document = root.document;
	if (isRef(document)) document = replacement(document, root);
	queue.push([document, root, undefined]);
	while (queue.length > 0) {
		const [node, doc, parentKey] = queue.pop() as [unknown, SpecDocument, string | undefined];
		if (!isRecord(node) || seen.has(node)) continue;
		seen.add(node);
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) {
				const item = node[i];
				// A resolved target is queued by resolve(), with the document it lives in.
				if (isRef(item)) node[i] = replacement(item, doc);
				else queue.push([item, doc, parentKey]);
			}
			continue;
		}
		for (const [key, value] of Object.entries(node)) {
			if (!isRecord(value) || isDataKey(key, parentKey)) continue;
			if (key === 'mapping' && parentKey === 'discriminator' && !Array.isArray(value)) {
				resolveMapping(value, doc);
				continue;
			}
			// A `properties` map may name a property `$ref`: it is a map, not a reference.
			if (isRef(value) && !PROPERTY_MAPS.has(key)) node[key] = replacement(value, doc);
			else queue.push([value, doc, key]);
		}
	}
	return { document, unresolved: [...unresolved] };
}
