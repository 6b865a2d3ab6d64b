import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import ScoreSection from '../../src/components/record/ScoreSection.astro';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { input } from '../helpers/score-fixtures.ts';

describe('the score section of a record page', () => {
	it('gives officialness its summary line and a link to the proofs, and every other axis all its reasons', async () => {
		const score = scoreRecord(input());
		const official = score.axes.find((a) => a.axis === 'officialness');
		const metadata = score.axes.find((a) => a.axis === 'metadata');
		if (!official || !metadata) throw new Error('the score has no officialness or metadata axis');
		// Otherwise the test would prove nothing: there are signal lines to leave out.
		expect(official.reasons.length).toBeGreaterThan(1);

		const container = await AstroContainer.create();
		const html = (await container.renderToString(ScoreSection, { props: { score } }))
			.replaceAll('&#39;', "'")
			.replaceAll('&quot;', '"')
			.replaceAll('&lt;', '<')
			.replaceAll('&gt;', '>')
			.replaceAll('&amp;', '&');
		expect(html).toContain(official.reasons[0]?.slice(0, 40));
		for (const line of official.reasons.slice(1)) expect(html).not.toContain(line.slice(0, 40));
		expect(html).toContain('href="#proof"');
		for (const line of metadata.reasons) expect(html).toContain(line.slice(0, 30));
	});
});
