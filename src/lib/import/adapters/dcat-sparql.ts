import { HVD_LEGISLATION, KEPT_PREDICATES, TERMS } from './dcat-vocabulary.ts';
import type { RecordKind } from './source-filters.ts';

/**
 * The bounded CONSTRUCT query the DCAT-AP adapter sends to a SPARQL endpoint (data.europa.eu and
 * the national portals that have one): one page of records, ordered so OFFSET pages are stable,
 * with only the predicates the mapping reads, their linked nodes (distribution, publisher, licence,
 * contact point) one hop deep, and the country of the catalogue that lists each record.
 */

/** Records per page: small enough that a Virtuoso result cap (often 10,000 rows) is not reached. */
export const SPARQL_PAGE_SIZE = 200;

const iri = (value: string) => `<${value}>`;

export function constructQuery(
	kinds: ReadonlySet<RecordKind>,
	highValueOnly: boolean,
	offset: number,
	limit = SPARQL_PAGE_SIZE,
): string {
	const types = [
		...(kinds.has('api') ? [TERMS.DataService] : []),
		...(kinds.has('dataset') ? [TERMS.Dataset] : []),
	];
	const predicates = [...KEPT_PREDICATES].map(iri).join(' ');
	// Only the nodes a record is built from are followed: not themes, formats or languages
	// (authority concepts with labels in 24 languages), which would fill the page for nothing.
	const hops = [TERMS.distribution, TERMS.publisher, TERMS.license, TERMS.contactPoint]
		.map(iri)
		.join(', ');
	const hvd = highValueOnly
		? `FILTER EXISTS { ?s ${iri(TERMS.applicableLegislation)} ${iri(HVD_LEGISLATION)} }`
		: '';
	return `CONSTRUCT { ?s ?p ?o . ?o ?q ?v . ?s ${iri(TERMS.spatial)} ?country . }
WHERE {
  { SELECT DISTINCT ?s WHERE {
      VALUES ?type { ${types.map(iri).join(' ')} }
      ?s a ?type .
      ${hvd}
    } ORDER BY ?s LIMIT ${limit} OFFSET ${offset} }
  ?s ?p ?o .
  VALUES ?p { ${predicates} }
  OPTIONAL { ?o ?q ?v . VALUES ?q { ${predicates} } FILTER(?p IN (${hops})) }
  OPTIONAL { ?catalogue <http://www.w3.org/ns/dcat#service>|<http://www.w3.org/ns/dcat#dataset> ?s ;
               ${iri(TERMS.spatial)} ?country . }
}`;
}
