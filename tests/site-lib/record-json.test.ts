import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from '../../src/lib/register/assemble-register.ts';
import { scoreRecord } from '../../src/lib/score/score-record.ts';
import { recordDocument } from '../../src/lib/site/record-json.ts';
import { RecordDocumentSchema } from '../../src/schemas/api-record.ts';
import { contractCheck } from '../helpers/contract-fixtures.ts';
import { API, input, PUBLISHER, snapshot } from '../helpers/score-fixtures.ts';

/** A record with four nights of history, the second not checked. */
function record(): RegisterRecord {
	return {
		id: API.id,
		entry: API,
		publisher: PUBLISHER,
		snapshot: null,
		history: {
			uptime30: { ratio: 0.67, counted: 3 },
			uptime90: { ratio: 0.67, counted: 3 },
			dates: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'],
			strip: ['U', null, 'X', 'D'],
			changes: [],
		},
		score: scoreRecord(input()),
		descriptionMarkdown: '',
		descriptionText: '',
		listedBy: [],
		imported: false,
		sourcePath: 'data/catalog/fr/fr-sample.md',
	} as unknown as RegisterRecord;
}

describe('the record JSON document', () => {
	it('states each proof signal once, in the evidence, and keeps the officialness summary line', () => {
		const scored = record();
		const official = scored.score.axes.find((a) => a.axis === 'officialness');
		expect(official?.reasons.length).toBeGreaterThan(1);
		const document = recordDocument(scored);
		const axis = document.score.axes.find((a) => a.axis === 'officialness');
		expect(axis?.reasons).toEqual(official?.reasons.slice(0, 1));
		expect(document.score.evidence.map((p) => p.signal)).toEqual(
			scored.score.proofs.map((p) => p.signal),
		);
		const availability = document.score.axes.find((a) => a.axis === 'availability');
		expect(availability?.reasons).toEqual(
			scored.score.axes.find((a) => a.axis === 'availability')?.reasons,
		);
	});

	it('gives the nights as one letter each, oldest first, with the first and last date', () => {
		expect(recordDocument(record()).history.nights).toEqual({
			first: '2026-11-23',
			last: '2026-11-26',
			outcomes: 'U.XD',
		});
	});

	it('lists each hint once, across the axes, and each axis without them', () => {
		const r = record();
		const document = recordDocument(r);
		expect(document.score.hints).toEqual(r.score.hints);
		expect(document.score.hints.length).toBeGreaterThan(0);
		for (const axis of document.score.axes) expect(axis).not.toHaveProperty('hints');
		expect(document.score.axes.map((a) => a.axis)).toEqual(r.score.axes.map((a) => a.axis));
	});

	it('carries the last contract check and the data files read, empty before the first check', () => {
		const never = recordDocument(record());
		expect(never.verification).toMatchObject({
			state: 'not-yet-verified',
			contract: null,
			files: [],
		});
		const contract = contractCheck({ conforms: false, violationCount: 1 });
		const checked = recordDocument({ ...record(), snapshot: snapshot({ contract }) });
		expect(checked.verification.contract).toEqual(contract);
		expect(checked.verification.files).toEqual([]);
		expect(RecordDocumentSchema.safeParse(JSON.parse(JSON.stringify(checked))).success).toBe(true);
	});
});
