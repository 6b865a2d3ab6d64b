import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SETTINGS_MODULE = join('src', 'lib', 'settings');
/** `process.env.C0MM0_X`, `process.env['C0MM0_X']`, and a destructured `{ C0MM0_X } = process.env`. */
const READS_SETTING =
	/process\.env\s*(?:\?\.\s*)?(?:\.\s*C0MM0_|\[\s*['"`]C0MM0_)|\{[^}]*\bC0MM0_\w+[^}]*\}\s*=\s*process\.env/;

function sourceFiles(): string[] {
	const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && /\.(ts|mts|js|mjs|astro)$/.test(d.name))
		.map((d) => relative(root, join(d.parentPath, d.name)));
	return [...files, 'astro.config.mjs'];
}

describe('the settings boundary', () => {
	it('leaves reading C0MM0_ variables to the settings module alone', () => {
		const offenders = sourceFiles()
			.filter((file) => !file.startsWith(SETTINGS_MODULE))
			.filter((file) => READS_SETTING.test(readFileSync(join(root, file), 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('would notice a module that reads one', () => {
		expect(READS_SETTING.test("const skip = process.env.C0MM0_SKIP_OG === '1';")).toBe(true);
		expect(READS_SETTING.test("process.env['C0MM0_OUT_DIR'] = dir;")).toBe(true);
		expect(READS_SETTING.test('const { C0MM0_DATA_DIR } = process.env;')).toBe(true);
		expect(READS_SETTING.test('const env = { ...process.env };')).toBe(false);
	});
});
