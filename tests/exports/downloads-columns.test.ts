import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnTypeText, describeColumns } from '../../src/lib/exports/downloads/column-types.ts';
import { AXES, AXIS_NAMES } from '../../src/lib/score/constants.ts';
import { DownloadFieldSchema } from '../../src/schemas/download-field.ts';
import { DOWNLOAD_COLUMNS, DownloadRowSchema } from '../../src/schemas/download-row.ts';

describe('the data dictionary of the downloads', () => {
	it('describes every column of both schemas, in file order, from its .describe() text', () => {
		const columns = describeColumns(DownloadRowSchema);
		expect(columns.map((c) => c.name)).toEqual(DOWNLOAD_COLUMNS);
		for (const schema of [DownloadRowSchema, DownloadFieldSchema])
			for (const column of describeColumns(schema))
				expect(column.description, column.name).not.toBe('');
		expect(columns.find((c) => c.name === 'licence')?.description).toBe(
			DownloadRowSchema.shape.licence.description,
		);
	});

	it('has one score column per axis of the score, named as the methodology names it', () => {
		const axes = describeColumns(DownloadRowSchema).filter(
			(c) => c.name.startsWith('score_') && !['score_band', 'score_provisional'].includes(c.name),
		);
		expect(axes.map((c) => c.name)).toEqual(AXES.map((axis) => `score_${axis}`));
		for (const [i, axis] of AXES.entries())
			expect(axes[i]?.description).toMatch(new RegExp(`^${AXIS_NAMES[axis]}, `));
	});

	it('reads each column’s type as zod sees it: integer, nullable, date-time, enumerated values', () => {
		const byName = new Map(describeColumns(DownloadRowSchema).map((c) => [c.name, c]));
		const type = (name: string) => {
			const column = byName.get(name);
			if (!column) throw new Error(name);
			return columnTypeText(column);
		};
		expect(type('score')).toBe('integer');
		expect(type('uptime_30d')).toBe('number, or null');
		expect(type('checked_at')).toBe('text (ISO 8601 date-time), or null');
		expect(type('score_provisional')).toBe('true / false');
		expect(byName.get('outcome')?.values).toEqual([
			'up',
			'degraded',
			'down',
			'inconclusive',
			'not-yet-verified',
		]);
	});

	it('refuses a column that no CSV cell could hold', () => {
		expect(() => describeColumns(z.object({ nested: z.object({ a: z.string() }) }))).toThrow(
			/nested must hold one scalar type/,
		);
		expect(() => describeColumns(z.object({ either: z.union([z.string(), z.number()]) }))).toThrow(
			/either must hold one scalar type/,
		);
	});
});
