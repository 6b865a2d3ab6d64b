/** URL and domain helpers shared by the proof checks (verifier) and the officialness score. */

/** Whether a host is `domain` or one of its subdomains. */
export function isOnDomain(host: string, domain: string): boolean {
	const h = host.toLowerCase().replace(/\.$/, '');
	const d = domain.toLowerCase();
	return h === d || h.endsWith(`.${d}`);
}

export function hostOf(url: string): string | undefined {
	try {
		return new URL(url).hostname.toLowerCase();
	} catch {
		return undefined;
	}
}

/** The GitHub organisation or user a URL lives under, for github.com, raw.githubusercontent.com and *.github.io. */
export function githubOwner(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	const host = parsed.hostname.toLowerCase();
	const first = parsed.pathname.split('/')[1];
	if (host === 'github.com' || host === 'www.github.com' || host === 'raw.githubusercontent.com') {
		return first ? first.toLowerCase() : undefined;
	}
	if (host.endsWith('.github.io')) return host.slice(0, -'.github.io'.length);
	return undefined;
}

/** Every href on an HTML page, resolved against the page's URL. */
export function pageLinks(html: string, pageUrl: string): string[] {
	const links: string[] = [];
	for (const match of html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi)) {
		const raw = (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&').trim();
		if (!raw) continue;
		try {
			links.push(new URL(raw, pageUrl).href);
		} catch {
			// not a URL: skip
		}
	}
	return links;
}
