import type { HarvestedRecord } from '../../../schemas/imported.ts';
import type { SourceEndpoint, SourceFile } from '../../../schemas/source.ts';
import { SourceFailure } from '../adapter.ts';

/**
 * A source's `yields` and `filters`, as the three generic adapters apply them: in the query where
 * the portal supports it, and always once more on each record, so a portal that ignores a query
 * parameter cannot widen the import.
 */

export type RecordKind = HarvestedRecord['kind'];

/** The record kinds a source asks for: its `yields`, narrowed by `filters.types`. */
export function wantedKinds(source: SourceFile): Set<RecordKind> {
	const kinds = new Set<RecordKind>(
		source.yields === 'apis'
			? ['api']
			: source.yields === 'datasets'
				? ['dataset']
				: ['api', 'dataset'],
	);
	const types = source.filters?.types;
	if (types) {
		if (!types.includes('DataService')) kinds.delete('api');
		if (!types.includes('Dataset')) kinds.delete('dataset');
	}
	return kinds;
}

/**
 * Whether a record passes the source's filters. `publisherKeys` are the source's own keys for the
 * record's publisher (CKAN organisation name, udata organisation id, DCAT publisher URI).
 */
export function passesFilters(
	source: SourceFile,
	kinds: ReadonlySet<RecordKind>,
	record: HarvestedRecord,
	publisherKeys: readonly (string | undefined)[],
): boolean {
	if (!kinds.has(record.kind)) return false;
	const filters = source.filters;
	if (filters?.highValueOnly && record.highValue !== true) return false;
	if (filters?.publishers) {
		const allowed = new Set(filters.publishers);
		if (!publisherKeys.some((key) => key !== undefined && allowed.has(key))) return false;
	}
	return true;
}

/**
 * The endpoints an adapter reads, failing the source when there is none — or when its `yields`
 * and `filters.types` exclude each other — rather than importing nothing as if all were well.
 */
export function endpointsToRead(
	source: SourceFile,
	reads: (format: SourceEndpoint['format']) => boolean,
): SourceEndpoint[] {
	if (wantedKinds(source).size === 0) {
		throw new SourceFailure(
			`${source.id}: yields ${source.yields} and filters.types exclude each other`,
		);
	}
	const endpoints = source.endpoints.filter((endpoint) => reads(endpoint.format));
	if (endpoints.length === 0) {
		throw new SourceFailure(`${source.id}: no endpoint in a format this adapter reads`);
	}
	return endpoints;
}
