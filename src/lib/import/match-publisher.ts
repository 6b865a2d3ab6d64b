import type { ImportedPublisher } from '../../schemas/imported.ts';
import type { PublisherFile } from '../catalog/load-publishers.ts';
import { idSuffix } from './assign-ids.ts';
import { slugify } from './slugify.ts';

/** Longest slug taken from a publisher's name for an imported publisher's id. */
const PUBLISHER_SLUG_MAX = 60;

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether a host sits on one of the domains (or below it). */
function onDomain(host: string, domains: readonly string[]): boolean {
	return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function hostOf(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return undefined;
	}
}

export type PublisherMatcher = (
	named: { name: string; homepage?: string; key?: string },
	country: string,
) => ImportedPublisher;

/**
 * The register's publisher for a body a source names: a hand-written one of data/publishers/
 * when its homepage sits on that publisher's official domains or its name or acronym is the
 * same (case-folded); else an imported publisher with an id of its own, which never earns the
 * official-domain proof because it has no official domains on record.
 */
export function createPublisherMatcher(
	source: string,
	publishers: ReadonlyMap<string, PublisherFile>,
): PublisherMatcher {
	// Built once per run: the matcher is called for every record.
	const all = [...publishers.values()].map((p) => p.publisher);
	const byName = new Map<string, PublisherFile['publisher']>();
	for (const publisher of all) {
		byName.set(fold(publisher.name), publisher);
		if (publisher.acronym) byName.set(fold(publisher.acronym), publisher);
	}
	return (named, country) => {
		const host = hostOf(named.homepage);
		const found =
			(host ? all.find((p) => onDomain(host, p.officialDomains)) : undefined) ??
			byName.get(fold(named.name));
		if (found) {
			return {
				id: found.id,
				name: found.name,
				country: found.country,
				homepage: found.homepage,
				...(named.key ? { key: named.key } : {}),
				matched: true,
			};
		}
		// Prefixed with the country: "Ministry of Finance" is a different body in each country.
		const slug = `${country.toLowerCase()}-${slugify(named.name, PUBLISHER_SLUG_MAX) || 'publisher'}`;
		// An imported body may not take a hand-written publisher's id: it would borrow its proofs.
		const id = publishers.has(slug) ? `${slug}-${idSuffix(source, named.key ?? named.name)}` : slug;
		return {
			id,
			name: named.name,
			country,
			...(named.homepage ? { homepage: named.homepage } : {}),
			...(named.key ? { key: named.key } : {}),
			matched: false,
		};
	};
}
