type Node = Record<string, unknown>;

/** `$ref` hops followed for one reference ('#/a' → '#/b' → …) before it counts as dangling. */
const MAX_HOPS = 32;

function isNode(value: unknown): value is Node {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function pointerTarget(root: unknown, ref: string): unknown {
	if (ref === '#') return root;
	if (!ref.startsWith('#/')) return undefined;
	let current: unknown = root;
	for (const raw of ref.slice(2).split('/')) {
		let token: string;
		try {
			token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
		} catch {
			return undefined;
		}
		if (Array.isArray(current)) current = current[Number(token)];
		else if (isNode(current) && Object.hasOwn(current, token)) current = current[token];
		else return undefined;
	}
	return current;
}

/** What a `{ $ref: '#/…' }` node stands for, following chains; undefined when it dangles. */
function resolve(root: unknown, node: Node): unknown {
	let current: unknown = node;
	for (let hop = 0; hop < MAX_HOPS; hop++) {
		if (!isNode(current) || typeof current.$ref !== 'string') return current;
		current = pointerTarget(root, current.$ref);
	}
	return undefined;
}

/**
 * Replaces, in place, every reference to another part of the same document (`#/components/…`)
 * with the object it points to, as swagger-parser's dereference does but without fetching
 * anything or validating: recursive schemas become object cycles, shared ones shared objects.
 * References to other documents, and dangling ones, stay as they are. For the contract plan,
 * which must be cheap on the nights a spec has not changed.
 */
export function resolveLocalRefs(document: unknown): void {
	const seen = new Set<object>();
	const stack: unknown[] = [document];
	while (stack.length > 0) {
		const value = stack.pop();
		if (value === null || typeof value !== 'object' || seen.has(value)) continue;
		seen.add(value);
		const entries: [string | number, unknown][] = Array.isArray(value)
			? value.map((v, i) => [i, v])
			: Object.entries(value);
		for (const [key, child] of entries) {
			let next = child;
			if (isNode(child) && typeof child.$ref === 'string' && child.$ref.startsWith('#')) {
				const target = resolve(document, child);
				if (target !== undefined) {
					next = target;
					(value as Record<string | number, unknown>)[key] = target;
				}
			}
			stack.push(next);
		}
	}
}
