/** The DCAT-AP terms the generic DCAT adapter reads, and nothing else. */

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

export const TERMS = {
	type: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
	Dataset: `${DCAT}Dataset`,
	DataService: `${DCAT}DataService`,
	title: `${DCT}title`,
	landingPage: `${DCAT}landingPage`,
	distribution: `${DCAT}distribution`,
	accessURL: `${DCAT}accessURL`,
	downloadURL: `${DCAT}downloadURL`,
	mediaType: `${DCAT}mediaType`,
	format: `${DCT}format`,
	publisher: `${DCT}publisher`,
	license: `${DCT}license`,
	accessRights: `${DCT}accessRights`,
	theme: `${DCAT}theme`,
	keyword: `${DCAT}keyword`,
	language: `${DCT}language`,
	modified: `${DCT}modified`,
	accrualPeriodicity: `${DCT}accrualPeriodicity`,
	applicableLegislation: 'http://data.europa.eu/r5r/applicableLegislation',
	endpointURL: `${DCAT}endpointURL`,
	endpointDescription: `${DCAT}endpointDescription`,
	contactPoint: `${DCAT}contactPoint`,
	hasEmail: `${VCARD}hasEmail`,
	hasURL: `${VCARD}hasURL`,
	name: `${FOAF}name`,
	homepage: `${FOAF}homepage`,
	page: `${FOAF}page`,
	exactMatch: 'http://www.w3.org/2004/02/skos/core#exactMatch',
	spatial: `${DCT}spatial`,
	next: `${HYDRA}next`,
	nextPage: `${HYDRA}nextPage`,
} as const;

/** Predicates kept while parsing; every other triple is counted and dropped. */
export const KEPT_PREDICATES: ReadonlySet<string> = new Set(
	Object.entries(TERMS)
		.filter(([name]) => name !== 'Dataset' && name !== 'DataService')
		.map(([, iri]) => iri),
);

/** ELI of Commission Implementing Regulation (EU) 2023/138 on high-value datasets. */
export const HVD_LEGISLATION = 'http://data.europa.eu/eli/reg_impl/2023/138/oj';

/** EU access-right authority URIs, as the register's access words. */
export const ACCESS_RIGHTS: Readonly<Record<string, string>> = {
	'http://publications.europa.eu/resource/authority/access-right/PUBLIC': 'open',
	'http://publications.europa.eu/resource/authority/access-right/RESTRICTED': 'restricted',
	'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC': 'restricted',
};
