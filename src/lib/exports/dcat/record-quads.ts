import type { Quad_Subject } from '@rdfjs/types';
import type { ApiEntry, DatasetEntry } from '../../../schemas/entry.ts';
import type { Snapshot } from '../../../schemas/snapshot.ts';
import type { RegisterRecord } from '../../register/assemble-register.ts';
import { absoluteUrl, recordPath } from '../../register/urls.ts';
import {
	accessRightUri,
	countryUri,
	fileTypeUri,
	frequencyUri,
	languageUri,
	licenceUri,
	themeUri,
} from '../../vocab/eu-authorities.ts';
import { describeLicence } from '../../vocab/licences.ts';
import { themeName } from '../../vocab/themes.ts';
import { addMeasurements } from './quality-measurements.ts';
import { namedNode, QuadList, safeIri, term, text } from './rdf-terms.ts';
import type { SharedNodes } from './shared-nodes.ts';

/** What every record's quads are made with: the catalogue's node and the shared nodes so far. */
export interface RecordContext {
	catalog: Quad_Subject;
	shared: SharedNodes;
}

/** Where an API is called: its production base URL, else its base URL; undefined when unknown. */
export function endpointOf(entry: ApiEntry): string | undefined {
	return safeIri(entry.productionUrl) ?? safeIri(entry.baseUrl);
}

/**
 * The specification an OpenAPI description conforms to, from the version the verifier read:
 * OpenAPI 3.x.y at spec.openapis.org, Swagger 2.0 at swagger.io. Other formats and unread
 * versions give none.
 */
function specStandard(record: RegisterRecord): string | undefined {
	const version = record.snapshot?.spec?.version;
	if (record.entry.kind !== 'api' || record.entry.spec?.format !== 'openapi' || !version)
		return undefined;
	if (/^3\.\d+\.\d+$/.test(version)) return `https://spec.openapis.org/oas/v${version}`;
	if (version === '2.0') return 'https://swagger.io/specification/v2/';
	return undefined;
}

/**
 * The quads of one record: a dcat:DataService or a dcat:Dataset, at `<record page>#resource`.
 * DCAT-AP requires an endpoint URL of every data service: an API we know no base URL of (408 of
 * the 3,244 APIs of November 2026, imported from catalogues that list none) is left out rather
 * than given its homepage as an endpoint.
 */
export function recordQuads(record: RegisterRecord, context: RecordContext): QuadList {
	const list = new QuadList();
	const { entry } = record;
	if (entry.kind === 'api' && endpointOf(entry) === undefined) return list;
	const { shared } = context;
	const page = absoluteUrl(recordPath(record.id));
	const resource = namedNode(`${page}#resource`);
	const dct = (local: string) => term('dct', local);

	list.add(context.catalog, term('dcat', entry.kind === 'api' ? 'service' : 'dataset'), resource);
	list.type(resource, 'dcat', entry.kind === 'api' ? 'DataService' : 'Dataset');
	list.add(resource, dct('identifier'), text(record.id));
	list.add(resource, dct('title'), text(entry.title, entry.lang));
	list.add(resource, dct('description'), text(entry.summary, entry.lang));
	list.add(resource, term('dcat', 'landingPage'), shared.document(list, page));
	list.add(resource, dct('publisher'), shared.publisher(list, record.publisher));
	for (const keyword of entry.keywords ?? [])
		list.add(resource, term('dcat', 'keyword'), text(keyword, entry.lang));
	for (const theme of entry.themes ?? [])
		list.add(
			resource,
			term('dcat', 'theme'),
			shared.authority(list, 'data-theme', themeUri(theme), themeName(theme)),
		);
	for (const language of entry.languages ?? [])
		list.add(resource, dct('language'), shared.authority(list, 'language', languageUri(language)));
	const country = countryUri(entry.country);
	if (country) list.add(resource, dct('spatial'), shared.authority(list, 'country', country));
	const access = accessRightUri(entry.access);
	if (access)
		list.add(resource, dct('accessRights'), shared.authority(list, 'access-right', access));
	const licence = licenceNode(list, record, shared);
	list.add(resource, dct('license'), licence);

	if (entry.kind === 'api') addService(list, resource, entry, record, shared);
	else addDistributions(list, resource, page, entry, licence, shared, record.snapshot?.files);
	addMeasurements(list, resource, page, record);
	return list;
}

/** The licence: the EU table's entry when we know it, else the licence's own URL. */
function licenceNode(list: QuadList, record: RegisterRecord, shared: SharedNodes) {
	const id = record.entry.licence;
	if (id === undefined) return undefined;
	const eu = licenceUri(id);
	if (eu) return shared.authority(list, 'licence', eu);
	const own = safeIri(describeLicence(id).url);
	return own ? shared.typed(list, own, 'dct', 'LicenseDocument') : undefined;
}

function addService(
	list: QuadList,
	resource: Quad_Subject,
	entry: ApiEntry,
	record: RegisterRecord,
	shared: SharedNodes,
) {
	// DCAT-AP's shapes want these typed rdfs:Resource: SHACL infers no class, even that one.
	const resourceNode = (iri: string) => shared.typed(list, iri, 'rdfs', 'Resource');
	const endpoint = endpointOf(entry);
	if (endpoint) list.add(resource, term('dcat', 'endpointURL'), resourceNode(endpoint));
	const description = safeIri(entry.spec?.url);
	if (description)
		list.add(resource, term('dcat', 'endpointDescription'), resourceNode(description));
	const docs = safeIri(entry.docs);
	if (docs) list.add(resource, term('foaf', 'page'), shared.document(list, docs));
	const standard = specStandard(record);
	if (standard)
		list.add(resource, term('dct', 'conformsTo'), shared.typed(list, standard, 'dct', 'Standard'));
}

/** One dcat:Distribution per download whose URL is a safe IRI, at `<page>#distribution-<n>`. */
function addDistributions(
	list: QuadList,
	resource: Quad_Subject,
	page: string,
	entry: DatasetEntry,
	licence: ReturnType<typeof licenceNode>,
	shared: SharedNodes,
	files: Snapshot['files'],
) {
	if (entry.updateFrequency)
		list.add(
			resource,
			term('dct', 'accrualPeriodicity'),
			shared.authority(list, 'frequency', frequencyUri(entry.updateFrequency)),
		);
	const read = new Set((files ?? []).filter((file) => file.bytesRead > 0).map((file) => file.url));
	entry.distributions.forEach((distribution, index) => {
		const url = safeIri(distribution.url);
		if (url === undefined) return;
		const node = namedNode(`${page}#distribution-${index + 1}`);
		list.add(resource, term('dcat', 'distribution'), node);
		list.type(node, 'dcat', 'Distribution');
		list.add(node, term('dcat', 'accessURL'), namedNode(url));
		// A direct download only when the verifier read the file's bytes there.
		if (read.has(distribution.url)) list.add(node, term('dcat', 'downloadURL'), namedNode(url));
		if (distribution.title)
			list.add(node, term('dct', 'title'), text(distribution.title, entry.lang));
		const format = fileTypeUri(distribution.format);
		if (format) list.add(node, term('dct', 'format'), shared.authority(list, 'file-type', format));
		const mediaType = distribution.mediaType
			? safeIri(`https://www.iana.org/assignments/media-types/${distribution.mediaType}`)
			: undefined;
		if (mediaType)
			list.add(node, term('dcat', 'mediaType'), shared.typed(list, mediaType, 'dct', 'MediaType'));
		list.add(node, term('dct', 'license'), licence);
	});
}
