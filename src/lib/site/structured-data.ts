import type { RegisterRecord } from '../register/assemble-register.ts';
import { absoluteUrl, recordPath } from '../register/urls.ts';
import { describeLicence } from '../vocab/licences.ts';
import { themeName } from '../vocab/themes.ts';

/** schema.org description of a record: `WebAPI` for APIs, `Dataset` for datasets. */
export function recordJsonLd(record: RegisterRecord): Record<string, unknown> {
	const { entry, publisher } = record;
	const licence = entry.licence ? describeLicence(entry.licence) : undefined;
	// A government body only when the publisher file says so: a company, or a body only an
	// imported catalogue names (its kind never reviewed), is an Organization.
	const organisation =
		publisher.type === 'public' || publisher.type === 'intergovernmental'
			? 'GovernmentOrganization'
			: 'Organization';
	const common = {
		'@context': 'https://schema.org',
		'@id': absoluteUrl(recordPath(record.id)),
		url: absoluteUrl(recordPath(record.id)),
		name: entry.title,
		description: record.descriptionText || entry.summary,
		provider: {
			'@type': organisation,
			name: publisher.name,
			...(publisher.homepage ? { url: publisher.homepage } : {}),
		},
		...(entry.keywords ? { keywords: entry.keywords.join(', ') } : {}),
		...(licence ? { license: licence.url ?? licence.id } : {}),
		...(entry.languages ? { inLanguage: entry.languages } : {}),
		...(entry.homepage ? { sameAs: entry.homepage } : {}),
		dateCreated: entry.added,
	};
	if (entry.kind === 'api') {
		return {
			...common,
			'@type': 'WebAPI',
			...(entry.docs ? { documentation: entry.docs } : {}),
			...(entry.baseUrl
				? { potentialAction: { '@type': 'ConsumeAction', target: entry.baseUrl } }
				: {}),
		};
	}
	return {
		...common,
		'@type': 'Dataset',
		creator: { '@type': organisation, name: publisher.name },
		...(entry.themes ? { about: entry.themes.map((t) => themeName(t)) } : {}),
		distribution: entry.distributions.map((d) => ({
			'@type': 'DataDownload',
			contentUrl: d.url,
			encodingFormat: d.mediaType ?? d.format,
			...(d.title ? { name: d.title } : {}),
		})),
	};
}
