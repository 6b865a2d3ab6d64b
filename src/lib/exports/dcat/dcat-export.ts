import { absoluteUrl, pagePath } from '../../register/urls.ts';
import type { SiteExport } from '../write-exports.ts';
import { catalogQuads } from './catalog-quads.ts';
import { jsonLdChunks, turtleChunks } from './serialize-quads.ts';

/**
 * The register as a DCAT-AP 3 catalogue for Europe's data portals, in Turtle and in JSON-LD:
 * the same graph, each file made from the records as it is written.
 */
export const DCAT_EXPORT: SiteExport = {
	name: 'DCAT-AP',
	files: (register) => {
		// IRIs of our own pages are written relative to the site: a third of the bytes.
		const base = absoluteUrl(pagePath('home'));
		return [
			{ path: pagePath('dcatTurtle'), content: () => turtleChunks(catalogQuads(register), base) },
			{ path: pagePath('dcatJsonLd'), content: () => jsonLdChunks(catalogQuads(register), base) },
		];
	},
};
