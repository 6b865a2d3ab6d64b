/** A slice of the catalog for one parallel job: shard `index` of `total` (1-based). */
export interface Shard {
	index: number;
	total: number;
}

export function parseShard(text: string): Shard {
	const match = /^(\d+)\/(\d+)$/.exec(text.trim());
	const index = Number(match?.[1]);
	const total = Number(match?.[2]);
	if (!match || total < 1 || index < 1 || index > total) {
		throw new Error(`--shard ${text}: expected K/N with 1 ≤ K ≤ N, e.g. --shard 2/4`);
	}
	return { index, total };
}

/** FNV-1a: a stable hash, so a record stays in the same shard however the catalog grows. */
function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

export function inShard(id: string, shard: Shard): boolean {
	return fnv1a(id) % shard.total === shard.index - 1;
}

export function formatShard(shard: Shard): string {
	return `${shard.index}/${shard.total}`;
}
