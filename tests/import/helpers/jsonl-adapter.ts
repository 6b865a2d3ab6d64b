import { type Adapter, SourceFailure } from '../../../src/lib/import/adapter.ts';
import { fetchPage } from '../../../src/lib/import/adapters/fetch-page.ts';
import { HarvestedRecordSchema, type HarvestItem } from '../../../src/schemas/imported.ts';

/**
 * A test-only adapter: reads `<endpoint>?page=1, 2, …` until a page is empty, each page one
 * HarvestedRecord JSON per line. It exercises the pipeline (paging, conditional requests,
 * failure mid-way, skipped lines) without the parsing a real adapter does. Pages are read with
 * the adapters' own fetchPage, page 1 conditionally.
 */
export const jsonlAdapter: Adapter = async function* (context): AsyncIterable<HarvestItem> {
	const endpoint = context.source.endpoints[0]?.url;
	if (!endpoint) throw new SourceFailure('no endpoint');
	for (let page = 1; ; page += 1) {
		if (page > context.limits.maxPages) {
			throw new SourceFailure(`more than ${context.limits.maxPages} pages`);
		}
		const url = `${endpoint}?page=${page}`;
		const response = await fetchPage(context, url, {
			accept: 'application/x-ndjson',
			conditional: page === 1,
		});
		const text = response.body.toString('utf8');
		if (text.trim() === '') return;
		for (const line of text.split('\n')) {
			if (line.trim() === '') continue;
			let data: unknown;
			try {
				data = JSON.parse(line);
			} catch {
				throw new SourceFailure(`${url} is not JSON lines`);
			}
			const parsed = HarvestedRecordSchema.safeParse(data);
			if (parsed.success) yield { record: parsed.data };
			else {
				const issue = parsed.error.issues[0];
				yield {
					skipped: {
						field: issue?.path.join('.') || 'record',
						reason: issue?.message ?? 'not a record',
					},
				};
			}
		}
	}
};

export const loadJsonlAdapter = async () => jsonlAdapter;
