import type { Entry } from '../../schemas/entry.ts';

export interface UsageExample {
	language: 'curl' | 'JavaScript' | 'Python';
	code: string;
}

/** A URL as a single-quoted shell word. */
function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

const CREDENTIALS_NOTE: Record<Entry['access'], string | undefined> = {
	open: undefined,
	key: 'add the API key the documentation describes',
	oauth2: 'add an OAuth 2.0 access token (see the documentation)',
	restricted: 'access needs approval; add the credentials you were issued',
	unknown: 'the catalogue does not say whether a key is needed; see the documentation',
};

/**
 * Copy-ready requests for a record: its base URL for an API, its first download for a dataset.
 * Values come from validated URLs and are quoted for each language, never interpolated raw.
 */
export function usageExamples(
	entry: Entry,
): { target: string; examples: UsageExample[] } | undefined {
	const url = entry.kind === 'api' ? entry.baseUrl : entry.distributions[0]?.url;
	if (!url) return undefined;
	const note = CREDENTIALS_NOTE[entry.access];
	const js = JSON.stringify(url);
	if (entry.kind === 'api') {
		return {
			target: url,
			examples: [
				{
					language: 'curl',
					code: `curl -s ${shellQuote(url)} -H 'Accept: application/json'${note ? `  # ${note}` : ''}`,
				},
				{
					language: 'JavaScript',
					code: `const response = await fetch(${js}, {\n  headers: { Accept: 'application/json' },${note ? ` // ${note}` : ''}\n});\nconsole.log(response.status, await response.text());`,
				},
				{
					language: 'Python',
					code: `import urllib.request\n\nrequest = urllib.request.Request(${js}, headers={"Accept": "application/json"})${note ? `  # ${note}` : ''}\nwith urllib.request.urlopen(request) as response:\n    print(response.status, response.read()[:500])`,
				},
			],
		};
	}
	return {
		target: url,
		examples: [
			{
				language: 'curl',
				code: `curl -sL -o download ${shellQuote(url)}${note ? `  # ${note}` : ''}`,
			},
			{
				language: 'JavaScript',
				code: `const response = await fetch(${js});\nconst data = await response.arrayBuffer();\nconsole.log(response.status, data.byteLength, 'bytes');`,
			},
			{
				language: 'Python',
				code: `import urllib.request\n\nurllib.request.urlretrieve(${js}, "download")`,
			},
		],
	};
}
