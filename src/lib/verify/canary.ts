import { FetchError } from './errors.ts';
import type { HttpClient } from './http-client.ts';

/**
 * Fetches well-known public pages before a run. If none answers, the machine running the check
 * has no working network, and every record would wrongly look down.
 */
export async function checkNetwork(
	client: HttpClient,
	urls: readonly string[],
): Promise<{ ok: boolean; detail: string }> {
	const outcomes = await Promise.all(
		urls.map(async (url) => {
			try {
				const result = await client.fetch(url, { method: 'GET', maxBytes: 16 * 1024 });
				return result.status < 500 ? null : `${url} answered ${result.status}`;
			} catch (error) {
				return `${url}: ${error instanceof FetchError ? error.code : String(error)}`;
			}
		}),
	);
	const failures = outcomes.filter((o): o is string => o !== null);
	return failures.length < urls.length
		? { ok: true, detail: '' }
		: { ok: false, detail: failures.join('; ') };
}
