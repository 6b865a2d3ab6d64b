import type { RegisterPublisher } from '../../../schemas/publisher.ts';
import { absoluteUrl, listingPath } from '../../register/urls.ts';
import { type AuthorityTable, authorityScheme, countryUri } from '../../vocab/eu-authorities.ts';
import { namedNode, type Prefix, type QuadList, term, text } from './rdf-terms.ts';

/** What each authority table is called, for its skos:ConceptScheme node (DCAT-AP wants a title). */
const TABLE_TITLES: Record<AuthorityTable, string> = {
	'access-right': 'Access right',
	country: 'Countries and territories',
	'data-theme': 'Data theme',
	'file-type': 'File type',
	frequency: 'Frequency',
	language: 'Languages',
	licence: 'Licences',
};

/** The class DCAT-AP expects of a value of each table, where it is used. */
const TABLE_CLASSES: Record<AuthorityTable, [prefix: 'dct' | 'skos', local: string]> = {
	'access-right': ['dct', 'RightsStatement'],
	country: ['dct', 'Location'],
	'data-theme': ['skos', 'Concept'],
	'file-type': ['dct', 'MediaTypeOrExtent'],
	frequency: ['dct', 'Frequency'],
	language: ['dct', 'LinguisticSystem'],
	licence: ['dct', 'LicenseDocument'],
};

/**
 * Nodes that many records point at — publishers, controlled-vocabulary concepts, licence
 * documents, standards — described once, in the chunk of the first record that needs them, so
 * the export is written in one pass and no node is repeated.
 */
export class SharedNodes {
	private readonly described = new Set<string>();

	/**
	 * Runs `describe` the first time `iri` is met in this role (a class it is typed with: one URL
	 * can be both a service's documentation page and its endpoint description); the IRI's node.
	 */
	once(iri: string, role: string, describe: () => void) {
		const key = `${role} ${iri}`;
		if (!this.described.has(key)) {
			this.described.add(key);
			describe();
		}
		return namedNode(iri);
	}

	/** `iri` typed `prefix:local`, once. */
	typed(list: QuadList, iri: string, prefix: Prefix, local: string) {
		return this.once(iri, `${prefix}:${local}`, () => list.type(namedNode(iri), prefix, local));
	}

	/** A value of an EU authority table, typed as DCAT-AP's range wants, in its scheme. */
	authority(list: QuadList, table: AuthorityTable, iri: string, label?: string) {
		return this.once(iri, table, () => {
			const node = namedNode(iri);
			const [prefix, local] = TABLE_CLASSES[table];
			list.type(node, prefix, local);
			if (label !== undefined) list.add(node, term('skos', 'prefLabel'), text(label, 'en'));
			list.add(node, term('skos', 'inScheme'), this.scheme(list, table));
		});
	}

	private scheme(list: QuadList, table: AuthorityTable) {
		const iri = authorityScheme(table);
		return this.once(iri, 'scheme', () => {
			const node = namedNode(iri);
			list.type(node, 'skos', 'ConceptScheme');
			list.add(node, term('dct', 'title'), text(TABLE_TITLES[table], 'en'));
		});
	}

	/** A web page (foaf:Document, the range of landing pages and homepages). */
	document(list: QuadList, iri: string) {
		return this.typed(list, iri, 'foaf', 'Document');
	}

	/**
	 * A publisher as a foaf:Agent, at its page on our site: its name, homepage, official domains
	 * (as further homepages), GitHub organisations (as accounts) and country.
	 */
	publisher(list: QuadList, publisher: RegisterPublisher) {
		const iri = `${absoluteUrl(listingPath('publisher', publisher.id))}#agent`;
		return this.once(iri, 'publisher', () => {
			const node = namedNode(iri);
			list.type(node, 'foaf', 'Agent');
			list.add(node, term('foaf', 'name'), text(publisher.name));
			const homepages = new Set([
				publisher.homepage,
				...publisher.officialDomains.map((domain) => `https://${domain}/`),
			]);
			for (const url of homepages) {
				const page = list.link(node, term('foaf', 'homepage'), url);
				if (page) this.document(list, page.value);
			}
			for (const org of publisher.githubOrgs) {
				const account = list.link(node, term('foaf', 'account'), `https://github.com/${org}`);
				if (account) {
					list.type(account, 'foaf', 'OnlineAccount');
					list.add(account, term('foaf', 'accountName'), text(org));
				}
			}
			const country = countryUri(publisher.country);
			if (country !== undefined)
				list.add(node, term('dct', 'spatial'), this.authority(list, 'country', country));
		});
	}
}
