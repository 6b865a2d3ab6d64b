import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import MachineSection from '../../src/components/record/MachineSection.astro';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { pagePath, recordJsonPath } from '../../src/lib/register/urls.ts';
import { API } from '../helpers/score-fixtures.ts';

const record = {
	id: API.id,
	entry: API,
	imported: false,
	sourcePath: `data/catalog/fr/${API.id}.md`,
} as unknown as RegisterRecord;

describe('MachineSection', async () => {
	const container = await AstroContainer.create();
	const html = (await container.renderToString(MachineSection, { props: { record } })).replace(
		/\s+/g,
		' ',
	);

	it('links the record’s JSON and the OpenAPI description of the JSON API, in one line', () => {
		const line = html.match(/<li[ >].*?<\/li>/)?.[0] ?? '';
		expect(line).toContain(`href="${recordJsonPath(API.id)}"`);
		expect(line).toContain(`href="${pagePath('openApi')}"`);
		expect(line).toContain('>OpenAPI</a>');
	});
});
