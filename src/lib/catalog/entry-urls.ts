import type { Entry } from '../../schemas/entry.ts';

/** What a URL of an entry is for; the verifier probes each kind differently. */
export type UrlTarget =
	| 'base'
	| 'spec'
	| 'docs'
	| 'homepage'
	| 'distribution'
	| 'terms'
	| 'contact'
	| 'source'
	| 'publisher-page'
	| 'repository';

export interface EntryUrl {
	/** Field path, e.g. `distributions[1].url`. */
	field: string;
	url: string;
	target: UrlTarget;
}

/** Every URL an entry declares, with its field path. */
export function entryUrls(entry: Entry): EntryUrl[] {
	const urls: EntryUrl[] = [];
	const add = (field: string, url: string | undefined, target: UrlTarget) => {
		if (url) urls.push({ field, url, target });
	};
	if (entry.kind === 'api') {
		add('baseUrl', entry.baseUrl, 'base');
		add('productionUrl', entry.productionUrl, 'base');
		add('spec.url', entry.spec?.url, 'spec');
	} else {
		entry.distributions.forEach((d, i) => {
			add(`distributions[${i}].url`, d.url, 'distribution');
		});
	}
	add('docs', entry.docs, 'docs');
	add('homepage', entry.homepage, 'homepage');
	add('terms', entry.terms, 'terms');
	add('contact.url', entry.contact?.url, 'contact');
	add('publisherPage', entry.publisherPage, 'publisher-page');
	add('repository', entry.repository, 'repository');
	entry.sources?.forEach((s, i) => {
		add(`sources[${i}].url`, s.url, 'source');
	});
	return urls;
}

/**
 * A URL reduced to what identifies a resource: lower-case host without `www.`, scheme dropped
 * (http and https name the same thing), no default port, no fragment, no trailing slash. The one
 * comparison used both to spot the same API entered twice and to find a record's URL among a
 * publisher page's links; an unparsable URL is compared as written.
 */
export function normaliseUrl(url: string): string {
	try {
		const parsed = new URL(url);
		const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
		const port = parsed.port ? `:${parsed.port}` : '';
		const path = parsed.pathname.replace(/\/+$/, '');
		return `${host}${port}${path}${parsed.search}`;
	} catch {
		return url;
	}
}
