import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settings } from '../settings/read-settings.ts';

/** Files whose content shapes every page: a change to any of them re-renders the whole site. */
const TEMPLATE_INPUTS = ['src', 'public', 'package-lock.json', 'astro.config.mjs'];

function addFile(hash: ReturnType<typeof createHash>, root: string, path: string): void {
	hash.update(path);
	hash.update(readFileSync(join(root, path)));
}

/**
 * A hash of everything that renders pages besides the data: the site's source, its
 * dependencies' lock, its config and the settings read from the environment. Two builds with
 * the same template key render the same data into the same bytes.
 */
export function templateKey(root: string): string {
	const hash = createHash('sha256');
	hash.update(
		JSON.stringify({
			siteUrl: settings().siteUrl,
			repositoryUrl: settings().repositoryUrl,
			repositoryBranch: settings().repositoryBranch,
			skipOg: settings().skipOg,
		}),
	);
	for (const input of TEMPLATE_INPUTS) {
		let files: string[];
		try {
			files = readdirSync(join(root, input), { recursive: true, withFileTypes: true })
				.filter((d) => d.isFile())
				.map((d) => join(input, d.parentPath.slice(join(root, input).length), d.name));
		} catch {
			files = [input];
		}
		for (const file of files.sort()) addFile(hash, root, file);
	}
	return hash.digest('hex').slice(0, 32);
}

/** A hash of everything one record's pages are rendered from. */
export function recordKey(template: string, inputs: unknown): string {
	return createHash('sha256')
		.update(template)
		.update(JSON.stringify(inputs))
		.digest('hex')
		.slice(0, 32);
}

/** The template key and every record's key, for an assembled register. */
export function recordKeys(register: {
	records: readonly {
		id: string;
		entry: unknown;
		descriptionMarkdown: string;
		publisher: unknown;
		snapshot: unknown;
		history: unknown;
		score: unknown;
		/** Imported or not, and the catalogues that list it: the "Listed by" part and delistings. */
		imported: boolean;
		listedBy: unknown;
	}[];
}): {
	template: string;
	keys: Map<string, string>;
} {
	const template = templateKey(process.cwd());
	const keys = new Map(
		register.records.map((r) => [
			r.id,
			recordKey(template, [
				r.entry,
				r.descriptionMarkdown,
				r.publisher,
				r.snapshot,
				r.history,
				r.score,
				r.imported,
				r.listedBy,
			]),
		]),
	);
	return { template, keys };
}
