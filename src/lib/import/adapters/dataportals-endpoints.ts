/**
 * Which of a data portal's declared endpoints is the API a record stands for, and what to call it.
 * The Common Data Index registry types each endpoint (`ckan`, `wfs200`, `arcgis:rest:services`,
 * `sitemap`…, about 180 types); a portal's record takes the first endpoint in this order, so a
 * portal with a documented OpenAPI or a full query API is not listed by its map tiles. Types
 * that are not an API one can call for data (sitemaps, feeds, viewer configuration files, KMZ
 * exports) are absent: a portal with only those yields no record.
 */

export interface ApiEndpointKind {
	/** The registry's endpoint types this row covers. */
	types: readonly string[];
	/** What the API is, in the record title: "<portal> — <label>". */
	label: string;
	/** The endpoint is an API description (the record's spec), not its base URL. */
	spec?: 'openapi';
	/**
	 * Some types are also given to files that are not the API (a CKAN portal's `catalog.rdf`
	 * typed `ckan`); only URLs passing this test are taken for the row.
	 */
	accepts?: (url: URL) => boolean;
}

const underApiPath = (url: URL): boolean => /\/api(\/|$)/i.test(url.pathname);

/** Most specific first. */
export const API_ENDPOINT_KINDS: readonly ApiEndpointKind[] = [
	{ types: ['openapi', 'pygeoapi:openapi'], label: 'OpenAPI', spec: 'openapi' },
	{ types: ['ogc:features', 'pygeoapi:collections'], label: 'OGC API – Features' },
	{ types: ['ogcrecordsapi'], label: 'OGC API – Records' },
	{ types: ['stacserverapi'], label: 'STAC API' },
	{
		types: ['ckan', 'ckan:api', 'ckan:package-search'],
		label: 'CKAN Action API',
		accepts: underApiPath,
	},
	{ types: ['opendatasoftapi', 'opendatasoft:api', 'opendatasoft'], label: 'Opendatasoft API' },
	{ types: ['udataapi'], label: 'udata API' },
	{ types: ['datafairapi'], label: 'Data Fair API' },
	{ types: ['socrata', 'socrata:views'], label: 'Socrata API' },
	{ types: ['dkan:metastore', 'dkan:search', 'dkan:datastore'], label: 'DKAN API' },
	{ types: ['dataverseapi'], label: 'Dataverse API' },
	{ types: ['inveniordmapi:records'], label: 'InvenioRDM API' },
	{ types: ['graphql'], label: 'GraphQL API' },
	{ types: ['odata'], label: 'OData API' },
	{ types: ['sparql', 'sparql:web'], label: 'SPARQL endpoint' },
	{
		types: ['sdmx-rest', 'fusionregistry:rest', 'sdmx:dataflows', 'sdmx:dataflow', 'sdmx-json'],
		label: 'SDMX REST API',
	},
	{ types: ['pxwebapi'], label: 'PxWeb API' },
	{ types: ['entrystore:search'], label: 'EntryStore API' },
	{ types: ['geonetwork:api:records', 'geonetwork:records'], label: 'GeoNetwork API' },
	{ types: ['geonode:datasets', 'geonode:layers'], label: 'GeoNode API' },
	{ types: ['nextgisweb:api'], label: 'NextGIS Web API' },
	{ types: ['arcgis:rest:services', 'arcgis:rest'], label: 'ArcGIS REST services' },
	{ types: ['csw300', 'csw202'], label: 'OGC Catalogue Service (CSW)' },
	{ types: ['wfs200', 'wfs110', 'wfs100', 'ogc:wfs'], label: 'OGC Web Feature Service' },
	{ types: ['wcs201', 'wcs111', 'wcs110', 'wcs11', 'wcs100'], label: 'OGC Web Coverage Service' },
	{ types: ['wms130', 'wms111', 'ogc:wms', 'wms'], label: 'OGC Web Map Service' },
	{ types: ['wmts100'], label: 'OGC Web Map Tile Service' },
	{ types: ['wps100'], label: 'OGC Web Processing Service' },
	{ types: ['erddap:datasets'], label: 'ERDDAP' },
	{ types: ['thredds:catalog'], label: 'THREDDS catalogue' },
	{ types: ['drupal:jsonapi'], label: 'JSON:API' },
	{
		types: ['dcatap201', 'dcatap21', 'dcatap', 'dcat:jsonld', 'dcat:ttl', 'dcat:xml', 'dcat'],
		label: 'DCAT-AP catalogue',
	},
	{ types: ['oaipmh20', 'oai-pmh'], label: 'OAI-PMH' },
	{ types: ['customapi', 'custom_api', 'rest', 'restapi'], label: 'API' },
];

/** Endpoint types that point at the API's documentation for people. */
export const DOCS_ENDPOINT_TYPES: ReadonlySet<string> = new Set(['docs', 'documentation']);
