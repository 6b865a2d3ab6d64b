import type { Register } from '../../register/assemble-register.ts';
import { absoluteUrl, pagePath } from '../../register/urls.ts';
import { authorityScheme, languageUri } from '../../vocab/eu-authorities.ts';
import { metricQuads } from './quality-measurements.ts';
import { namedNode, QuadList, term, text, typed } from './rdf-terms.ts';
import { recordQuads } from './record-quads.ts';
import { SharedNodes } from './shared-nodes.ts';

/** How the register names and describes itself as a catalogue (the site's own words). */
const CATALOG_TITLE = 'c0mm0 — the continuously verified register of European data';
const CATALOG_DESCRIPTION =
	'Public APIs and datasets of European governments and EU institutions, each checked every night: whether it answers, what its machine-readable description holds, and how it scores on officialness, availability, metadata, licence and agent readiness.';

/**
 * The register as a DCAT-AP 3 catalogue, one list of quads at a time: the catalogue and the
 * metrics first, then each record with the shared nodes (publishers, vocabulary concepts) it is
 * the first to use. Each call starts afresh, so the Turtle and the JSON-LD are the same graph.
 */
export function* catalogQuads(register: Register): Generator<QuadList> {
	const home = absoluteUrl(pagePath('home'));
	const catalog = namedNode(`${home}#catalog`);
	const shared = new SharedNodes();
	const header = new QuadList();
	const dct = (local: string) => term('dct', local);
	header.type(catalog, 'dcat', 'Catalog');
	header.add(catalog, dct('title'), text(CATALOG_TITLE, 'en'));
	header.add(catalog, dct('description'), text(CATALOG_DESCRIPTION, 'en'));
	const us = namedNode(`${home}#publisher`);
	header.add(catalog, dct('publisher'), us);
	header.type(us, 'foaf', 'Agent');
	header.add(us, term('foaf', 'name'), text('c0mm0'));
	header.add(us, term('foaf', 'homepage'), shared.document(header, home));
	header.add(catalog, term('foaf', 'homepage'), namedNode(home));
	header.add(catalog, dct('language'), shared.authority(header, 'language', languageUri('en')));
	header.add(catalog, term('dcat', 'themeTaxonomy'), namedNode(authorityScheme('data-theme')));
	header.add(catalog, dct('modified'), typed(register.builtAt.toISOString(), 'dateTime'));
	header.append(metricQuads());
	yield header;
	for (const record of register.records) yield recordQuads(record, { catalog, shared });
}
