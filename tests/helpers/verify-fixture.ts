import { DINUM_PUBLISHER, tempDataDir } from './temp-catalog.ts';

export interface ScenarioEntry {
	id: string;
	kind?: 'api' | 'dataset';
	access?: string;
	baseUrl?: string;
	spec?: string;
	docs?: string;
	homepage?: string;
	/** Download URLs, declared JSON unless a format is given. */
	distributions?: (string | { url: string; format: string })[];
	updateFrequency?: string;
}

function entryFile(e: ScenarioEntry): string {
	const lines = [
		`id: ${e.id}`,
		`kind: ${e.kind ?? 'api'}`,
		`title: Scenario ${e.id}`,
		'summary: A loopback scenario used by the verifier tests, not a real service.',
		'country: FR',
		'publisher: dinum',
		`access: ${e.access ?? 'open'}`,
		'added: 2026-11-01',
	];
	// A query string per entry keeps base URLs distinct, so the duplicate rule stays quiet.
	if (e.baseUrl)
		lines.push(`baseUrl: ${e.baseUrl}${e.baseUrl.includes('?') ? '&' : '?'}entry=${e.id}`);
	if (e.spec) lines.push('spec:', `  url: ${e.spec}`, '  format: openapi');
	if (e.docs) lines.push(`docs: ${e.docs}`);
	if (e.homepage) lines.push(`homepage: ${e.homepage}`);
	if (e.distributions) {
		lines.push('distributions:');
		for (const d of e.distributions) {
			const { url, format } = typeof d === 'string' ? { url: d, format: 'JSON' } : d;
			lines.push(`  - url: ${url}`, `    format: ${format}`);
		}
	}
	if (e.updateFrequency) lines.push(`updateFrequency: ${e.updateFrequency}`);
	return `---\n${lines.join('\n')}\n---\n\nScenario.\n`;
}

/** A data dir whose catalog holds one API entry per scenario. */
export function scenarioDataDir(entries: readonly ScenarioEntry[]) {
	const files: Record<string, string> = { 'publishers/dinum.yaml': DINUM_PUBLISHER };
	for (const e of entries) files[`catalog/fr/${e.id}.md`] = entryFile(e);
	return tempDataDir(files);
}

/** Limits small enough for a loopback test run to finish in seconds. */
export const FAST_LIMITS = {
	connectTimeoutMs: 1_000,
	headersTimeoutMs: 1_000,
	bodyTimeoutMs: 1_000,
	requestDeadlineMs: 4_000,
	retryBaseDelayMs: 50,
	maxRetryAfterMs: 1_500,
	recheckDelayMs: 100,
	slowMs: 400,
	specBodyBytes: 1024 * 1024,
	specTimeoutMs: 15_000,
	specWorkers: 2,
	sanityMinRecords: 20,
};
